import { MetricError, requireFinite } from "./errors";

/**
 * 综合指数 (e.g. 强村富民指数): each component is scaled to 0–100 across the units (min-max: the lowest unit 0, the
 * highest 100; every unit 100 when all are equal), then the scaled components are combined with the weights:
 * Σ wₖ × scaledₖ. With weights that sum to 1 the index runs 0–100. A unit missing any component (null) has no index
 * (null) and does not move the others' scaling.
 *
 * `components[k][i]` is component k of unit i; every component has one value per unit.
 */
export function compositeIndex(components: readonly ArrayLike<number | null>[], weights: readonly number[]): (number | null)[] {
  if (components.length === 0 || components.length !== weights.length) throw new MetricError("value", "length-mismatch");
  const n = components[0].length;
  for (const c of components) if (c.length !== n) throw new MetricError("value", "length-mismatch");
  for (const w of weights) requireFinite(w, "weight");
  const complete = new Uint8Array(n).fill(1);
  for (const c of components) {
    for (let i = 0; i < n; i++) {
      const v = c[i];
      if (v === null || v === undefined) complete[i] = 0;
      else requireFinite(v, "component");
    }
  }
  const out = compositeScores(components as readonly ArrayLike<number>[], complete, weights);
  const index: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) index[i] = complete[i] ? out[i] : null;
  return index;
}

/**
 * compositeIndex's arithmetic, for callers that hold the components in typed arrays: `complete[i]` marks the units that
 * have every component (each finite; the others' values are not read). The index of an incomplete unit is 0 here.
 */
export function compositeScores(components: readonly ArrayLike<number>[], complete: Uint8Array, weights: readonly number[]): Float64Array {
  const n = complete.length;
  const out = new Float64Array(n);
  for (let k = 0; k < components.length; k++) {
    const c = components[k];
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (!complete[i]) continue;
      const v = c[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi - lo;
    for (let i = 0; i < n; i++) {
      if (!complete[i]) continue;
      const scaled = span > 0 ? ((c[i] - lo) / span) * 100 : 100;
      out[i] += weights[k] * scaled;
    }
  }
  return out;
}

/** A ratio of two figures (消除率, 任务完成率, 示范村占比 …): part ÷ whole; whole 0 → div0. */
export function ratio(part: number, whole: number): number {
  requireFinite(part, "part");
  requireFinite(whole, "whole");
  if (whole === 0) throw new MetricError("div0", "whole-zero");
  return part / whole;
}

/** x rounded to `decimals` places, halves away from zero (as figures are reported: 84.445 → 84.45, −0.5 → −1). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}
