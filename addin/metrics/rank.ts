import { MetricError } from "./errors";

/**
 * Ranking a list. The methods, for the values 90, 90, 80 (descending):
 *  - competition: 1, 1, 3  — Excel RANK.EQ (美式排名)
 *  - dense:       1, 1, 2  — 中国式排名: ties share a rank and the next rank is not skipped
 *  - average:     1.5, 1.5, 3 — Excel RANK.AVG
 *  - ordinal:     1, 2, 3  — ties broken by position in the list
 *
 * Speed (rank, the whole list): one stable index sort (sortedOrder: an LSD radix sort on the doubles' bit patterns
 * from 2048 values up, a comparator sort below), then one sweep over the tie blocks of the sorted order that writes
 * every rank back at its value's position. Linear after the sort, no per-value search: docs/architecture.md asks for 100k
 * values within 3× of a native Float64Array sort, for every method. rankOf (one value) sorts a copy and
 * binary-searches for the value's tie block.
 */
export type RankMethod = "competition" | "dense" | "average" | "ordinal";

export const RANK_METHODS: readonly RankMethod[] = ["competition", "dense", "average", "ordinal"];

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

function checked(values: ArrayLike<number>): Float64Array {
  // The constructor copies an array or a typed array directly (Float64Array.from goes through the iterator each time).
  const copy = Array.isArray(values) || ArrayBuffer.isView(values) ? new Float64Array(values as ArrayLike<number>) : Float64Array.from(values);
  for (let i = 0; i < copy.length; i++) if (Number.isNaN(copy[i])) throw new MetricError("value", "nan");
  return copy;
}

/**
 * Positions of the values in ascending order, ties in list order (a stable sort of indices). Large lists use an LSD
 * radix sort on the doubles' bit patterns (4 passes of 16 bits): linear, no comparator calls, and stable, which is
 * what the ordinal method needs; small lists use a comparator sort, where the radix histograms would dominate.
 */
export function sortedOrder(x: Float64Array): Uint32Array {
  const n = x.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n < 2048) return idx.sort((a, b) => x[a] - x[b] || a - b);
  // Map each double to an unsigned 64-bit key that sorts like the number (-0 counts as 0, as Excel does).
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < n; i++) {
    f[0] = x[i] === 0 ? 0 : x[i];
    const h = u[1];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~u[0] >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = u[0];
    }
  }
  const count = new Uint32Array(65536);
  let from = idx;
  let to = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    if (!radixPass(pass < 2 ? lo : hi, pass % 2 ? 16 : 0, from, to, count)) continue;
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

/**
 * One stable counting-sort pass on a 16-bit digit of the keys, `from` into `to`; false (nothing moved) when every key
 * has the same digit. A function of its own, so the four passes share one compiled loop.
 */
function radixPass(key: Uint32Array, shift: number, from: Uint32Array, to: Uint32Array, count: Uint32Array): boolean {
  const n = from.length;
  count.fill(0);
  for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 0xffff]++;
  if (count[(key[0] >>> shift) & 0xffff] === n) return false;
  let sum = 0;
  for (let d = 0; d < 65536; d++) {
    const c = count[d];
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const j = from[i];
    to[count[(key[j] >>> shift) & 0xffff]++] = j;
  }
  return true;
}

/** Ranks of every value, at the values' positions: one stable sort, then one pass over the tie blocks. */
export function rank(values: ArrayLike<number>, opts: RankOptions = {}): Float64Array {
  const method = opts.method ?? "dense";
  if (!RANK_METHODS.includes(method)) throw new MetricError("value", "method");
  const x = checked(values);
  return ranksInOrder(x, sortedOrder(x), method, opts.descending ?? true);
}

