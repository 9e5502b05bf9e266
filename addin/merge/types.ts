import type { Locale } from "../i18n";
import type { Registry, Targets, Template, UnitRanking } from "../templates";
import type { Issue, RejectCode } from "../validate";
import type { UnitTable } from "./unit-table";

export interface MergeOptions {
  registry: Registry;
  /** 年度消薄任务数 per township code; a township without one has target null. */
  targets?: Targets;
  /** Other per-township numbers by targets-CSV column (a `target` measure names its column). */
  targetColumns?: Record<string, Targets>;
  /**
   * The template the files were validated with: its summary is computed (Template 1 when absent). An object without
   * columns contributes only its parameters, over Template 1's.
   */
  template?: Template;
  /** Parameters that replace the template's for this summary (a county's threshold for one run, say). */
  parameters?: Record<string, number>;
  /** Merge the rows without errors of files that have errors (rows with errors are rejected). Default false. */
  allowErrors?: boolean;
  /** Template 1: 经营性收入 ≥ this (万元) is counted and shared per township (the parameter operatingMin). */
  operatingThreshold?: number;
  /** Red flags to the top `flagTop` ranks, yellow to the bottom `flagBottom` ranks (ties included). Default: the template's. */
  flagTop?: number;
  flagBottom?: number;
  /**
   * Rank and flag 部分汇总 (partial) townships too. Default false: a partial township's figures count only the
   * villages that were merged, so its rate is not comparable with the others' (docs/decisions.md).
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

/** A figure of the summary: a number, or null where it does not exist (blank in the workbook, never a made-up 0). */
export type Figure = number | null;

/** One township's line in 乡镇汇总 (its figures are own properties, keyed by measure key: see TownshipSummary). */
export interface TownshipInfo {
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
  /** Units merged (0 when failed or missing). */
  reported: number;
  /** Rows of its file(s) that were not merged (all of them when failed). */
  rejectedRows: number;
  /** Rank by the summary's rank measure (中国式 by default); null when not ranked (no value, or not merged completely). */
  rank: number | null;
  flag: Flag | null;
  /** 后20% of the ranked townships, when the summary asks; null when not ranked. */
  bottom?: boolean | null;
  /** 星级 from the rank measure, when the summary asks. */
  stars?: number | null;
}

/** Template 1's measures (its summary's keys), typed; other templates' are read by key (`tw[measure.spec.key]`). */
export interface Template1Figures {
  weakBaseline: number;
  eliminated: number | null;
  eliminationRate: number | null;
  target: number | null;
  taskCompletionRate: number | null;
  totalIncome: number | null;
  operatingIncome: number | null;
  subsidyIncome: number | null;
  averageOperatingIncome: number | null;
  atThreshold: number | null;
  atThresholdShare: number | null;
}

/**
 * A township's line: TownshipInfo, and every measure of the summary as an own property named by its key (Template 1:
 * eliminationRate …). Null where the figure does not exist: a failed or missing township has only its registry and
 * target figures.
 */
export type TownshipSummary = TownshipInfo & Template1Figures & { [measure: string]: unknown };

/**
 * 全县合计: every measure as an own property. Counts and sums are what was merged (failed and missing townships add
 * nothing), computed from the units; registry figures are the whole registry's; ratios are recomputed from the county's
 * own parts, never averaged from township rates.
 */
export type CountyTotals = { villages: number; reported: number } & {
  [K in keyof Template1Figures]: K extends "target" | "eliminationRate" | "taskCompletionRate" | "averageOperatingIncome" | "atThresholdShare" ? number | null : number;
} & { [measure: string]: unknown };

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

/** A unit's value of a template column (normalised, money to the cent), or a derived value. */
export type UnitValue = string | number | boolean | null;

/**
 * One merged unit (a village, or its branch; 村级明细) as an object (the summary holds them as columns: UnitTable, whose
 * `at(i)` makes one). Its template columns (all but 序号) and the summary's derived values are own properties keyed by
 * column key, with the registry's values for the columns linked to it (code, name, 薄弱村基数). Template 1's are typed
 * below (other templates' units have their own columns instead).
 */
export type MergedVillage = {
  townshipCode: string;
  townshipName: string;
  villageCode: string;
  /** The registry's name. */
  villageName: string;
  /** The name as the file wrote it (may differ; validation warns). */
  reportedName: string | null;
  source: RowSource;
} & Template1Unit & { [column: string]: unknown };

/** Template 1's unit columns, typed. */
export interface Template1Unit {
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
}

/**
 * One county-wide ranking of units (强村富民指数榜, 书记排名) in rank order, column by column: entry j is the j-th unit
 * listed, in every column (no object per unit: a province ranks 200,000 villages).
 */
export interface UnitRankingResult {
  spec: UnitRanking;
  /** The entries' units, as indexes of the detail. */
  unit: Uint32Array;
  /** Their values, rounded as ranked (and shown). */
  value: Float64Array;
  rank: Float64Array;
  /** 1 for a unit in 后x%; null when the ranking has no bottom share. */
  bottom: Uint8Array | null;
  /** 星级; null when the ranking gives no stars. */
  stars: Uint32Array | null;
  /** Merged units with no value to rank (a blank score), not ranked. */
  unranked: number;
}

/** An input row that was not merged, with the reason. */
export interface RejectedRow extends RowSource {
  /** Why, as a code of the registry (addin/validate/codes.ts); `reason` says it in words. */
  code: RejectCode;
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
  /** 村级明细, registry order, column by column (`detail.at(i)` gives unit i as a MergedVillage). */
  detail: UnitTable;
  rejected: RejectedRow[];
  /** Every input file, in input order. */
  files: SubmittedFile[];
  rejectedFiles: RejectedFile[];
  /** Every issue of every file, plus the merge's own (duplicate-township, unknown-township). */
  issues: Issue[];
  /** Template 1's operating-income threshold (万元): the parameter operatingMin (15 when a template has none). */
  operatingThreshold: number;
  /** The template whose summary this is, and the parameters in effect (the template's, with the options' over them). */
  template: Template;
  parameters: Record<string, number | readonly (number | string)[]>;
  /** County-wide unit rankings, one per summary.unitRankings. */
  unitRankings: UnitRankingResult[];
  allowErrors: boolean;
  rankPartial: boolean;
  locale: Locale;
  /** The registry the summary was built against (reconcile checks the detail against it). */
  registry: Registry;
}
