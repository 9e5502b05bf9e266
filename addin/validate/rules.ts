/**
 * Row checks after the cells are read: required and conditionally required columns, the template's row rules
 * (compiled once, reading the row by place; evaluated on one reused RowScope), and 是否已消薄 against 达标.
 *
 * Rule scope: a blank optional number column counts as 0 (`operatingIncome + subsidyIncome <= totalIncome` with no
 * subsidy); a blank required column, or any cell that could not be read, is null and makes the rule not applicable
 * (its own issue is already reported).
 */
import { NO, YES } from "../i18n";
import { address } from "../grid";
import { formatDate, textOf, type CompiledColumn, type CompiledTemplate, type RowScope } from "../templates";
import { formatNumber, type Collector } from "./context";
import type { ColumnMap } from "./map-columns";
import { applyComputed } from "./compute";
import type { Value } from "./normalise-cell";
import type { Standard } from "../metrics";
import { registryColumns } from "./registry-checks";
import { meets, standardOf } from "./standard";

/**
 * A row's values by column index (CompiledColumn.index), as validateSheet reads them from the sheet: one array per sheet,
 * refilled for each row.
 */
export type RowValues = Value[];

export class RowChecker {
  /** The row as the rules see it (CompiledTemplate.rowScope): a blank optional number 0, an unreadable cell null. */
  private readonly scope: RowScope;
  private readonly standard?: Standard;
  /** Index of the village-code column (the one linked to the registry's codes); -1 for none. */
  private readonly codeAt: number;
  /** Index of the 薄弱村基数 column; -1 for none. */
  private readonly baselineAt: number;
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
    const linked = registryColumns(ct);
    this.baselineAt = linked.baseline?.index ?? -1;
    this.scope = ct.rowScope.slice();
    this.codeAt = linked.code?.index ?? -1;
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
  check(r: number, values: RowValues, bad: Uint8Array): void {
    const { ct, scope, out } = this;
    const row = r + 1;
    const columns = ct.columns;
    for (let i = 0; i < columns.length; i++) {
      const v = values[i];
      scope[i] = bad[i] ? null : v === null && columns[i].numeric && !columns[i].required ? 0 : v;
    }
    if (this.baselineOf && this.baselineAt >= 0) {
      const code = this.codeOf(values);
      const truth = code === undefined ? undefined : this.baselineOf(code);
      if (truth !== undefined) scope[this.baselineAt] = truth;
    }
    if (ct.computed.length) applyComputed(ct, values, bad, scope, out, { row, villageCode: this.codeOf(values), cellOf: (c) => this.cellOf(r, c) });
    for (let i = 0; i < columns.length; i++) {
      if (values[i] !== null || bad[i]) continue;
      const col = columns[i];
      const present = this.map.colOf[i] >= 0;
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
        return c ? this.fmt(c, values[c.index]) : name in ct.params ? String(ct.params[name]) : whole;
      });
      out.add("rule", rule.severity, { text }, { cell: this.cellOf(r, column), row, column, villageCode: this.codeOf(values) });
    }
    if (this.standard) this.elimination(r, values, bad);
    this.eliminationYear(r, values, bad);
  }

  /** The row's village code, when the code cell was readable. */
  private codeOf(values: RowValues): string | undefined {
    const v = this.codeAt < 0 ? undefined : values[this.codeAt];
    return typeof v === "string" ? v : undefined;
  }

  /** 消薄年份 only with 是否已消薄 = 是 (a warning: one of the two is wrong), and never after the report's year (an error). */
  private eliminationYear(r: number, values: RowValues, bad: Uint8Array): void {
    const e = this.ct.template.elimination;
    if (!e?.year) return;
    const k = this.ct.byKey;
    const column = k[e.year];
    const year = values[column.index];
    if (typeof year !== "number" || bad[column.index]) return;
    const where = { cell: this.cellOf(r, column), row: r + 1, column, villageCode: this.codeOf(values) };
    const name = e.name ? this.fmt(k[e.name], values[k[e.name].index]) : "";
    if (values[k[e.eliminated].index] === false) this.out.add("elimination-inconsistent", "yearNotEliminated", { name, year }, where);
    const limit = this.reportYear;
    if (limit && year > limit.year) {
      this.out.add("range", limit.fromTitle ? "yearAfterReport" : "yearInFuture", { name, year, reportYear: limit.year }, where);
    }
  }

  private elimination(r: number, values: RowValues, bad: Uint8Array): void {
    const e = this.ct.template.elimination!;
    const k = this.ct.byKey;
    const ti = k[e.total].index, oi = k[e.operating].index;
    const total = values[ti], operating = values[oi], eliminated = values[k[e.eliminated].index], baseline = this.scope[k[e.baseline].index];
    if (typeof total !== "number" || typeof operating !== "number" || typeof eliminated !== "boolean") return;
    if (bad[ti] || bad[oi]) return;
    const s = this.standard!;
    const met = meets(total, operating, s);
    // Most rows are consistent: the message is built only for a row that has one.
    const inconsistent = eliminated ? !met : met && baseline === true;
    if (!inconsistent) return;
    const column = k[e.eliminated];
    const params = {
      name: e.name ? this.fmt(k[e.name], values[k[e.name].index]) : "",
      total: this.fmt(k[e.total], total),
      operating: this.fmt(k[e.operating], operating),
      standard: this.out.msg(`validate.standard.${s.mode}`, { totalMin: s.totalMin, operatingMin: s.operatingMin }),
    };
    const where = { cell: this.cellOf(r, column), row: r + 1, column, villageCode: this.codeOf(values) };
    if (eliminated && !met) this.out.add("elimination-inconsistent", "eliminatedNotMet", params, where);
    else if (!eliminated && met && baseline === true) this.out.add("elimination-inconsistent", "metNotEliminated", params, where);
  }
}
