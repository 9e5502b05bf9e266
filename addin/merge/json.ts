import type { CountySummary, TownshipStatus } from "./types";

/** One township of `xiaobo merge --json` (README: "--json 输出"). */
export interface TownshipJson {
  township: string;
  code: string;
  /** "merged" | "partial" | "failed" | "missing" (see TownshipStatus). */
  status: TownshipStatus;
  villages: number;
  /** Rows merged (已报村数) and rows of its file(s) not merged. */
  reported: number;
  rejectedRows: number;
  weakBaseline: number;
  /** null for failed and missing townships, like the money and the rates. */
  eliminated: number | null;
  /** A fraction (0.75), null when undefined. */
  eliminationRate: number | null;
  target: number | null;
  taskCompletionRate: number | null;
  totalIncome: number | null;
  operatingIncome: number | null;
  averageOperatingIncome: number | null;
  atThreshold: number | null;
  atThresholdShare: number | null;
  rank: number | null;
  flag: "red" | "yellow" | null;
  files: string[];
  errorCount: number;
}

export interface SummaryJson {
  townships: TownshipJson[];
  county: {
    villages: number;
    reported: number;
    weakBaseline: number;
    eliminated: number;
    eliminationRate: number | null;
    target: number | null;
    taskCompletionRate: number | null;
    totalIncome: number;
    operatingIncome: number;
    averageOperatingIncome: number | null;
    atThreshold: number;
    atThresholdShare: number | null;
  };
  operatingThreshold: number;
  rejected: { file: string; sheet: string | null; row: number; villageCode: string | null; reason: string }[];
  rejectedFiles: { file: string; outcome: string; reason: string }[];
}

/** The machine-readable view for `xiaobo merge --json`: rates as fractions, null where undefined, money in 万元. */
export function summaryToJson(summary: CountySummary): SummaryJson {
  const c = summary.county;
  return {
    townships: summary.townships.map((tw) => ({
      township: tw.name,
      code: tw.code,
      status: tw.status,
      villages: tw.villages,
      reported: tw.reported,
      rejectedRows: tw.rejectedRows,
      weakBaseline: tw.weakBaseline,
      eliminated: tw.eliminated,
      eliminationRate: tw.eliminationRate,
      target: tw.target,
      taskCompletionRate: tw.taskCompletionRate,
      totalIncome: tw.totalIncome,
      operatingIncome: tw.operatingIncome,
      averageOperatingIncome: tw.averageOperatingIncome,
      atThreshold: tw.atThreshold,
      atThresholdShare: tw.atThresholdShare,
      rank: tw.rank,
      flag: tw.flag,
      files: [...tw.files],
      errorCount: tw.errorCount,
    })),
    county: {
      villages: c.villages,
      reported: c.reported,
      weakBaseline: c.weakBaseline,
      eliminated: c.eliminated,
      eliminationRate: c.eliminationRate,
      target: c.target,
      taskCompletionRate: c.taskCompletionRate,
      totalIncome: c.totalIncome,
      operatingIncome: c.operatingIncome,
      averageOperatingIncome: c.averageOperatingIncome,
      atThreshold: c.atThreshold,
      atThresholdShare: c.atThresholdShare,
    },
    operatingThreshold: summary.operatingThreshold,
    rejected: summary.rejected.map((r) => ({ file: r.file, sheet: r.sheet ?? null, row: r.row, villageCode: r.villageCode, reason: r.reason })),
    rejectedFiles: summary.rejectedFiles.map((f) => ({ file: f.file, outcome: f.outcome, reason: f.reason })),
  };
}
