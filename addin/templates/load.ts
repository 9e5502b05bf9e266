/**
 * Loading a template: zod checks every field (errors mapped to Chinese messages naming the path), then the cross-field
 * checks: unique keys and headers, every key an expression or a section names exists, expressions parse and use only
 * known column keys and numeric parameters, regular expressions compile. The compiled form (expressions as closures,
 * header lookup, enum sets) is made once per template object and cached.
 */
import type { z } from "zod";
import { t, type Locale, type MessageKey } from "../i18n";
import { compileExpression, ExpressionError, type CompiledExpression, type RowScope, type Slots } from "./expression";
import { FUNCTION_NAMES } from "./expression-functions";
import { compactText, normaliseHeader, normaliseText } from "./normalise";
import { templateSchema, type Template, type TemplateColumn, type TemplateRule, type TemplateText } from "./schema";
import { compileSummary, type CompiledSummary } from "./compile-summary";

/** A template that cannot be used; `messages` lists every problem, in the current locale. */
export class TemplateError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "TemplateError";
  }
}

export interface CompiledColumn extends TemplateColumn {
  /** Position in template.columns. */
  index: number;
  /** Normalised header and synonyms, for matching a file's header. */
  names: string[];
  /** Normalised enum value → the template's spelling. */
  enumValues?: Map<string, string>;
  regex?: RegExp;
  requiredIf?: CompiledExpression;
  /** number or integer: blank counts as 0 in rules when the column is optional. */
  numeric: boolean;
  /** A computed column's expression (computed when blank, checked when filled). */
  computeExpr?: CompiledExpression;
  /** Checked against the 合计 row. */
  inTotal: boolean;
}

export interface CompiledRule extends TemplateRule {
  check: CompiledExpression;
  condition?: CompiledExpression;
}

export interface CompiledTemplate {
  template: Template;
  columns: CompiledColumn[];
  /** Column by key (null prototype). */
  byKey: Record<string, CompiledColumn>;
  /** Column by normalised header or synonym. */
  byName: Map<string, CompiledColumn>;
  rules: CompiledRule[];
  /** Computed columns, each after the columns its expression reads. */
  computed: CompiledColumn[];
  /** Parameters (numbers and lists), as expressions see them. */
  params: Record<string, number | readonly (number | string)[]>;
  /**
   * The scope a row is checked in, before its values are set (copied once per sheet): its columns' values at their
   * indexes, null, then the parameters. The row expressions (requiredWhen, rules, computed columns) read it by place.
   */
  rowScope: Readonly<RowScope>;
  /** Column by key, header or synonym (as a county writes `{经营性收入}` or a rule's column). */
  columnNamed(name: string): CompiledColumn | undefined;
  /** The county summary, compiled (the template's own, or the default for it). */
  summary: CompiledSummary;
  totalLabels: string[];
  /** Subtotal labels (小计): such rows are skipped. */
  subtotalLabels: string[];
  footer: string[];
  /** Boilerplate phrases (compact, lower case, no punctuation or digits), longest first. */
  boilerplate: string[];
}

const compiledCache = new WeakMap<Template, CompiledTemplate>();

/** Names a merged unit already has (addin/merge: its township, registry name and source row): not column keys. */
const RESERVED_KEYS = new Set(["townshipCode", "townshipName", "reportedName", "source"]);

function describePath(path: readonly PropertyKey[], input: unknown): string {
  if (path.length === 0) return t("template.root");
  let out = "";
  let node: unknown = input;
  for (const p of path) {
    out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[p] : undefined;
    if (typeof p === "number" && node && typeof node === "object") {
      const k = (node as { key?: unknown; id?: unknown }).key ?? (node as { id?: unknown }).id;
      if (typeof k === "string") out += `(${k})`;
    }
  }
  return out;
}

const TYPE_NAMES: Record<string, MessageKey> = {
  string: "template.type.string",
  number: "template.type.number",
  int: "template.type.number",
  boolean: "template.type.boolean",
  array: "template.type.array",
  object: "template.type.object",
};

