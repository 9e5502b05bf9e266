/**
 * Compiling a template's summary: expressions parsed once (over a unit's columns, the parameters and the derived
 * values), measure references resolved to positions, every problem collected as a template error. A template without
 * a summary gets a default one: Template 1's for a 消薄 template (one with an `elimination` section, as older exports
 * of Template 1 are), else units reported and the sums of its number columns.
 */
import { t, type MessageKey, type Params } from "../i18n";
import villageEconomy from "./builtin/village-economy.json";
import type { CompiledExpression, ExprFn } from "./expression";
import type { CompiledColumn } from "./load";
import type { Template } from "./schema";
import {
  summarySchema,
  type Breakdown,
  type FigureFormat,
  type Measure,
  type Summary,
  type UnitList,
  type UnitRanking,
} from "./summary-schema";

export interface CompiledMeasure {
  spec: Measure;
  index: number;
  format: FigureFormat;
  /** Money: summed (and averaged) in integer cents, so totals never drift. */
  scale: number | null;
  /** Adds up across townships (county = Σ townships): registry, target, reported, count, sum. */
  additive: boolean;
  /** Null for a township that was not merged (all but registry and target figures). */
  mergedOnly: boolean;
  where?: ExprFn;
  of?: ExprFn;
  among?: ExprFn;
  /** Set when the expression is a bare unit key: the unit's value is read directly, not through a scope. */
  whereKey?: string;
  ofKey?: string;
  amongKey?: string;
  /** Positions of the ratio's parts, or of the goal's measure. */
  numerator?: number;
  denominator?: number;
  goalOf?: number;
}

export interface CompiledUnitRanking {
  spec: UnitRanking;
  by?: ExprFn;
  components?: ExprFn[];
  /** For each component that is a bare unit key, the key (read directly). */
  componentKeys?: (string | undefined)[];
  columns: CompiledColumn[];
}

export interface CompiledList {
  spec: UnitList;
  where: ExprFn;
  columns: CompiledColumn[];
}

export interface CompiledBreakdown {
  spec: Breakdown;
  columns: CompiledColumn[];
  among?: ExprFn;
}

export interface CompiledSummary {
  spec: Summary;
  derived: { key: string; fn: ExprFn }[];
  measures: CompiledMeasure[];
  byKey: Map<string, CompiledMeasure>;
  rank?: { measure: CompiledMeasure };
  unitRankings: CompiledUnitRanking[];
  lists: CompiledList[];
  breakdowns: CompiledBreakdown[];
  /** The village code column: what ties a row to the registry. */
  codeColumn?: CompiledColumn;
  /** The unit keys (columns and derived values) the expressions evaluated through a scope read: all it needs to copy. */
  reads: string[];
}

export interface SummaryCompileContext {
  columnNamed(name: string): CompiledColumn | undefined;
  params: Record<string, number | readonly (number | string)[]>;
  codeColumn?: CompiledColumn;
  expr(source: string, path: string, symbols: ReadonlySet<string>, into: string[]): CompiledExpression | undefined;
  /** Column keys and parameters. */
  known: ReadonlySet<string>;
  errors: string[];
}

const DEFAULT_FORMAT: Record<Measure["kind"], FigureFormat> = {
  registry: "integer",
  target: "integer",
  reported: "integer",
  count: "integer",
  sum: "decimal",
  mean: "decimal",
  share: "percent",
  ratio: "percent",
  goal: "goal",
};
const ADDITIVE = new Set<Measure["kind"]>(["registry", "target", "reported", "count", "sum"]);

/** The summary of a template that has none: units reported and the sums of its number columns. */
export function defaultSummary(template: Template): Summary {
  const measures: unknown[] = [];
  const both = (key: MessageKey, params: Params = {}) => ({ "zh-CN": t(key, params, "zh-CN"), "en-US": t(key, params, "en-US") });
  if (template.coverage === "all") measures.push({ key: "villages", header: both("name.villages"), kind: "registry", of: "villages" });
  measures.push({ key: "reported", header: both(template.coverage === "all" ? "name.reportedVillages" : "name.reportedEntries"), kind: "reported" });
  for (const c of template.columns) {
    if (c.type !== "number" || c.compute) continue;
    const header = both("name.sumOf", { header: c.header });
    measures.push({ key: `sum_${c.key}`, header, kind: "sum", of: c.key, format: c.decimals === 2 ? "money" : "decimal", unit: c.unit });
  }
  return summarySchema.parse({ title: both("name.summaryTitle", { template: template.name }), measures });
}

