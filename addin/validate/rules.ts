/**
 * Row checks after the cells are read: required and conditionally required columns, the template's row rules
 * (compiled once; evaluated with one reused scope object), and 是否已消薄 against 达标.
 *
 * Rule scope: a blank optional number column counts as 0 (`operatingIncome + subsidyIncome <= totalIncome` with no
 * subsidy); a blank required column, or any cell that could not be read, is null and makes the rule not applicable
 * (its own issue is already reported).
 */
import { NO, YES } from "../i18n";
import { address } from "../grid";
import { formatDate, textOf, type CompiledColumn, type CompiledTemplate, type Scope } from "../templates";
import { formatNumber, type Collector } from "./context";
import type { ColumnMap } from "./map-columns";
import { applyComputed } from "./compute";
import type { Value } from "./normalise-cell";
import type { Standard } from "../metrics";
import { meets, standardOf } from "./standard";

const scopeProtos = new WeakMap<CompiledTemplate, object>();

/**
 * A rule scope for a template: fast properties (not a null-prototype dictionary), every key there from the start, read
 * and written for every row. Its prototype is one per template, so every file's scope has the same hidden class and the
 * compiled rules stay fast from one file to the next (a prototype per file would give each file new shapes).
 */
function newScope(ct: CompiledTemplate): Scope {
  let proto = scopeProtos.get(ct);
  if (!proto) {
    proto = Object.create(null) as object;
    scopeProtos.set(ct, proto);
  }
  const scope = Object.create(proto) as Scope;
  for (const c of ct.columns) scope[c.key] = null;
  Object.assign(scope, ct.params);
  return scope;
}

export class RowChecker {
  private readonly scope: Scope;
  private readonly standard?: Standard;
  private readonly codeKey: string | undefined;
  private readonly baselineKey: string | undefined;
  /** requiredWhen columns that are not in the sheet, once reported. */
  readonly missingNeeded = new Set<CompiledColumn>();

  /**
   * `baselineOf`: the registry's 薄弱村基数 for a village code. The baseline cannot change, so the rules see the registry's
   * value (a wrong 是否薄弱村基数 is one registry-mismatch error, not also a cascade of 是否已消薄 errors).
   */
  constructor(
    private readonly ct: CompiledTemplate,
    private readonly map: ColumnMap,
    private readonly out: Collector,
    private readonly baselineOf?: (code: string) => boolean | undefined,
    /** The year the report is for (from its title), or failing that the latest year a 消薄年份 may be. */
    private readonly reportYear?: { year: number; fromTitle: boolean },
  ) {
    this.baselineKey = ct.columns.find((c) => c.registry === "weakBaseline")?.key;
    this.scope = newScope(ct);
    this.codeKey = codeKeyOf(ct);
    if (ct.template.elimination) this.standard = standardOf(ct.template.parameters);
  }

  private cellOf(r: number, column: CompiledColumn): string | undefined {
    const c = this.map.colOf[column.index];
    return c < 0 ? undefined : address(r, c);
  }

  private fmt(column: CompiledColumn | undefined, v: Value): string {
    if (v === null) return "";
    if (typeof v === "number") return column?.type === "date" ? formatDate(v) : formatNumber(v, column?.decimals);
    if (typeof v === "boolean") return v ? YES : NO;
    return v;
  }

