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
  /** Locale of the reasons and messages the merge writes. Default: the current locale. */
  locale?: Locale;
}

/** merged: its file was merged; failed: its file(s) were rejected (errors, duplicate, unreadable); missing: 未报送. */
export type TownshipStatus = "merged" | "failed" | "missing";
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
  /** 已报村数: merged rows. */
  reported: number;
  /** 薄弱村基数, from the registry. */
  weakBaseline: number;
  /** 已消除数: registry baseline villages whose merged row says 是否已消薄 = 是. */
  eliminated: number;
  /** 已消除数 ÷ 薄弱村基数; null when not merged or no baseline. */
  eliminationRate: number | null;
  /** 年度任务数, null when the county set none. */
  target: number | null;
  /** 已消除数 ÷ 年度任务数; null when not merged or no target (or target 0). */
  taskCompletionRate: number | null;
  totalIncome: number;
  operatingIncome: number;
  subsidyIncome: number;
  /** 村均经营性收入 over the merged villages; null when none. */
  averageOperatingIncome: number | null;
  /** Merged villages with 经营性收入 ≥ threshold, and their share of the merged villages (null when none). */
  atThreshold: number;
  atThresholdShare: number | null;
  /** 消除率 dense rank (中国式排名), descending; null when the township has no rate. */
  rank: number | null;
  flag: Flag | null;
}

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
  file: string;
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
  locale: Locale;
  /** The registry the summary was built against (reconcile checks the detail against it). */
  registry: Registry;
}
