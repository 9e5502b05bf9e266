/**
 * The validation report: every problem found in a file, each with a stable code, its severity, and the
 * sheet and cell it is in. Modelled on frictionless: all problems are collected, none is thrown.
 */

import { variantOf, type IssueCode, type Severity, type VariantOf } from "./codes";
import type { Value } from "./normalise-cell";
import type { RowTable } from "./row-table";

export type { IssueCode, Severity } from "./codes";

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** The file's name as the user knows it. */
  file: string;
  sheet?: string;
  /** A1 address of the cell, when the problem is in one cell. */
  cell?: string;
  /** 1-based sheet row, as Excel numbers rows. */
  row?: number;
  /** The template's Chinese column header, when the problem is in one column. */
  column?: string;
  /** The template's column key. */
  columnKey?: string;
  villageCode?: string;
  /** The problem and how to fix it, in the current locale (Chinese by default). */
  message: string;
  /** The offending value as the file has it (the cell's text, or the number), when there is one. */
  value?: string | number | boolean;
  /** A warning whose row carries a real explanation in 备注. Explained warnings do not count against a file. */
  explained?: boolean;
  /**
   * Set on the one issue that stands for the issues of its code (and severity) beyond the per-file limit
   * (ValidateContext.maxIssuesPerCode): they are counted, not listed, so a report stays small whatever the file.
   */
  omitted?: OmittedIssues;
}

/** Issues of one code not listed one by one: how many, and where. */
export interface OmittedIssues {
  count: number;
  /** Of `count` warnings, those without a real explanation in 备注 (for errors, equal to `count`). */
  unexplained: number;
  /** The A1 range that holds them all ("E7:E60006"), or "" when they have no cells. */
  range: string;
  /** 1-based first and last sheet row among them, when they are on rows. */
  firstRow?: number;
  lastRow?: number;
}

/** Listed issues per code (and severity) in one file's report, when the caller does not say. */
export const DEFAULT_MAX_ISSUES_PER_CODE = 200;

/** How many issues an issue stands for: 1, or the count of a summary of omitted issues. */
export function issueWeight(issue: Issue): number {
  return issue.omitted ? issue.omitted.count : 1;
}

/**
 * The one issue counter (the CLI, the pane and the merge): errors, and warnings not explained in 备注, counting the
 * omitted ones a summary stands for.
 */
export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors += issueWeight(i);
    else if (i.omitted) warnings += i.omitted.unexplained;
    else if (!i.explained) warnings++;
  }
  return { errors, warnings };
}

/** ok: nothing to fix; warnings: only warnings left unexplained; errors: at least one error; unreadable: not a readable spreadsheet. */
export type FileStatus = "ok" | "warnings" | "errors" | "unreadable";

export function statusOf(issues: readonly Issue[]): FileStatus {
  if (issues.some((i) => i.code === "unreadable" || i.code === "internal-error")) return "unreadable";
  if (issues.some((i) => i.severity === "error")) return "errors";
  if (issues.some((i) => i.severity === "warning" && !i.explained)) return "warnings";
  return "ok";
}

/** A row's normalised cell value (normalise-cell.ts `Value`), as the report's rows hold it. */
export type RowValue = Value;

/** One data row of a submission, normalised, as an object (RowTable.at; the report holds its rows as columns). */
export interface DataRow {
  /** 1-based sheet row. */
  row: number;
  /**
   * Normalised values keyed by the template's column keys: numbers as numbers, 是/否 as booleans, codes as
   * 12-digit strings, null when blank or unreadable. Created with a null prototype.
   */
  values: Record<string, RowValue>;
  /** This row has at least one error, so it cannot be merged as it is. */
  hasErrors: boolean;
}

/** The result of validating one file (or the live sheet). */
export interface FileReport {
  file: string;
  /** "xlsx" | "xls" | "csv" | "office" */
  format: string;
  /** The sheet the data was found on. */
  sheet?: string;
  /** The township the file is for (from the title/填报单位 or, failing that, the village codes). */
  township?: { code: string; name: string };
  status: FileStatus;
  issues: Issue[];
  /** The data rows, as columns (row-table.ts). */
  rows: RowTable;
  /** Non-empty cells of the book, when the caller counted them (the CLI: an annotated copy has a size limit). */
  cells?: number;
}

/** An issue of a whole file (no cell), its severity from the code registry; the message is already made. */
export function fileIssue<C extends IssueCode>(code: C, variant: VariantOf<C>, file: string, message: string, sheet?: string): Issue {
  const issue: Issue = { code, severity: variantOf(code, variant).severity, file, message };
  if (sheet !== undefined) issue.sheet = sheet;
  return issue;
}
