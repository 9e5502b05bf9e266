/** What validation needs to know besides the sheet, and the issue collector every step writes into. */
import { parseAddress, type Grid } from "../grid";
import { t, type Locale, type MessageKey, type Params } from "../i18n";
import type { CompiledColumn, Registry, Template } from "../templates";
import { variantOf, type IssueCode, type VariantOf } from "./codes";
import type { FileReport, Issue } from "./report";

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
}

/** Where an issue is: all optional. */
export interface IssueAt {
  cell?: string;
  /** 1-based sheet row. */
  row?: number;
  column?: CompiledColumn;
  villageCode?: string;
}

export class Collector {
  readonly issues: Issue[] = [];
  constructor(
    readonly file: string,
    readonly sheet: string | undefined,
    readonly locale: Locale,
    /** The sheet, so an issue at a cell can carry the cell's value as the file has it. */
    readonly grid?: Grid,
  ) {}

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

  /** Records an issue: the code and its variant (addin/validate/codes.ts) decide the severity and the message. */
  add<C extends IssueCode>(code: C, variant: VariantOf<C>, params: Params, where: IssueAt = {}): Issue {
    const { severity, message } = variantOf(code, variant);
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
    return issue;
  }
}

/** A number as the template shows it (2 decimals for 万元 columns). */
export function formatNumber(n: number, decimals?: number): string {
  return decimals === undefined ? String(Math.round(n * 1e9) / 1e9) : n.toFixed(decimals);
}