function zodProblem(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ? t(TYPE_NAMES[issue.expected]) : issue.expected;
      return (issue as { input?: unknown }).input === undefined ? t("template.problem.missing", { expected }) : t("template.problem.type", { expected });
    }
    case "too_small":
      return issue.origin === "number" ? t("template.problem.tooSmall", { minimum: String(issue.minimum) }) : t("template.problem.tooShort", { minimum: String(issue.minimum) });
    case "too_big":
      return t("template.problem.tooBig", { maximum: String(issue.maximum) });
    case "invalid_value":
      return t("template.problem.value", { values: issue.values.map((v) => String(v)).join(" / ") });
    case "unrecognized_keys":
      return t("template.problem.keys", { keys: issue.keys.join(", ") });
    case "invalid_format":
      return t("template.problem.format", { pattern: (issue as { pattern?: string }).pattern ?? issue.format });
    case "invalid_union": {
      const first = issue.errors.flat()[0];
      return first ? zodProblem(first) : t("template.problem.other");
    }
    default:
      return t("template.problem.other");
  }
}

/** The author's text in a locale (Chinese when there is no English). */
export function textOf(text: TemplateText, locale: Locale = "zh-CN"): string {
  if (typeof text === "string") return text;
  return (locale === "en-US" ? text["en-US"] : undefined) ?? text["zh-CN"];
}

/**
 * Checks a template (parsed JSON, or JSON text) and returns it with defaults filled in.
 * Throws TemplateError listing every problem, each naming its path (`columns[4](totalIncome).min`).
 */
export function loadTemplate(json: unknown): Template {
  let input = json;
  if (typeof json === "string") {
    try {
      input = JSON.parse(json);
    } catch (e) {
      throw new TemplateError([t("template.notJson", { reason: (e as Error).message })]);
    }
  }
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    throw new TemplateError(parsed.error.issues.map((i) => t("template.invalid", { path: describePath(i.path, input), problem: zodProblem(i) })));
  }
  // $schema is for editors (docs/templates.md): not part of the template.
  const { $schema: _editorSchema, ...data } = parsed.data;
  const template = withKeys(data);
  namesToKeys(template);
  const errors: string[] = [];
  const compiled = compile(template, errors);
  if (errors.length) throw new TemplateError(errors);
  compiledCache.set(template, compiled);
  return template;
}

/**
 * Fills in the keys a county left out: a header that is already a valid key is its own key, any other column gets
 * `c` and its position (c3), made unique.
 */
function withKeys(parsed: { columns: (Omit<TemplateColumn, "key"> & { key?: string })[] }): Template {
  const taken = new Set(parsed.columns.map((c) => c.key).filter((k): k is string => !!k));
  parsed.columns.forEach((c, i) => {
    if (c.key) return;
    const header = c.header.replace(/\s+/g, "");
    let k = /^[A-Za-z_][A-Za-z0-9_]*$/.test(header) && !taken.has(header) ? header : `c${i + 1}`;
    while (taken.has(k)) k += "_";
    taken.add(k);
    c.key = k;
  });
  return parsed as unknown as Template;
}

/**
 * The columns the template's sections name (序号, 消薄, 同比, 说明 columns) may be named by header, as a county writes
 * them: each becomes the column's key, so the rest of XiaoBo reads keys only. A name no column has is left as it is
 * (compile reports it).
 */
function namesToKeys(template: Template): void {
  const byName = new Map<string, string>();
  for (const c of template.columns) for (const n of [c.header, ...c.synonyms]) if (!byName.has(normaliseHeader(n))) byName.set(normaliseHeader(n), c.key);
  const keys = new Set(template.columns.map((c) => c.key));
  const key = (name: string): string => (keys.has(name) ? name : (byName.get(normaliseHeader(name)) ?? name));
  if (template.sequenceColumn !== undefined) template.sequenceColumn = key(template.sequenceColumn);
  const e = template.elimination;
  if (e) Object.assign(e, { total: key(e.total), operating: key(e.operating), eliminated: key(e.eliminated), baseline: key(e.baseline) }, e.name !== undefined ? { name: key(e.name) } : {}, e.year !== undefined ? { year: key(e.year) } : {});
  const y = template.yoy;
  if (y) {
    y.by = key(y.by);
    y.columns = y.columns.map(key);
    if (y.name !== undefined) y.name = key(y.name);
  }
  if (template.explanation) template.explanation.column = key(template.explanation.column);
}

/** The template as JSON text (2-space indented), ready to edit and load back. */
export function templateToJson(template: Template): string {
  return JSON.stringify(template, null, 2);
}