  /** Checks one data row (0-based sheet row `r`); `bad[i]` marks template column i as unreadable in this row. */
  check(r: number, values: Record<string, Value>, bad: Uint8Array): void {
    const { ct, scope, out } = this;
    const row = r + 1;
    for (const col of ct.columns) {
      const v = values[col.key];
      scope[col.key] = bad[col.index] ? null : v === null && col.numeric && !col.required ? 0 : v;
    }
    if (this.baselineOf && this.baselineKey) {
      const code = villageCodeOf(values, this.codeKey);
      const truth = code === undefined ? undefined : this.baselineOf(code);
      if (truth !== undefined) scope[this.baselineKey] = truth;
    }
    if (ct.computed.length) applyComputed(ct, values, bad, scope, out, { row, villageCode: villageCodeOf(values, this.codeKey), cellOf: (c) => this.cellOf(r, c) });
    for (const col of ct.columns) {
      if (values[col.key] !== null || bad[col.index]) continue;
      const present = this.map.colOf[col.index] >= 0;
      if (col.required) {
        if (present) out.add("required", "required", {}, { cell: this.cellOf(r, col), row, column: col });
      } else if (col.requiredIf && col.requiredIf.fn(scope) === true) {
        if (!present) this.missingNeeded.add(col);
        else out.add("required", "requiredWhen", { reason: textOf(col.requiredWhen!.reason, out.locale) }, { cell: this.cellOf(r, col), row, column: col });
      }
    }
    for (const rule of ct.rules) {
      if (rule.condition && rule.condition.fn(scope) !== true) continue;
      if (rule.check.fn(scope) !== false) continue;
      const column = ct.byKey[rule.column];
      // `{key}` or `{表头}` inserts the row's value of that column, `{parameter}` the parameter.
      const text = textOf(rule.message, out.locale).replace(/\{([^{}]+)\}/g, (whole, name: string) => {
        const c = ct.columnNamed(name.trim());
        return c ? this.fmt(c, values[c.key]) : name in ct.params ? String(ct.params[name]) : whole;
      });
      out.add("rule", rule.severity, { text }, { cell: this.cellOf(r, column), row, column, villageCode: villageCodeOf(values, this.codeKey) });
    }
    if (this.standard) this.elimination(r, values, bad);
    this.eliminationYear(r, values, bad);
  }

  /** 消薄年份 only with 是否已消薄 = 是 (a warning: one of the two is wrong), and never after the report's year (an error). */
  private eliminationYear(r: number, values: Record<string, Value>, bad: Uint8Array): void {
    const e = this.ct.template.elimination;
    if (!e?.year) return;
    const k = this.ct.byKey;
    const year = values[e.year];
    if (typeof year !== "number" || bad[k[e.year].index]) return;
    const column = k[e.year];
    const where = { cell: this.cellOf(r, column), row: r + 1, column, villageCode: villageCodeOf(values, this.codeKey) };
    const name = e.name ? this.fmt(k[e.name], values[e.name]) : "";
    if (values[e.eliminated] === false) this.out.add("elimination-inconsistent", "yearNotEliminated", { name, year }, where);
    const limit = this.reportYear;
    if (limit && year > limit.year) {
      this.out.add("range", limit.fromTitle ? "yearAfterReport" : "yearInFuture", { name, year, reportYear: limit.year }, where);
    }
  }

  private elimination(r: number, values: Record<string, Value>, bad: Uint8Array): void {
    const e = this.ct.template.elimination!;
    const k = this.ct.byKey;
    const total = values[e.total], operating = values[e.operating], eliminated = values[e.eliminated], baseline = this.scope[e.baseline];
    if (typeof total !== "number" || typeof operating !== "number" || typeof eliminated !== "boolean") return;
    if (bad[k[e.total].index] || bad[k[e.operating].index]) return;
    const s = this.standard!;
    const met = meets(total, operating, s);
    // Most rows are consistent: the message is built only for a row that has one.
    const inconsistent = eliminated ? !met : met && baseline === true;
    if (!inconsistent) return;
    const column = k[e.eliminated];
    const params = {
      name: e.name ? this.fmt(k[e.name], values[e.name]) : "",
      total: this.fmt(k[e.total], total),
      operating: this.fmt(k[e.operating], operating),
      standard: this.out.msg(`validate.standard.${s.mode}`, { totalMin: s.totalMin, operatingMin: s.operatingMin }),
    };
    const where = { cell: this.cellOf(r, column), row: r + 1, column, villageCode: villageCodeOf(values, this.codeKey) };
    if (eliminated && !met) this.out.add("elimination-inconsistent", "eliminatedNotMet", params, where);
    else if (!eliminated && met && baseline === true) this.out.add("elimination-inconsistent", "metNotEliminated", params, where);
  }
}

/** The template's village-code column key (the column linked to the registry's codes), if any. */
export function codeKeyOf(ct: CompiledTemplate): string | undefined {
  return ct.columns.find((c) => c.registry === "villageCode")?.key;
}

/** The row's village code, when the code cell was readable. */
export function villageCodeOf(values: Record<string, Value>, key: string | undefined): string | undefined {
  const v = key === undefined ? undefined : values[key];
  return typeof v === "string" ? v : undefined;
}
