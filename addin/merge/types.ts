import type { Locale } from "../i18n";
import type { Registry, Targets, Template } from "../templates";
import type { Issue } from "../validate";

export interface MergeOptions {
  registry: Registry;
  /** 年度消薄任务数 per township code; a township without one has target null. */
  targets?: Targets;
  /** The template the files were validated with: its `operatingMin` is the default threshold. */
  template?: Template;
  /** Merge the rows without errors of files that have errors (rows with errors are rejected). Default false. */
  allowErrors?: boolean;
  /** 经营性收入 ≥ this (万元) is counted and shared per township. Default: template operatingMin, else 15. */
  operatingThreshold?: number;
  /** Red flags to the top `flagTop` ranks, yellow to the bottom `flagBottom` ranks (ties included). Default 3 / 3. */
  flagTop?: number;
  flagBottom?: number;
  /**
   * Rank and flag 部分汇总 (partial) townships too. Default false: a partial township's figures count only the
   * villages that were merged, so its 消除率 is not comparable with the others' (docs/decisions.md).
   */
  rankPartial?: boolean;
  /** Locale of the reasons and messages the merge writes. Default: the current locale. */
  locale?: Locale;
}

/**
 * merged: its one file was merged completely (a file without errors, every registry village merged);
 * partial: its file was merged, but not completely (merged with errors under allowErrors, or some registry villages
 *   not merged): its figures count only what was merged, and it is not ranked or flagged unless `rankPartial`;
 * failed: its file(s) were rejected (errors, duplicate, unreadable): nothing merged, figures null;
 * missing: 未报送, figures null.
 */
export type TownshipStatus = "merged" | "partial" | "failed" | "missing";
/** Why a township with files is failed. */
export type TownshipFailure = "errors" | "duplicate" | "unreadable";
export type Flag = "red" | "yellow";

/** One township's line in 乡镇汇总 (and, with `county`, the 全县合计 line). Money in 万元, to the cent. */
export interface TownshipSummary {
  code: string;
  name: string;
  status: TownshipStatus;
  failure: TownshipFailure | null;
  /** The township's submitted file names (more than one only when duplicated). */
  files: string[];
  /** Errors / unexplained warnings in its file(s) (the duplicate-township issue counts as an error). */
  errorCount: number;
  warningCount: number;
  /** 村数: registry villages. */
  villages: number;
  /** 已报村数: merged rows (0 when failed or missing). */
  reported: number;
  /** Rows of its file(s) that were not merged (all of them when failed). */
  rejectedRows: number;
  /** 薄弱村基数, from the registry. */
  weakBaseline: number;
  /** 已消除数: registry baseline villages whose merged row says 是否已消薄 = 是; null when failed or missing. */
  eliminated: number | null;
  /** 已消除数 ÷ 薄弱村基数; null when failed, missing or no baseline. */
  eliminationRate: number | null;
  /** 年度任务数, null when the county set none. */
  target: number | null;
  /** 已消除数 ÷ 年度任务数; null when failed, missing or no target (or target 0). */
  taskCompletionRate: number | null;
  /** Sums over the merged villages (万元); null when failed or missing (a 0 there would look like a real figure). */
  totalIncome: number | null;
  operatingIncome: number | null;
  subsidyIncome: number | null;
  /** 村均经营性收入 over the merged villages; null when none. */
  averageOperatingIncome: number | null;
  /** Merged villages with 经营性收入 ≥ threshold (null when failed or missing), and their share of the merged villages (null when none). */
  atThreshold: number | null;
  atThresholdShare: number | null;
  /** 消除率 dense rank (中国式排名), descending; null when the township has no rate or is not merged completely (see rankPartial). */
  rank: number | null;
  flag: Flag | null;
}

/**
 * 全县合计: counts and money are what was merged (failed and missing townships add nothing), computed from the
 * villages; 村数 and 薄弱村基数 are the whole registry's, so 消除率 is over the whole baseline.
 */
export interface CountyTotals {
  villages: number;
  reported: number;
  weakBaseline: number;
  eliminated: number;
  /** County eliminated ÷ county baseline (the whole registry's baseline: missing townships count as not eliminated). */
  eliminationRate: number | null;
  /** Σ targets, null when no township has one. */
  target: number | null;
  taskCompletionRate: number | null;
  totalIncome: number;
  operatingIncome: number;
  subsidyIncome: number;
  averageOperatingIncome: number | null;
  atThreshold: number;
  atThresholdShare: number | null;
}

/** Where an input row came from. */
export interface RowSource {
  /** FileReport.file of its file, as given (a relative path when base names clash). */
  file: string;
  /** Index of its file in the input (= in CountySummary.files): tells apart files with the same `file`. */
  fileIndex: number;
  sheet?: string;
  /** 1-based sheet row. */
  row: number;
}

/** One merged village (村级明细), in registry order. Baseline and name are the registry's. */
export interface MergedVillage {
  townshipCode: string;
  townshipName: string;
  villageCode: string;
  villageName: string;
  /** The name as the file wrote it (may differ; validation warns). */
  reportedName: string | null;
  weakBaseline: boolean;
  totalIncome: number;
  operatingIncome: number;
  subsidyIncome: number | null;
  eliminated: boolean | null;
  eliminatedYear: number | null;
  incomePath: string | null;
  remarks: string | null;
  /** Counted in 已消除数 (registry baseline and 是否已消薄 = 是). */
  countedEliminated: boolean;
  source: RowSource;
}

/** An input row that was not merged, with the reason. */
export interface RejectedRow extends RowSource {
  villageCode: string | null;
  /** The township of the file (when known). */
  township: string | null;
  reason: string;
}

export type FileOutcome = "passed" | "merged-with-errors" | "failed" | "duplicate" | "unknown-township" | "unreadable";

/** One input file in 报送情况. */
export interface SubmittedFile {
  file: string;
  sheet?: string;
  /** The registry township it was attributed to, if any. */
  townshipCode: string | null;
  townshipName: string | null;
  outcome: FileOutcome;
  errorCount: number;
  /** Unexplained warnings. */
  warningCount: number;
  /** Input rows, merged rows from it, rejected rows from it. */
  rows: number;
  mergedRows: number;
  rejectedRows: number;
  /** Why the file was not merged (empty when merged). */
  reason: string;
}

/** A file that was not merged at all. */
export interface RejectedFile {
  file: string;
  outcome: Exclude<FileOutcome, "passed" | "merged-with-errors">;
  reason: string;
}

export interface CountySummary {
  /** Registry order. */
  townships: TownshipSummary[];
  county: CountyTotals;
  /** 村级明细, registry order. */
  detail: MergedVillage[];
  rejected: RejectedRow[];
  /** Every input file, in input order. */
  files: SubmittedFile[];
  rejectedFiles: RejectedFile[];
  /** Every issue of every file, plus the merge's own (duplicate-township, unknown-township). */
  issues: Issue[];
  /** The operating-income threshold used (万元). */
  operatingThreshold: number;
  allowErrors: boolean;
  rankPartial: boolean;
  locale: Locale;
  /** The registry the summary was built against (reconcile checks the detail against it). */
  registry: Registry;
}
