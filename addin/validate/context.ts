/** What validation needs to know besides the sheet, and the issue collector every step writes into. */
import { columnIndex, columnLetter, parseAddress, type Grid } from "../grid";
import { t, type Locale, type MessageKey, type Params } from "../i18n";
import type { CompiledColumn, Registry, Template } from "../templates";
import { variantOf, type IssueCode, type Severity, type VariantOf } from "./codes";
import { DEFAULT_MAX_ISSUES_PER_CODE, type FileReport, type Issue } from "./report";

export interface ValidateContext {
  template: Template;
  /** The county's registry; without it the registry checks (unknown/wrong-township/missing village …) are skipped. */
  registry?: Registry;
  /** The township's 9-digit code, when the caller knows it: overrides what the file says. */
  township?: string;
  /** Last year's validated report of the same township, for the year-on-year check. */
  previous?: FileReport;
  /** The year the report is for, when its title does not say (…（2026年度）). */
  year?: number;
  /** Message language; Chinese by default. */
  locale?: Locale;
  /**
   * Issues of one code (and severity) listed one by one per file; the rest are counted with their range in one
   * summary issue. DEFAULT_MAX_ISSUES_PER_CODE when not given.
   */
  maxIssuesPerCode?: number;
}

/** Where an issue is: all optional. */
export interface IssueAt {
  cell?: string;
  /** 1-based sheet row. */
  row?: number;
  column?: CompiledColumn;
  villageCode?: string;
}

/**
 * Issues of one code and severity beyond the limit: counted, with the bounding box of their cells and their rows
 * (4 bytes each, kept so an omitted error still marks its row as not mergeable and an omitted warning can still be
 * explained in 备注). No message is built for them.
 */
class Overflow {
  count = 0;
  rows = new Int32Array(64);
  rowCount = 0;
  top = Infinity;
  bottom = -Infinity;
  left = Infinity;
  right = -Infinity;
  constructor(
    readonly code: IssueCode,
    readonly severity: Severity,
  ) {}

  add(where: IssueAt): void {
    this.count++;
    if (where.row !== undefined) {
      if (this.rowCount === this.rows.length) {
        const grown = new Int32Array(this.rows.length * 2);
        grown.set(this.rows);
        this.rows = grown;
      }
      this.rows[this.rowCount++] = where.row;
      if (where.row < this.top) this.top = where.row;
      if (where.row > this.bottom) this.bottom = where.row;
    }
    if (where.cell) {
      const m = /^([A-Z]{1,3})(\d+)$/.exec(where.cell);
      if (m) {
        const col = columnIndex(m[1]);
        const row = Number(m[2]);
        if (col < this.left) this.left = col;
        if (col > this.right) this.right = col;
        if (row < this.top) this.top = row;
        if (row > this.bottom) this.bottom = row;
      }
    }
  }

  /** "E7:E60006" when the issues are in cells; "" otherwise. */
  range(): string {
    if (this.left === Infinity) return "";
    const a = `${columnLetter(this.left)}${this.top}`;
    const b = `${columnLetter(this.right)}${this.bottom}`;
    return a === b ? a : `${a}:${b}`;
  }
}

export class Collector {
  readonly issues: Issue[] = [];
  private readonly listed = new Map<string, number>();
  private readonly overflow = new Map<string, Overflow>();
  constructor(
    readonly file: string,
    readonly sheet: string | undefined,
    readonly locale: Locale,
    readonly limit: number = DEFAULT_MAX_ISSUES_PER_CODE,
    /** The sheet, so an issue at a cell can carry the cell's value as the file has it. */
    readonly grid?: Grid,
  ) {}

  /** Every row some error is on, listed or omitted. */
  errorRows(into: Set<number>): void {
    for (const issue of this.issues) if (issue.severity === "error" && issue.row !== undefined) into.add(issue.row);
    for (const o of this.overflow.values()) if (o.severity === "error") for (let i = 0; i < o.rowCount; i++) into.add(o.rows[i]);
  }