/** The compiled form of a loaded template (made once per template object). Throws TemplateError if it is not valid. */
export function compileTemplate(template: Template): CompiledTemplate {
  let c = compiledCache.get(template);
  if (!c) {
    const errors: string[] = [];
    c = compile(template, errors);
    if (errors.length) throw new TemplateError(errors);
    compiledCache.set(template, c);
  }
  return c;
}

function compile(template: Template, errors: string[]): CompiledTemplate {
  const byKey: Record<string, CompiledColumn> = Object.create(null);
  const byName = new Map<string, CompiledColumn>();
  const params: CompiledTemplate["params"] = Object.create(null);
  for (const [k, v] of Object.entries(template.parameters)) if (typeof v === "number" || Array.isArray(v)) params[k] = v;

  const columns: CompiledColumn[] = template.columns.map((col, index) => {
    const path = `columns[${index}](${col.key})`;
    const c: CompiledColumn = {
      ...col,
      index,
      names: [],
      numeric: col.type === "number" || col.type === "integer",
      inTotal: col.total ?? col.type === "number",
    };
    const first = byKey[col.key];
    if (RESERVED_KEYS.has(col.key)) errors.push(t("template.reservedKey", { path, key: col.key, reserved: [...RESERVED_KEYS].join(", ") }));
    if (first) errors.push(t("template.duplicateKey", { path, key: col.key, first: first.index + 1 }));
    else byKey[col.key] = c;
    for (const name of [col.header, ...col.synonyms]) {
      const n = normaliseHeader(name);
      const other = byName.get(n);
      if (other && other !== c) errors.push(t("template.duplicateName", { path, name, other: other.header }));
      else if (!other) {
        byName.set(n, c);
        c.names.push(n);
      }
    }
    if (col.type === "enum") {
      if (!col.enum) errors.push(t("template.enumMissing", { path }));
      else c.enumValues = new Map(col.enum.map((v) => [normaliseText(v), v]));
    }
    if (col.min !== undefined && col.max !== undefined && col.min > col.max) errors.push(t("template.minMax", { path, min: col.min, max: col.max }));
    if (col.pattern) {
      try {
        c.regex = new RegExp(col.pattern);
      } catch {
        errors.push(t("template.badPattern", { path: `${path}.pattern`, pattern: col.pattern }));
      }
    }
    return c;
  });

  const columnNamed = (name: string): CompiledColumn | undefined => byKey[name] ?? byName.get(normaliseHeader(name));
  const known = new Set([...columns.map((c) => c.key), ...Object.keys(params)]);
  // A row's places: each column at its index, then each parameter (a column's key is the column, as a row sees it).
  const slots = new Map<string, number>(columns.map((c) => [c.key, c.index]));
  const rowScope: RowScope = columns.map(() => null);
  for (const [name, value] of Object.entries(params)) {
    if (slots.has(name)) continue;
    slots.set(name, rowScope.length);
    rowScope.push(value);
  }
  const expr = (
    source: string,
    path: string,
    tolerance?: number,
    symbols: ReadonlySet<string> = known,
    into: string[] = errors,
    places?: Slots,
  ): CompiledExpression | undefined => {
    // `{经营性收入}` names a column by its header (or a synonym): replaced by its key before parsing.
    let unknownHeader = false;
    const resolved = source.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
      const c = columnNamed(name.trim());
      if (c) return c.key;
      unknownHeader = true;
      into.push(t("template.unknownHeader", { path, name: name.trim(), known: columns.map((x) => x.header).join(t("app.listSeparator")) }));
      return whole;
    });
    if (unknownHeader) return undefined;
    try {
      return compileExpression(resolved, symbols, tolerance, places);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      const key: MessageKey =
        e.kind === "syntax" ? "template.syntax" : e.kind === "unknown-symbol" ? "template.unknownSymbol" : e.kind === "arity" ? "template.arity" : "template.unsupported";
      into.push(t(key, { path, expr: source, name: e.detail, reason: e.detail, known: [...symbols].join(", "), functions: FUNCTION_NAMES.join("/") }));
      return undefined;
    }
  };
  const columnRef = (name: string | undefined, path: string, types?: readonly string[]): CompiledColumn | undefined => {
    if (name === undefined) return undefined;
    const c = columnNamed(name);
    if (!c) errors.push(t("template.unknownColumn", { path, key: name, known: columns.map((x) => x.key).join(", ") }));
    else if (types && !types.includes(c.type)) errors.push(t("template.wrongColumnType", { path, key: name, expected: types.join(" / ") }));
    return c;
  };

  /** An expression evaluated on each row (validation's RowScope); the summary's are evaluated on merged units. */
  const rowExpr = (source: string, path: string, tolerance?: number) => expr(source, path, tolerance, known, errors, slots);
  columns.forEach((c, i) => {
    // Conditions are exact (tolerance 0): a tolerance loosens a check, but would make `voters > 0` hold for 0.
    if (c.requiredWhen) c.requiredIf = rowExpr(c.requiredWhen.expr, `columns[${i}](${c.key}).requiredWhen.expr`, 0);
  });
  const rules: CompiledRule[] = [];
  template.rules.forEach((r, i) => {
    const path = `rules[${i}](${r.id})`;
    const column = columnRef(r.column, `${path}.column`);
    const check = rowExpr(r.expr, `${path}.expr`, r.tolerance);
    const condition = r.when ? rowExpr(r.when, `${path}.when`, 0) : undefined;
    if (check) rules.push({ ...r, column: column?.key ?? r.column, check, condition });
  });
  const computed = computeOrder(columns, (c, i) => rowExpr(c.compute!.expr, `columns[${i}](${c.key}).compute.expr`, c.compute!.tolerance), errors);
  columnRef(template.sequenceColumn, "sequenceColumn");
  if (template.elimination) {
    const e = template.elimination;
    columnRef(e.total, "elimination.total", ["number", "integer"]);
    columnRef(e.operating, "elimination.operating", ["number", "integer"]);
    columnRef(e.eliminated, "elimination.eliminated", ["yesno"]);
    columnRef(e.baseline, "elimination.baseline", ["yesno"]);
    columnRef(e.name, "elimination.name");
    columnRef(e.year, "elimination.year", ["year", "integer"]);
  }
  if (template.yoy) {
    columnRef(template.yoy.by, "yoy.by");
    columnRef(template.yoy.name, "yoy.name");
    template.yoy.columns.forEach((k, i) => columnRef(k, `yoy.columns[${i}]`, ["number", "integer"]));
  }
  if (template.explanation) columnRef(template.explanation.column, "explanation.column", ["text"]);

  const boilerplate = (template.explanation?.boilerplate ?? [])
    .map((p) => compactText(p).toLowerCase().replace(/[\p{P}\p{S}\d]/gu, ""))
    .filter((p) => p !== "")
    .sort((a, b) => b.length - a.length);
  const summary = compileSummary(template, {
    columnNamed,
    params,
    codeColumn: columns.find((c) => c.registry === "villageCode"),
    expr: (source, path, symbols, into) => expr(source, path, 0, symbols, into),
    known,
    errors,
  });
  return {
    template,
    columns,
    byKey,
    byName,
    rules,
    computed,
    params,
    rowScope,
    columnNamed,
    summary,
    totalLabels: template.totals.labels.map(compactText),
    subtotalLabels: template.totals.subtotals.map(compactText),
    footer: template.footer.map(compactText),
    boilerplate,
  };
}

