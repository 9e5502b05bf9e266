import { MetricError, requireFinite } from "./errors";

/**
 * 民主测评 score: votes of 好 / 较好 / 一般 / 差 weighted by points per grade (default 100/80/60/0) and averaged:
 * Σ votesᵢ × pointsᵢ ÷ Σ votesᵢ. No votes → div0.
 */
export function voteScore(good: number, fairlyGood: number, average: number, poor: number, points: readonly number[] = [100, 80, 60, 0]): number {
  const votes = [good, fairlyGood, average, poor];
  if (points.length !== 4) throw new MetricError("value", "points-length");
  let sum = 0;
  let count = 0;
  votes.forEach((v, i) => {
    requireFinite(v, "votes");
    requireFinite(points[i], "points");
    if (v < 0 || !Number.isInteger(v)) throw new MetricError("num", "votes-negative");
    sum += v * points[i];
    count += v;
  });
  if (count === 0) throw new MetricError("div0", "no-votes");
  return sum / count;
}

/**
 * 实绩考核 total: Σ item scores (each within 0 … its maximum) + min(bonus, bonusCap) − deduction.
 * A score above its maximum or below 0 → num (a typing error, not something to cap silently).
 */
export function cappedTotal(scores: readonly number[], maxima: readonly number[], bonus = 0, bonusCap = 5, deduction = 0): number {
  if (scores.length !== maxima.length) throw new MetricError("value", "length-mismatch");
  let total = 0;
  scores.forEach((s, i) => {
    requireFinite(s, "score");
    requireFinite(maxima[i], "maximum");
    if (s < 0 || s > maxima[i]) throw new MetricError("num", "score-out-of-range");
    total += s;
  });
  for (const x of [bonus, bonusCap, deduction]) {
    requireFinite(x, "bonus");
    if (x < 0) throw new MetricError("num", "bonus-negative");
  }
  return total + Math.min(bonus, bonusCap) - deduction;
}

/** Weighted combination, e.g. 实绩 × 70% + 测评 × 30%. Weights need not sum to 1 (the caller decides). */
export function weighted(parts: readonly number[], weights: readonly number[]): number {
  if (parts.length !== weights.length || parts.length === 0) throw new MetricError("value", "length-mismatch");
  let s = 0;
  parts.forEach((p, i) => (s += requireFinite(p, "part") * requireFinite(weights[i], "weight")));
  return s;
}

/** The official 等次 labels, best first. */
export const GRADE_LABELS: readonly string[] = ["好", "较好", "一般", "差"];

/** 等次: the first label whose threshold the score reaches (default ≥90 好, ≥80 较好, ≥60 一般, else 差). */
export function grade(score: number, thresholds: readonly number[] = [90, 80, 60], labels: readonly string[] = GRADE_LABELS): string {
  requireFinite(score, "score");
  if (labels.length !== thresholds.length + 1) throw new MetricError("value", "labels-length");
  for (let i = 1; i < thresholds.length; i++) if (!(thresholds[i] < thresholds[i - 1])) throw new MetricError("value", "thresholds-order");
  const i = thresholds.findIndex((t) => score >= t);
  return labels[i < 0 ? thresholds.length : i];
}

/**
 * 评星定级: 5 stars at the first threshold, one fewer per threshold below, 1 star under the last (with n thresholds
 * the first gives n + 1 stars: the default 90/80/70/60 gives 5 … 1). Thresholds must be descending without repeats
 * (value: thresholds-order) and there must be at least one (value: thresholds-empty).
 */
export function stars(score: number, thresholds: readonly number[] = [90, 80, 70, 60]): number {
  requireFinite(score, "score");
  if (thresholds.length === 0) throw new MetricError("value", "thresholds-empty");
  for (let i = 1; i < thresholds.length; i++) if (!(thresholds[i] < thresholds[i - 1])) throw new MetricError("value", "thresholds-order");
  const i = thresholds.findIndex((t) => score >= t);
  return i < 0 ? 1 : thresholds.length + 1 - i;
}
