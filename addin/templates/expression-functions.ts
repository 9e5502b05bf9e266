/**
 * The functions a template expression may call. The scoring ones are addin/metrics' own (the definitions =XB.… calls),
 * so a computed column, a summary and a worksheet formula can never disagree. A blank argument (null) gives null (not
 * computable: the blank is reported by its own check), and so does an argument a metric refuses (a score above its
 * maximum, no votes): the range check reports the cell.
 *
 * | function | meaning | =XB.… |
 * |---|---|---|
 * | abs(x), round(x, [digits]), min(…), max(…) | as in Excel (min/max also over lists) | |
 * | sum(…), mean(…) | Σ and mean of numbers and lists | |
 * | count(list, value) | how many items equal value (达标条数 = count([s1, …, s10], "达标")) | |
 * | cappedTotal(scores, maxima, [bonus], [bonusCap], [deduction]) | Σ items + min(加分, cap) − 扣分 | XB.TOTAL |
 * | voteScore(good, fairlyGood, average, poor, [points]) | 民主测评得分 | XB.VOTESCORE |
 * | weighted(parts, weights) | Σ partᵢ × weightᵢ (综合得分 = 实绩 × 70% + 测评 × 30%) | XB.WEIGHTED |
 * | grade(score, [thresholds], [labels]) | 等次 (好/较好/一般/差) | XB.GRADE |
 * | stars(score, [thresholds]) | 星级 1–5 | XB.STARS |
 * | ratio(part, whole) | part ÷ whole | |
 * | at(list, n) | the n-th item of a list, from 1 (grade == at(gradeLabels, 1): the first 等次, whatever its name) | |
 */
import * as metrics from "../metrics";
import type { ExprValue } from "./expression";

export interface FunctionDef {
  min: number;
  max: number;
  fn: (args: ExprValue[]) => ExprValue;
}

type List = readonly ExprValue[];
const isList = (v: ExprValue): v is List => Array.isArray(v);

/** The numbers of the arguments, lists flattened; null when any is blank or not a number. */
function numbers(args: readonly ExprValue[]): number[] | null {
  const out: number[] = [];
  for (const a of args) {
    if (isList(a)) {
      const inner = numbers(a);
      if (inner === null) return null;
      for (const x of inner) out.push(x);
    } else if (typeof a === "number") out.push(a);
    else if (typeof a === "boolean") out.push(a ? 1 : 0);
    else return null;
  }
  return out;
}

function numberArg(v: ExprValue | undefined, fallback?: number): number | null {
  if (v === undefined) return fallback ?? null;
  return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : null;
}

function listArg(v: ExprValue | undefined): number[] | null | undefined {
  if (v === undefined) return undefined;
  return isList(v) ? numbers(v) : null;
}

/** Runs a metric; a value it refuses (MetricError) is not computable. */
function metric<T extends ExprValue>(f: () => T): ExprValue {
  try {
    const v = f();
    return typeof v === "number" && !Number.isFinite(v) ? null : v;
  } catch (e) {
    if (e instanceof metrics.MetricError) return null;
    throw e;
  }
}

const FUNCTIONS: Record<string, FunctionDef> = {
  abs: { min: 1, max: 1, fn: ([x]) => { const n = numberArg(x); return n === null ? null : Math.abs(n); } },
  round: {
    min: 1,
    max: 2,
    fn: ([x, d]) => {
      const n = numberArg(x), digits = numberArg(d, 0);
      if (n === null || digits === null) return null;
      const f = 10 ** digits;
      return Math.round(n * f) / f;
    },
  },
  min: { min: 1, max: 64, fn: (args) => { const xs = numbers(args); return xs === null || xs.length === 0 ? null : xs.reduce((a, b) => Math.min(a, b)); } },
  max: { min: 1, max: 64, fn: (args) => { const xs = numbers(args); return xs === null || xs.length === 0 ? null : xs.reduce((a, b) => Math.max(a, b)); } },
  sum: { min: 1, max: 64, fn: (args) => { const xs = numbers(args); return xs === null ? null : xs.reduce((a, b) => a + b, 0); } },
  mean: { min: 1, max: 64, fn: (args) => { const xs = numbers(args); return xs === null || xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length; } },
  count: {
    min: 2,
    max: 2,
    fn: ([list, value]) => {
      if (!isList(list) || value === null || isList(value)) return null;
      let n = 0;
      for (const x of list) if (x === value) n++;
      return n;
    },
  },
  cappedTotal: {
    min: 2,
    max: 5,
    fn: ([scores, maxima, bonus, cap, deduction]) => {
      const s = listArg(scores), m = listArg(maxima);
      const b = numberArg(bonus, 0), c = numberArg(cap, 5), d = numberArg(deduction, 0);
      if (!s || !m || b === null || c === null || d === null) return null;
      return metric(() => metrics.cappedTotal(s, m, b, c, d));
    },
  },
  voteScore: {
    min: 4,
    max: 5,
    fn: ([good, fairlyGood, average, poor, points]) => {
      const votes = [good, fairlyGood, average, poor].map((v) => numberArg(v));
      const p = listArg(points);
      if (votes.some((v) => v === null) || p === null) return null;
      const [g, f, a, q] = votes as number[];
      return metric(() => metrics.voteScore(g, f, a, q, p));
    },
  },
  weighted: {
    min: 2,
    max: 2,
    fn: ([parts, weights]) => {
      const p = listArg(parts), w = listArg(weights);
      if (!p || !w) return null;
      return metric(() => metrics.weighted(p, w));
    },
  },
  grade: {
    min: 1,
    max: 3,
    fn: ([score, thresholds, labels]) => {
      const s = numberArg(score), t = listArg(thresholds);
      if (s === null || t === null) return null;
      let l: string[] | undefined;
      if (labels !== undefined) {
        if (!isList(labels) || !labels.every((x) => typeof x === "string")) return null;
        l = labels as string[];
      }
      return metric(() => metrics.grade(s, t, l));
    },
  },
  stars: {
    min: 1,
    max: 2,
    fn: ([score, thresholds]) => {
      const s = numberArg(score), t = listArg(thresholds);
      if (s === null || t === null) return null;
      return metric(() => metrics.stars(s, t));
    },
  },
  at: {
    min: 2,
    max: 2,
    fn: ([list, n]) => {
      const i = numberArg(n);
      if (!isList(list) || i === null || !Number.isInteger(i) || i < 1 || i > list.length) return null;
      return list[i - 1];
    },
  },
  ratio: {
    min: 2,
    max: 2,
    fn: ([part, whole]) => {
      const p = numberArg(part), w = numberArg(whole);
      if (p === null || w === null) return null;
      return metric(() => metrics.ratio(p, w));
    },
  },
};

/** The function an expression may call by this name, if any. */
export function functionDef(name: string): FunctionDef | undefined {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

export const FUNCTION_NAMES = Object.keys(FUNCTIONS);
