/**
 * Every rate, rank and flag of the summary comes from addin/metrics, so the custom functions (=XB.…) and the
 * summary can never disagree. Money is summed here in integer cents.
 */
import * as metrics from "../metrics";
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

/**
 * 村均经营性收入 (万元) from a sum in integer cents over `villages` villages; null for none. The metrics engine has
 * no mean, so this one function is what the summary and reconcile() both use.
 */
export function averagePerVillage(cents: number, villages: number): number | null {
  if (villages <= 0) return null;
  return cents / villages / 100;
}

/** Share of `values` ≥ threshold (metrics.shareAtLeast, as =XB.SHAREABOVE); null for no values. */
export function shareAtLeast(values: number[], threshold: number): number | null {
  if (values.length === 0) return null;
  return finiteOrNull(metrics.shareAtLeast(values, threshold));
}

/** 中国式排名 (dense), highest rate first. */
export function denseRankDescending(values: number[]): number[] {
  if (values.length === 0) return [];
  return Array.from(metrics.rank(values, { method: "dense", descending: true }));
}

/** Red to the top `top` ranks, yellow to the bottom `bottom` ranks, ties included (as metrics.flags decides). */
export function redYellowFlags(values: number[], top: number, bottom: number): (Flag | null)[] {
  if (values.length === 0) return [];
  return metrics.flags(values, { top, bottom, descending: true }).map((f) => (f === "red" || f === "yellow" ? f : null));
}