/**
 * The computed columns in an order where each comes after the computed columns its expression reads (综合得分 after
 * 实绩得分 and 测评得分); a cycle is a template error.
 */
function computeOrder(columns: CompiledColumn[], compileOne: (c: CompiledColumn, i: number) => CompiledExpression | undefined, errors: string[]): CompiledColumn[] {
  const withCompute = columns.filter((c) => c.compute);
  for (const c of withCompute) c.computeExpr = compileOne(c, c.index);
  const ordered: CompiledColumn[] = [];
  const state = new Map<CompiledColumn, "visiting" | "done">();
  const visit = (c: CompiledColumn, trail: CompiledColumn[]): void => {
    const s = state.get(c);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = [...trail.slice(trail.indexOf(c)), c].map((x) => x.header).join(" → ");
      errors.push(t("template.computeCycle", { path: `columns[${c.index}](${c.key}).compute.expr`, cycle }));
      return;
    }
    state.set(c, "visiting");
    for (const sym of c.computeExpr?.symbols ?? []) {
      const dep = withCompute.find((d) => d.key === sym);
      if (dep) visit(dep, [...trail, c]);
    }
    state.set(c, "done");
    if (c.computeExpr) ordered.push(c);
  };
  for (const c of withCompute) visit(c, []);
  return ordered;
}