/** The ranks of x (checked) from its ascending order (sortedOrder). */
function ranksInOrder(x: Float64Array, order: Uint32Array, method: RankMethod, desc: boolean): Float64Array {
  const n = x.length;
  let distinct = 0;
  if (method === "dense" && desc) for (let p = 0; p < n; p++) if (p === 0 || x[order[p]] !== x[order[p - 1]]) distinct++;
  const out = new Float64Array(n);
  let d = 0;
  for (let s = 0; s < n; ) {
    const v = x[order[s]];
    let e = s + 1;
    while (e < n && x[order[e]] === v) e++;
    d++;
    // The tie block holds ascending positions s+1 … e; descending ones n-e+1 … n-s.
    const first = desc ? n - e + 1 : s + 1;
    const r = method === "dense" ? (desc ? distinct - d + 1 : d) : method === "average" ? first + (e - s - 1) / 2 : first;
    for (let p = s; p < e; p++) out[order[p]] = method === "ordinal" ? first + (p - s) : r;
    s = e;
  }
  return out;
}

/** The rank one value would have in the list (RANK.EQ-style lookup). A value not in the list → na. */
export function rankOf(value: number, values: ArrayLike<number>, opts: RankOptions = {}): number {
  const method = opts.method ?? "dense";
  if (!RANK_METHODS.includes(method)) throw new MetricError("value", "method");
  const desc = opts.descending ?? true;
  const sorted = checked(values).sort();
  const n = sorted.length;
  const lo = lowerBound(sorted, value);
  if (lo >= n || sorted[lo] !== value) throw new MetricError("na", "not-in-list");
  let hi = lo + 1;
  while (hi < n && sorted[hi] === value) hi++;
  switch (method) {
    case "competition":
    case "ordinal": // one value alone: its first position in the tie block
      return desc ? n - hi + 1 : lo + 1;
    case "average":
      return (desc ? n - hi + 1 : lo + 1) + (hi - lo - 1) / 2;
    default: {
      // dense: distinct values strictly better, plus one
      let better = 0;
      if (desc) {
        for (let i = hi; i < n; i++) if (i === hi || sorted[i] !== sorted[i - 1]) better++;
      } else for (let i = 0; i < lo; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) better++;
      return better + 1;
    }
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


export interface RankedList {
  /** Ranks at the values' positions (as rank() gives them). */
  ranks: Float64Array;
  /** Positions in rank order, ties in list order: the ranking as a table lists it. */
  order: Uint32Array;
  /** 后 share: competition rank counted from the bottom ≤ ceil(n × share), ties included (as bottomShareFlags). */
  bottom: Uint8Array | null;
}

/**
 * A whole ranking from one sort: every rank (as rank()), the order a ranking table lists the values in, and the
 * bottom-share flags (as bottomShareFlags) — for county-wide rankings of 200,000 villages, one radix sort, not three.
 */
export function rankedList(values: ArrayLike<number>, opts: RankOptions & { bottomShare?: number } = {}): RankedList {
  const desc = opts.descending ?? true;
  const share = opts.bottomShare;
  if (share !== undefined && !(share >= 0 && share <= 1)) throw new MetricError("num", "share-range");
  const method = opts.method ?? "dense";
  if (!RANK_METHODS.includes(method)) throw new MetricError("value", "method");
  const x = checked(values);
  const n = x.length;
  const asc = sortedOrder(x);
  const ranks = ranksInOrder(x, asc, method, desc);
  const order = new Uint32Array(n);
  const bottom = share === undefined ? null : new Uint8Array(n);
  const k = share === undefined ? 0 : Math.ceil(n * share - 1e-9);
  let out = 0;
  // Tie blocks in ascending order of value; a descending ranking lists the blocks from the last, each block in list order.
  // Block b is asc positions starts[b] … starts[b + 1] - 1 (a typed array: no push per block).
  const starts = new Uint32Array(n + 1);
  let blocks = 0;
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && x[asc[e]] === x[asc[s]]) e++;
    starts[blocks++] = s;
    s = e;
  }
  starts[blocks] = n;
  for (let b = 0; b < blocks; b++) {
    const bi = desc ? blocks - 1 - b : b;
    const s = starts[bi], e = starts[bi + 1];
    // Competition rank from the bottom: 1 + the values worse than this block.
    const fromBottom = desc ? s + 1 : n - e + 1;
    for (let p = s; p < e; p++) {
      order[out++] = asc[p];
      if (bottom && fromBottom <= k) bottom[asc[p]] = 1;
    }
  }
  return { ranks, order, bottom };
}
