import { MetricError, requireFinite } from "./errors";

function ratio(part: number, whole: number, what: string): number {
  requireFinite(part, `${what}-part`);
  requireFinite(whole, `${what}-whole`);
  if (part < 0 || whole < 0) throw new MetricError("num", `${what}-negative`);
  if (whole === 0) throw new MetricError("div0", `${what}-zero`);
  return part / whole;
}

/** 消除率 = 已消除的薄弱村数 ÷ 薄弱村基数. No baseline → div0. */
export function eliminationRate(eliminated: number, baseline: number): number {
  return ratio(eliminated, baseline, "baseline");
}

/** 任务完成率 = 已消除数 ÷ 年度消薄任务数. A target of 0 → div0 (nothing was asked, so no rate). */
export function taskCompletionRate(done: number, target: number): number {
  return ratio(done, target, "target");
}

/**
 * 增长率 = (本期 − 上期) ÷ |上期|. Dividing by the absolute value keeps the sign meaningful when last year was
 * negative (a loss that shrinks is growth). Last year 0 → div0.
 */
export function growthRate(current: number, previous: number): number {
  requireFinite(current, "current");
  requireFinite(previous, "previous");
  if (previous === 0) throw new MetricError("div0", "previous-zero");
  return (current - previous) / Math.abs(previous);
}

/** Share of the values that are ≥ threshold (e.g. villages with 经营性收入 ≥ 15 万元). No values → div0. */
export function shareAtLeast(values: ArrayLike<number>, threshold: number): number {
  requireFinite(threshold, "threshold");
  if (values.length === 0) throw new MetricError("div0", "no-values");
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= threshold) n++;
  return n / values.length;
}
