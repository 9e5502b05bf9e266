/**
 * Every rate, rank and flag of the summary comes from addin/metrics, so the custom functions (=XB.…) and the
 * summary can never disagree. Money is summed here in integer cents.
 */
// TODO(metrics): replace this stand-in with `import * as metrics from "../metrics"` once addin/metrics is committed.
const metrics = {
  eliminationRate: (eliminated: number, baseline: number): number | null => (baseline > 0 ? eliminated / baseline : null),
  taskCompletionRate: (eliminated: number, target: number): number | null => (target > 0 ? eliminated / target : null),
  shareAtLeast: (values: number[], threshold: number): number | null =>
    values.length ? values.filter((v) => v >= threshold).length / values.length : null,
  rank(values: number[], opts: { method: "dense"; descending: boolean }): number[] {
    const distinct = [...new Set(values)].sort((a, b) => (opts.descending ? b - a : a - b));
    const at = new Map(distinct.map((v, i) => [v, i + 1]));
    return values.map((v) => at.get(v)!);
  },
  flags(values: number[], opts: { top: number; bottom: number; descending: boolean }): ("red" | "yellow" | null)[] {
    const n = values.length;
    const better = (a: number, b: number) => (opts.descending ? a > b : a < b);
    return values.map((v) => {
      const above = values.filter((w) => better(w, v)).length;
      const below = values.filter((w) => better(v, w)).length;
      if (above < opts.top) return "red";
      if (below < opts.bottom && n > opts.top) return "yellow";
      return null;
    });
  },
};
import type { Flag } from "./types";

/** 万元 → integer cents (fen ×100), so sums do not drift. */
export function toCents(x: number): number {
  return Math.round(x * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

const finiteOrNull = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** 消除率: null when there is no baseline. */
export function eliminationRate(eliminated: number, baseline: number): number | null {
  if (baseline <= 0) return null;
  return finiteOrNull(metrics.eliminationRate(eliminated, baseline));
}

/** 任务完成率: null when there is no target (or a target of 0). */
export function taskCompletionRate(eliminated: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return finiteOrNull(metrics.taskCompletionRate(eliminated, target));
}

/** Share of `values` ≥ threshold; null for no values. */
export function shareAtLeast(values: number[], threshold: number): number | null {
  if (values.length === 0) return null;
  return finiteOrNull(metrics.shareAtLeast(values, threshold));
}

/** 中国式排名 (dense), highest rate first. */
export function denseRankDescending(values: number[]): number[] {
  if (values.length === 0) return [];
  return metrics.rank(values, { method: "dense", descending: true });
}

/** Red to the top `top` ranks, yellow to the bottom `bottom` ranks, ties included (as metrics.flags decides). */
export function redYellowFlags(values: number[], top: number, bottom: number): (Flag | null)[] {
  if (values.length === 0) return [];
  return metrics.flags(values, { top, bottom, descending: true }).map((f) => (f === "red" || f === "yellow" ? f : null));
}
