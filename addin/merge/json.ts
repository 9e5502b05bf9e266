import { compileTemplate } from "../templates";
import { boundRejected, type RejectedOmitted } from "./bounded-rejected";
import { measureHeader } from "./reconcile";
import type { CountySummary, TownshipStatus } from "./types";

/**
 * One township of `xiaobo merge --json` (README: "--json 输出"). Template 1's figures are keyed by measure key (typed
 * below); another template's by their column header as the workbook shows it (“综合得分均值”: 86.2).
 */
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
  [figure: string]: unknown;
}

export interface SummaryJson {
  template: string;
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
    [figure: string]: unknown;
  };
  operatingThreshold?: number;
  /** The rows not merged: per file and reason the first 200, the rest counted in rejectedOmitted. */
  rejected: { code: string; file: string; sheet: string | null; row: number; villageCode: string | null; reason: string }[];
  rejectedOmitted: RejectedOmitted[];
  rejectedFiles: { file: string; outcome: string; reason: string }[];
  [parameter: string]: unknown;
}

/**
 * The machine-readable view for `xiaobo merge --json`: rates as fractions, null where undefined, money in 万元, a goal
 * as true/false. Figures keyed as the template's summary says (jsonKeys); hidden measures are left out.
 */
export function summaryToJson(summary: CountySummary): SummaryJson {
  const cs = compileTemplate(summary.template).summary;
  const shown = cs.measures.filter((m) => !m.spec.hidden);
  const rejected = boundRejected(summary.rejected);
  const byHeader = cs.spec.jsonKeys === "header";
  const figures = (line: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const m of shown) {
      const v = line[m.spec.key];
      out[byHeader ? measureHeader(m, summary) : m.spec.key] = m.spec.kind === "goal" && typeof v === "number" ? v === 1 : (v ?? null);
    }
    return out;
  };
  const rank = cs.spec.rank;
  const townships = summary.townships.map((tw) => ({
    township: tw.name,
    code: tw.code,
    status: tw.status,
    villages: tw.villages,
    reported: tw.reported,
    rejectedRows: tw.rejectedRows,
    ...figures(tw),
    rank: tw.rank,
    flag: tw.flag,
    ...(rank?.bottomShare !== undefined ? { bottom: tw.bottom ?? null } : {}),
    ...(rank?.stars !== undefined ? { stars: tw.stars ?? null } : {}),
    files: [...tw.files],
    errorCount: tw.errorCount,
  })) as TownshipJson[];
  const params: Record<string, unknown> = {};
  for (const [name, parameter] of Object.entries(cs.spec.jsonParameters)) params[name] = summary.parameters[parameter] ?? null;
  return {
    template: summary.template.id,
    townships,
    county: { villages: summary.county.villages, reported: summary.county.reported, ...figures(summary.county) } as SummaryJson["county"],
    ...params,
    rejected: rejected.listed.map((r) => ({ code: r.code, file: r.file, sheet: r.sheet ?? null, row: r.row, villageCode: r.villageCode, reason: r.reason })),
    rejectedOmitted: rejected.omitted,
    rejectedFiles: summary.rejectedFiles.map((f) => ({ file: f.file, outcome: f.outcome, reason: f.reason })),
  };
}
