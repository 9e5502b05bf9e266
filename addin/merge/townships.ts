/**
 * Steps 6–8 of the merge: each registry township's line (status, counts, figures), the ranking and flags of the
 * townships, and 全县合计 computed from the units (never from township rates).
 */
import { TARGET_HEADER } from "../i18n";
import * as metrics from "../metrics";
import type { CompiledSummary, Registry, RegistryTownship, Targets } from "../templates";
import type { FileReport } from "../validate";
import type { FileSorting } from "./files";
import { addParts, computeFigures, groupedParts, type FigureBase, type MeasureParts } from "./measures";
import { UnitColumns } from "./measure-columns";
import type { UnitScope } from "./scope";
import type { CountyTotals, Figure, TownshipFailure, TownshipInfo, TownshipSummary } from "./types";
import type { UnitTable } from "./unit-table";

export interface TargetSource {
  targets: Targets;
  columns: Record<string, Targets>;
}

/** The number a `target` measure shows for a township (null when the county set none). */
export function targetOf(source: TargetSource, column: string, township: string): Figure {
  const table = Object.prototype.hasOwnProperty.call(source.columns, column) ? source.columns[column] : column === TARGET_HEADER ? source.targets : undefined;
  return table && Object.prototype.hasOwnProperty.call(table, township) ? table[township] : null;
}

/** Registry figures of a township. */
export function registryBase(tw: RegistryTownship): { villages: number; weakBaseline: number } {
  let weak = 0;
  const villages = tw.villages;
  for (let k = 0; k < villages.length; k++) if (villages[k].weakBaseline) weak++;
  return { villages: tw.villages.length, weakBaseline: weak };
}

/** Writes a line's figures onto it, as own properties named by measure key. */
export function setFigures(line: Record<string, unknown>, summary: CompiledSummary, figures: readonly Figure[]): void {
  for (const m of summary.measures) line[m.spec.key] = figures[m.index];
}

export function townshipLines(
  registry: Registry,
  reports: readonly FileReport[],
  sorting: FileSorting,
  detail: UnitTable,
  summary: CompiledSummary,
  coverage: "all" | "some",
  targets: TargetSource,
  us: UnitScope,
  columns: UnitColumns = new UnitColumns(detail),
): { lines: TownshipSummary[]; parts: MeasureParts[][] } {
  const { files, readableByTownship, unreadableByTownship, mergeFiles } = sorting;
  // The detail is in registry order: each township's units are one run of it. Each merged township's sums and counts
  // (its figures, and added up the county's) come from one reading of all the units, grouped by township.
  const first = new Int32Array(registry.townships.length + 1);
  const groupOf = new Int32Array(detail.length).fill(-1);
  let at = 0;
  registry.townships.forEach((tw, t) => {
    first[t] = at;
    while (at < detail.length && detail.townshipCode[at] === tw.code) groupOf[at++] = t;
  });
  first[registry.townships.length] = at;
  if (at !== detail.length) throw new Error("merge: the detail is not in registry order");
  const grouped = groupedParts(summary, columns, groupOf, registry.townships.length, us);
  const parts: MeasureParts[][] = [];
  const lines = registry.townships.map((tw, t) => {
    const readable = readableByTownship.get(tw.code) ?? [];
    const unreadable = unreadableByTownship.get(tw.code) ?? [];
    const own = [...readable, ...unreadable].sort((a, b) => a - b);
    const merged = readable.length === 1 && mergeFiles.has(readable[0]);
    let failure: TownshipFailure | null = null;
    if (!merged && own.length) failure = readable.length > 1 ? "duplicate" : readable.length === 1 ? "errors" : "unreadable";
    const counted = merged ? readable : own;
    const reported = first[t + 1] - first[t];
    const reg = registryBase(tw);
    // Complete: from a file without errors and, when every village is to be reported, every registry village merged.
    // (A rejected row that is not one of its villages, e.g. a neighbour's, leaves it complete; it is still listed.)
    const partial = merged && (files[readable[0]].outcome === "merged-with-errors" || (coverage === "all" && reported < tw.villages.length));
    const info: TownshipInfo = {
      code: tw.code,
      name: tw.name,
      status: merged ? (partial ? "partial" : "merged") : own.length ? "failed" : "missing",
      failure,
      files: own.map((i) => reports[i].file),
      errorCount: counted.reduce((n, i) => n + files[i].errorCount, 0),
      warningCount: counted.reduce((n, i) => n + files[i].warningCount, 0),
      villages: reg.villages,
      reported,
      rejectedRows: own.reduce((n, i) => n + files[i].rejectedRows, 0),
      rank: null,
      flag: null,
    };
    const base: FigureBase = { ...reg, target: (column) => targetOf(targets, column, tw.code), merged };
    const sums = grouped.byGroup[t];
    if (merged) parts.push(sums);
    const line = info as TownshipSummary;
    setFigures(line, summary, computeFigures(summary, reported, base, us, sums));
    return line;
  });
  return { lines, parts };
}