  /**
   * Appends one summary issue per code and severity that went over the limit: "另有 59,800 个同类问题，位于 E7:E60006".
   * `explained(code, row)` says whether a warning on that row is explained in 备注.
   */
  summarise(explained: (code: IssueCode, row: number) => boolean): void {
    for (const o of this.overflow.values()) {
      let unexplained = o.count;
      if (o.severity === "warning") {
        unexplained = o.count - o.rowCount;
        for (let i = 0; i < o.rowCount; i++) if (!explained(o.code, o.rows[i])) unexplained++;
      }
      const range = o.range();
      const count = o.count.toLocaleString("en-US");
      const where = range ? `${this.sheet}!${range}` : o.top !== Infinity ? t("validate.omitted.rows", { sheet: this.sheet, first: o.top, last: o.bottom }, this.locale) : "";
      const issue: Issue = {
        code: o.code,
        severity: o.severity,
        file: this.file,
        message: t(where ? "validate.omitted" : "validate.omitted.nowhere", { count, where, limit: this.limit }, this.locale),
        omitted: { count: o.count, unexplained, range },
      };
      if (o.top !== Infinity) {
        issue.omitted!.firstRow = o.top;
        issue.omitted!.lastRow = o.bottom;
      }
      if (this.sheet !== undefined) issue.sheet = this.sheet;
      if (o.severity === "warning" && unexplained === 0) issue.explained = true;
      this.issues.push(issue);
    }
    this.overflow.clear();
  }

  /** "sheet!F7" for a cell, "sheet 第 7 行" for a row. */
  at(cell: string | undefined, row?: number): string {
    if (cell) return `${this.sheet}!${cell}`;
    if (row !== undefined) return t("validate.at.row", { sheet: this.sheet, row }, this.locale);
    return this.sheet ?? this.file;
  }

  /** What the cell shows (its error value, else its text, else its raw value). */
  private cellValue(a1: string): string | number | boolean | undefined {
    if (!this.grid) return undefined;
    const { row, col } = parseAddress(a1);
    const cell = this.grid.rows[row]?.[col];
    if (!cell) return undefined;
    return cell.error ?? (cell.text !== "" ? cell.text : (cell.value ?? undefined));
  }

  msg(key: MessageKey, params: Params): string {
    return t(key, params, this.locale);
  }

  /**
   * Records an issue: the code and its variant (addin/validate/codes.ts) decide the severity and the message. Past the
   * limit of one code in one file, it is only counted (summarise() lists the count and the range).
   */
  add<C extends IssueCode>(code: C, variant: VariantOf<C>, params: Params, where: IssueAt = {}): void {
    const { severity, message } = variantOf(code, variant);
    const kind = `${code} ${severity}`;
    const n = this.listed.get(kind) ?? 0;
    if (n >= this.limit) {
      let o = this.overflow.get(kind);
      if (!o) this.overflow.set(kind, (o = new Overflow(code, severity)));
      o.add(where);
      return;
    }
    this.listed.set(kind, n + 1);
    const issue: Issue = {
      code,
      severity,
      file: this.file,
      message: t(message!, { file: this.file, sheet: this.sheet, at: this.at(where.cell, where.row), column: where.column?.header, ...params }, this.locale),
    };
    const value = params.value ?? (where.cell ? this.cellValue(where.cell) : undefined);
    if (value !== undefined && value !== null && value !== "") issue.value = value;
    if (this.sheet !== undefined) issue.sheet = this.sheet;
    if (where.cell) issue.cell = where.cell;
    if (where.row !== undefined) issue.row = where.row;
    if (where.column) {
      issue.column = where.column.header;
      issue.columnKey = where.column.key;
    }
    if (where.villageCode) issue.villageCode = where.villageCode;
    this.issues.push(issue);
  }
}

/** A number as the template shows it (2 decimals for 万元 columns). */
export function formatNumber(n: number, decimals?: number): string {
  return decimals === undefined ? String(Math.round(n * 1e9) / 1e9) : n.toFixed(decimals);
}
