import { MetricError } from "./errors";
import { rank } from "./rank";

export type Flag = "red" | "yellow";

export interface FlagOptions {
  /** Red to units whose competition rank from the top is ≤ top (ties included). Default 3. */
  top?: number;
  /** Yellow to units whose competition rank from the bottom is ≤ bottom (ties included). Default 3. */
  bottom?: number;
  /** Higher is better (default). */
  descending?: boolean;
}

/**
 * 流动红黄旗: red to the top-ranked units, yellow to the bottom-ranked, ties included on both ends, so a tie at
 * the cut-off gives every tied unit the flag. In a list so short that a unit is in both (n < top + bottom), red
 * wins: a unit is never flagged both ways.
 */
export function flags(values: ArrayLike<number>, opts: FlagOptions = {}): (Flag | null)[] {
  const top = opts.top ?? 3;
  const bottom = opts.bottom ?? 3;
  const desc = opts.descending ?? true;
  if (top < 0 || bottom < 0) throw new MetricError("num", "negative-count");
  const fromTop = rank(values, { method: "competition", descending: desc });
  const fromBottom = rank(values, { method: "competition", descending: !desc });
  return Array.from(fromTop, (r, i) => (r <= top ? "red" : fromBottom[i] <= bottom ? "yellow" : null));
}

/**
 * 后20%: whether `value` is among the bottom `share` of the list — its competition rank counted from the bottom
 * is ≤ ceil(n × share), ties included (10 units, 20% → the 2 lowest, and any unit tied with the 2nd lowest).
 */
export function inBottomShare(value: number, values: ArrayLike<number>, share = 0.2, descending = true): boolean {
  if (!(share >= 0 && share <= 1)) throw new MetricError("num", "share-range");
  const n = values.length;
  if (n === 0) throw new MetricError("na", "no-values");
  const k = Math.ceil(n * share - 1e-9);
  let worse = 0;
  let found = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === value) found = true;
    else if (descending ? v < value : v > value) worse++;
  }
  if (!found) throw new MetricError("na", "not-in-list");
  return worse + 1 <= k;
}

/**
 * 后20% of a whole list at once: for each value, whether inBottomShare(value, values, share, descending) holds, in
 * O(n log n) (one ranking) instead of one scan per value.
 */
export function bottomShareFlags(values: ArrayLike<number>, share = 0.2, descending = true): boolean[] {
  if (!(share >= 0 && share <= 1)) throw new MetricError("num", "share-range");
  const n = values.length;
  const k = Math.ceil(n * share - 1e-9);
  // Competition rank counted from the bottom: 1 + the number of values worse than this one.
  const fromBottom = rank(values, { method: "competition", descending: !descending });
  return Array.from(fromBottom, (r) => r <= k);
}