/**
 * The townships' ranking by the summary's rank measure, among the complete townships with a value (partial ones too
 * when `rankPartial`): rank (中国式 by default), 流动红黄旗 (ties included), 后20% and 星级, all from addin/metrics.
 */
export function rankTownships(townships: TownshipSummary[], summary: CompiledSummary, opts: { rankPartial: boolean; flagTop?: number; flagBottom?: number }, params: Record<string, unknown>): void {
  const r = summary.spec.rank;
  const measure = summary.rank?.measure;
  if (!r || !measure) return;
  const key = measure.spec.key;
  const ranked = townships.filter((tw) => typeof tw[key] === "number" && (tw.status === "merged" || (opts.rankPartial && tw.status === "partial")));
  const values = ranked.map((tw) => tw[key] as number);
  const descending = r.order === "desc";
  const ranks = values.length ? metrics.rank(values, { method: r.method, descending }) : [];
  const flags = r.flags && values.length ? metrics.flags(values, { top: opts.flagTop ?? r.flags.top, bottom: opts.flagBottom ?? r.flags.bottom, descending }) : undefined;
  const bottom = r.bottomShare !== undefined && values.length ? metrics.bottomShareFlags(values, r.bottomShare, descending) : undefined;
  const thresholds = r.stars === undefined ? undefined : ((typeof r.stars === "string" ? params[r.stars] : r.stars) as number[]);
  if (r.bottomShare !== undefined) for (const tw of townships) tw.bottom = null;
  if (thresholds) for (const tw of townships) tw.stars = null;
  ranked.forEach((tw, k) => {
    tw.rank = ranks[k];
    tw.flag = flags ? (flags[k] as TownshipSummary["flag"]) : null;
    if (bottom) tw.bottom = bottom[k];
    if (thresholds) tw.stars = metrics.stars(values[k], thresholds);
  });
}

/**
 * 全县合计: from all the units (their sums and counts, added up from the townships' — every unit is one merged township's),
 * never from township rates; registry figures are the whole registry's; a target is Σ of the townships that have one.
 */
export function countyLine(registry: Registry, townships: readonly TownshipSummary[], detail: UnitTable, summary: CompiledSummary, us: UnitScope, parts: readonly MeasureParts[][]): CountyTotals {
  let villages = 0;
  let weakBaseline = 0;
  for (const tw of registry.townships) {
    const reg = registryBase(tw);
    villages += reg.villages;
    weakBaseline += reg.weakBaseline;
  }
  const targetKeys = new Map(summary.measures.filter((m) => m.spec.kind === "target").map((m) => [(m.spec as { column: string }).column, m.spec.key]));
  const base: FigureBase = {
    villages,
    weakBaseline,
    // Σ targets of every township with one, merged or not: the county's task does not shrink when a file fails.
    target: (column) => {
      const key = targetKeys.get(column)!;
      let sum: number | null = null;
      for (const tw of townships) if (typeof tw[key] === "number") sum = (sum ?? 0) + (tw[key] as number);
      return sum;
    },
    merged: true,
  };
  const line = { villages, reported: detail.length } as CountyTotals;
  setFigures(line, summary, computeFigures(summary, detail.length, base, us, addParts(parts, summary.measures.length)));
  return line;
}