export function compileSummary(template: Template, ctx: SummaryCompileContext): CompiledSummary {
  if (!template.summary && template.elimination) {
    // A 消薄 template without a summary (an older export of Template 1): Template 1's, when its columns are there.
    const trial: string[] = [];
    const compiled = compileSpec(template, summarySchema.parse(villageEconomy.summary), { ...ctx, errors: trial });
    if (trial.length === 0) return compiled;
  }
  return compileSpec(template, template.summary ?? defaultSummary(template), ctx);
}

function compileSpec(template: Template, spec: Summary, ctx: SummaryCompileContext): CompiledSummary {
  const { errors } = ctx;

  // Derived values, each able to read the ones before it.
  const symbols = new Set(ctx.known);
  const reads = new Set<string>();
  const isParam = (s: string) => Object.prototype.hasOwnProperty.call(ctx.params, s);
  /** The unit key an expression that is nothing but one (`totalIncome`, `countedEliminated`) names: read directly. */
  const bareKey = (e: CompiledExpression | undefined): string | undefined =>
    e && e.symbols.length === 1 && e.source.trim() === e.symbols[0] && !isParam(e.symbols[0]) ? e.symbols[0] : undefined;
  /** Compiles an expression; unless `direct` (a bare key the caller reads from the unit itself), notes what it reads. */
  const compile = (source: string, path: string, direct = false): CompiledExpression | undefined => {
    const e = ctx.expr(source, path, symbols, errors);
    if (!(direct && bareKey(e))) for (const s of e?.symbols ?? []) if (!isParam(s)) reads.add(s);
    return e;
  };
  const derived: CompiledSummary["derived"] = [];
  spec.derived.forEach((d, i) => {
    const path = `summary.derived[${i}](${d.key})`;
    if (symbols.has(d.key)) errors.push(t("template.duplicateMeasure", { path, key: d.key }));
    const e = compile(d.expr, `${path}.expr`);
    symbols.add(d.key);
    if (e) derived.push({ key: d.key, fn: e.fn });
  });
  const fn = (source: string | undefined, path: string): ExprFn | undefined => (source === undefined ? undefined : compile(source, path)?.fn);

  const byKey = new Map<string, CompiledMeasure>();
  const measures: CompiledMeasure[] = spec.measures.map((m, index) => {
    const path = `summary.measures[${index}](${m.key})`;
    if (byKey.has(m.key)) errors.push(t("template.duplicateMeasure", { path, key: m.key }));
    const format = m.format ?? DEFAULT_FORMAT[m.kind];
    const of = m.kind === "sum" || m.kind === "mean" ? compile(m.of, `${path}.of`, true) : undefined;
    const cm: CompiledMeasure = {
      spec: m,
      index,
      format,
      scale: m.kind === "sum" || m.kind === "mean" ? scaleOf(format, of, ctx) : null,
      additive: ADDITIVE.has(m.kind),
      mergedOnly: m.kind !== "registry" && m.kind !== "target",
    };
    if (m.kind === "count" || m.kind === "share") {
      const where = compile(m.where, `${path}.where`, true);
      cm.where = where?.fn;
      cm.whereKey = bareKey(where);
    }
    if (m.kind === "share" && m.among !== undefined) {
      const among = compile(m.among, `${path}.among`, true);
      cm.among = among?.fn;
      cm.amongKey = bareKey(among);
    }
    if (of) {
      cm.of = of.fn;
      cm.ofKey = bareKey(of);
    }
    if (!byKey.has(m.key)) byKey.set(m.key, cm);
    return cm;
  });
  const measureRef = (k: string, path: string): number | undefined => {
    const m = byKey.get(k);
    if (!m) errors.push(t("template.unknownMeasure", { path, key: k, known: [...byKey.keys()].join(", ") }));
    return m?.index;
  };
  spec.measures.forEach((m, i) => {
    const path = `summary.measures[${i}](${m.key})`;
    if (m.kind === "ratio") {
      measures[i].numerator = measureRef(m.numerator, `${path}.numerator`);
      measures[i].denominator = measureRef(m.denominator, `${path}.denominator`);
    }
    if (m.kind === "goal") {
      measures[i].goalOf = measureRef(m.measure, `${path}.measure`);
      if (typeof m.atLeast === "string") numberParam(m.atLeast, `${path}.atLeast`, ctx);
    }
  });

  // A ratio or goal may rest on another, never on itself.
  const onPath = new Set<number>();
  const done = new Set<number>();
  const walk = (m: CompiledMeasure): void => {
    if (done.has(m.index)) return;
    if (onPath.has(m.index)) {
      errors.push(t("template.measureCycle", { path: `summary.measures[${m.index}](${m.spec.key})` }));
      done.add(m.index);
      return;
    }
    onPath.add(m.index);
    for (const i of [m.numerator, m.denominator, m.goalOf]) if (i !== undefined) walk(measures[i]);
    onPath.delete(m.index);
    done.add(m.index);
  };
  measures.forEach(walk);

  let rank: CompiledSummary["rank"];
  if (spec.rank) {
    const i = measureRef(spec.rank.measure, "summary.rank.measure");
    if (i !== undefined) rank = { measure: measures[i] };
    if (typeof spec.rank.stars === "string") listParam(spec.rank.stars, "summary.rank.stars", ctx);
  }

  const columnsOf = (names: readonly string[], path: string): CompiledColumn[] =>
    names.flatMap((name, i) => {
      const c = ctx.columnNamed(name);
      if (!c) errors.push(t("template.unknownColumn", { path: `${path}[${i}]`, key: name, known: template.columns.map((x) => x.key).join(", ") }));
      return c ? [c] : [];
    });

  const unitRankings = spec.unitRankings.map((r, i): CompiledUnitRanking => {
    const path = `summary.unitRankings[${i}]`;
    if (!r.by === !r.index) errors.push(t("template.invalid", { path, problem: t("template.problem.byOrIndex") }));
    if (r.index && typeof r.index.weights === "string") listParam(r.index.weights, `${path}.index.weights`, ctx);
    if (typeof r.stars === "string") listParam(r.stars, `${path}.stars`, ctx);
    const components = r.index?.components.map((c, k) => compile(c, `${path}.index.components[${k}]`, true));
    return {
      spec: r,
      by: fn(r.by, `${path}.by`),
      components: components?.map((e) => e?.fn).filter((f): f is ExprFn => !!f),
      componentKeys: components?.map((e) => bareKey(e)),
      columns: columnsOf(r.columns, `${path}.columns`),
    };
  });
  const lists = spec.lists.map((l, i): CompiledList => ({
    spec: l,
    where: fn(l.where, `summary.lists[${i}].where`) ?? (() => false),
    columns: columnsOf(l.columns, `summary.lists[${i}].columns`),
  }));
  const breakdowns = spec.breakdowns.map((b, i): CompiledBreakdown => ({
    spec: b,
    columns: columnsOf(b.columns, `summary.breakdowns[${i}].columns`),
    among: fn(b.among, `summary.breakdowns[${i}].among`),
  }));
  return { spec, derived, measures, byKey, rank, unitRankings, lists, breakdowns, codeColumn: ctx.codeColumn, reads: [...reads] };
}

/**
 * Sums are kept in integers where the values have a fixed number of decimals (money in cents; a column's own decimals;
 * integers as they are), so a township's sum and the county's add up exactly whatever the order; other sums are
 * floating point (reconcile compares them with a relative tolerance).
 */
function scaleOf(format: FigureFormat, of: CompiledExpression | undefined, ctx: SummaryCompileContext): number | null {
  if (format === "money") return 100;
  const column = of && of.symbols.length === 1 && of.source.trim() === of.symbols[0] ? ctx.columnNamed(of.symbols[0]) : undefined;
  if (column?.type === "integer") return 1;
  if (column?.type === "number" && column.decimals !== undefined) return 10 ** column.decimals;
  return null;
}

function numberParam(name: string, path: string, ctx: SummaryCompileContext): void {
  if (typeof ctx.params[name] !== "number") ctx.errors.push(t("template.unknownSymbol", { path, expr: name, name, known: Object.keys(ctx.params).join(", ") }));
}

function listParam(name: string, path: string, ctx: SummaryCompileContext): void {
  const v = ctx.params[name];
  if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) ctx.errors.push(t("template.notList", { path, name }));
}
