import { MetricError } from "./errors";

/**
 * Ranking a list. The methods, for the values 90, 90, 80 (descending):
 *  - competition: 1, 1, 3  — Excel RANK.EQ (美式排名)
 *  - dense:       1, 1, 2  — 中国式排名: ties share a rank and the next rank is not skipped
 *  - average:     1.5, 1.5, 3 — Excel RANK.AVG
 *  - ordinal:     1, 2, 3  — ties broken by position in the list
 *
 * Speed: one native sort of a Float64Array copy (numeric, no JS comparator), then per value a binary search for
 * its tie block in the sorted copy. O(n log n) with a small constant: architecture.md asks for 100k values within
 * 3× of the bare sort, for every method.
 */
export type RankMethod = "competition" | "dense" | "average" | "ordinal";

export interface RankOptions {
  method?: RankMethod;
  /** Highest value ranks 1 (default, as RANK.EQ with order 0). */
  descending?: boolean;
}

/** First index in sorted with sorted[i] >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in sorted with sorted[i] > v, searching from `from` (the tie block is usually short). */
function upperBound(sorted: Float64Array, v: number, from: number): number {
  let i = from;
  // Gallop: tie blocks are short in practice, long ones still cost only log steps.
  let step = 1;
  while (i + step < sorted.length && sorted[i + step] === v) {
    i += step;
    step *= 2;
  }
  let lo = i;
  let hi = Math.min(sorted.length, i + step);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checked(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < copy.length; i++) if (Number.isNaN(copy[i])) throw new MetricError("value", "nan");
  return copy;
}

/** For each index of the sorted copy, how many distinct values are at or before it (1-based). */
function distinctUpTo(sorted: Float64Array): Int32Array {
  const out = new Int32Array(sorted.length);
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
    out[i] = d;
  }
  return out;
}

/** Ranks of every value, at the values' positions. */
export function rank(values: ArrayLike<number>, opts: RankOptions = {}): Float64Array {
  const method = opts.method ?? "dense";
  const desc = opts.descending ?? true;
  const input = checked(values);
  const n = input.length;
  const sorted = input.slice().sort();
  const out = new Float64Array(n);
  const dense = method === "dense" ? distinctUpTo(sorted) : null;
  const totalDistinct = dense && n ? dense[n - 1] : 0;
  const seen = method === "ordinal" ? new Int32Array(n) : null;
  for (let i = 0; i < n; i++) {
    const v = input[i];
    const lo = lowerBound(sorted, v);
    switch (method) {
      case "dense":
        out[i] = desc ? totalDistinct - dense![lo] + 1 : dense![lo];
        break;
      case "competition":
        out[i] = desc ? n - upperBound(sorted, v, lo) + 1 : lo + 1;
        break;
      case "average": {
        const hi = upperBound(sorted, v, lo);
        // Positions lo+1 … hi ascending; their mean.
        out[i] = desc ? n - (lo + 1 + hi) / 2 + 1 : (lo + 1 + hi) / 2;
        break;
      }
      case "ordinal": {
        const first = desc ? n - upperBound(sorted, v, lo) + 1 : lo + 1;
        out[i] = first + seen![lo]++;
        break;
      }
      default:
        throw new MetricError("value", "method");
    }
  }
  return out;
}

/** The rank one value would have in the list (RANK.EQ-style lookup). A value not in the list → na. */
export function rankOf(value: number, values: ArrayLike<number>, opts: RankOptions = {}): number {
  const method = opts.method ?? "dense";
  const desc = opts.descending ?? true;
  const sorted = checked(values).sort();
  const n = sorted.length;
  const lo = lowerBound(sorted, value);
  if (lo >= n || sorted[lo] !== value) throw new MetricError("na", "not-in-list");
  const hi = upperBound(sorted, value, lo);
  switch (method) {
    case "competition":
    case "ordinal": // one value alone: its first position in the tie block
      return desc ? n - hi + 1 : lo + 1;
    case "average":
      return desc ? n - (lo + 1 + hi) / 2 + 1 : (lo + 1 + hi) / 2;
    case "dense": {
      let below = 0;
      for (let i = 0; i < lo; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) below++;
      let above = 0;
      for (let i = hi; i < n; i++) if (i === hi || sorted[i] !== sorted[i - 1]) above++;
      return desc ? above + 1 : below + 1;
    }
    default:
      throw new MetricError("value", "method");
  }
}

/** 组内排名: each value ranked among the values of its own group; results at the input positions. */
export function groupRank(values: ArrayLike<number>, groups: ArrayLike<unknown>, opts: RankOptions = {}): Float64Array {
  if (values.length !== groups.length) throw new MetricError("value", "length-mismatch");
  const members = new Map<unknown, number[]>();
  for (let i = 0; i < values.length; i++) {
    const key = groups[i];
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const out = new Float64Array(values.length);
  for (const idx of members.values()) {
    const r = rank(idx.map((i) => values[i]), opts);
    idx.forEach((i, k) => (out[i] = r[k]));
  }
  return out;
}

export const RANK_METHODS: readonly RankMethod[] = ["competition", "dense", "average", "ordinal"];
