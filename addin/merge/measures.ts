/**
 * The figures of a set of merged units, measure by measure, as the template's summary declares them. One function for
 * a township, the county and reconcile(), so the three can only agree or be tampered with. Every rate goes through
 * addin/metrics (ratio, the same division =XB.ELIMRATE makes); money is summed in integer cents.
 */
import * as metrics from "../metrics";
import type { CompiledMeasure, CompiledSummary } from "../templates";
import { measureColumns, UnitColumns } from "./measure-columns";
import type { UnitScope } from "./scope";
import type { UnitTable } from "./unit-table";
import type { Figure } from "./types";

export interface FigureBase {
  /** Registry figures of the township (or the whole county). */
  villages: number;
  weakBaseline: number;
  /** A `target` measure's number (null when the county set none). */
  target(column: string): Figure;
  /** False for a township that was not merged: its merged-only figures are null. */
  merged: boolean;
}

/** The parts a sum or mean is made of, so the county can be recomputed from townships exactly. */
export interface MeasureParts {
  /** Σ (in cents for money) and how many values. */
  sum: number;
  n: number;
}

const finiteOrNull = (x: number): Figure => (Number.isFinite(x) ? x : null);

function ratioOf(part: Figure, whole: Figure): Figure {
  if (part === null || whole === null || whole === 0) return null;
  try {
    return finiteOrNull(metrics.ratio(part, whole));
  } catch (e) {
    if (e instanceof metrics.MetricError) return null;
    throw e;
  }
}

/** Parts of groups of units: each group's (and all the units') parts of every measure, from one reading of the units. */
export interface GroupedParts {
  /** byGroup[g][measure index]: {0, 0} for a measure without parts (and for a group without units). */
  byGroup: MeasureParts[][];
  /** Every unit's, in unit order (a unit of no group included). */
  all: MeasureParts[];
}

/** Where groupedParts adds up: group g's parts of measure k at g * M + k, every unit's at allAt + k. */
interface Accumulator {
  sum: Float64Array;
  count: Float64Array;
  M: number;
  allAt: number;
}

// The two loops below are small functions of their own: each is compiled (and reused for the next measure) on its own,
// rather than one large function recompiled each time a new branch of it runs.

/** A sum/mean measure's values (NaN: no value), in integer units of 1/scale when scale is not 0. */
function addValues(acc: Accumulator, k: number, of: Float64Array, scale: number, group: Int32Array): void {
  const { sum, count, M, allAt } = acc;
  for (let i = 0; i < of.length; i++) {
    const v = of[i];
    if (v !== v) continue;
    const x = scale === 0 ? v : Math.round(v * scale);
    const g = group[i];
    if (g >= 0) {
      sum[g * M + k] += x;
      count[g * M + k]++;
    }
    sum[allAt + k] += x;
    count[allAt + k]++;
  }
}

/** A count/share measure's hits (where) among its base (among, or every unit). */
function addHits(acc: Accumulator, k: number, where: Uint8Array, among: Uint8Array | null, group: Int32Array): void {
  const { sum, count, M, allAt } = acc;
  for (let i = 0; i < where.length; i++) {
    if (among !== null && among[i] !== 1) continue;
    const hit = where[i];
    const g = group[i];
    if (g >= 0) {
      count[g * M + k]++;
      sum[g * M + k] += hit;
    }
    count[allAt + k]++;
    sum[allAt + k] += hit;
  }
}

/**
 * Σ and count of every sum/mean measure's values over each group's units, hits and base of every count/share measure;
 * other measures get {0, 0}. `groupOf[i]` is unit i's group (-1: none; it still counts in `all`); null: no groups.
 * Each group's values are added in unit order, so a sum is the very number a loop over that group's units would give.
 */
export function groupedParts(summary: CompiledSummary, units: UnitTable | UnitColumns, groupOf: Int32Array | null, groups: number, us: UnitScope): GroupedParts {
  const columns = units instanceof UnitColumns ? units : new UnitColumns(units);
  const n = columns.units.length;
  const M = summary.measures.length;
  // Group g's parts of measure m at g * M + m; the last group (index `groups`) is every unit.
  const sum = new Float64Array((groups + 1) * M);
  const count = new Float64Array((groups + 1) * M);
  const cols = measureColumns(summary, columns, us);
  const group = groupOf ?? new Int32Array(n).fill(-1);
  const acc: Accumulator = { sum, count, M, allAt: groups * M };
  for (const m of summary.measures) {
    const of = cols.of[m.index];
    const where = cols.where[m.index];
    if (of) addValues(acc, m.index, of, m.scale ?? 0, group);
    else if (where) addHits(acc, m.index, where, cols.among[m.index] ?? null, group);
  }
  const partsAt = (g: number): MeasureParts[] => {
    const out: MeasureParts[] = new Array(M);
    for (let k = 0; k < M; k++) out[k] = { sum: sum[g * M + k], n: count[g * M + k] };
    return out;
  };
  const byGroup: MeasureParts[][] = new Array(groups);
  for (let g = 0; g < groups; g++) byGroup[g] = partsAt(g);
  return { byGroup, all: partsAt(groups) };
}

/** A sum/mean/count/share figure from its parts. */
export function figureFromParts(m: CompiledMeasure, p: MeasureParts): Figure {
  switch (m.spec.kind) {
    case "sum":
      return m.scale === null ? p.sum : p.sum / m.scale;
    case "mean":
      return p.n === 0 ? null : m.scale === null ? p.sum / p.n : p.sum / p.n / m.scale;
    case "count":
      return p.sum;
    case "share":
      return ratioOf(p.sum, p.n);
    default:
      return null;
  }
}

/** Σ of several sets' parts: the parts of their union (the county's from its townships', unit by unit the same). */
export function addParts(all: readonly (readonly MeasureParts[])[], measures: number): MeasureParts[] {
  const out: MeasureParts[] = Array.from({ length: measures }, () => ({ sum: 0, n: 0 }));
  for (const parts of all) parts.forEach((p, i) => {
    out[i].sum += p.sum;
    out[i].n += p.n;
  });
  return out;
}

/** A figure as the summary reports it: rounded to the measure's decimals when it has some. */
export function reported(m: CompiledMeasure, v: Figure): Figure {
  const d = m.spec.decimals;
  return v === null || d === undefined ? v : metrics.roundTo(v, d);
}

/**
 * Every measure's figure for a set of units (by measure position), ratios and goals after their parts: `reported` is
 * how many units, `parts` their parts (groupedParts), used only when `base.merged`.
 */
export function computeFigures(summary: CompiledSummary, reportedUnits: number, base: FigureBase, us: UnitScope, given: readonly MeasureParts[]): Figure[] {
  const out: (Figure | undefined)[] = new Array(summary.measures.length).fill(undefined);
  const parts = base.merged ? given : undefined;
  const figure = (m: CompiledMeasure, depth = 0): Figure => {
    const known = out[m.index];
    if (known !== undefined) return known;
    let v: Figure;
    const spec = m.spec;
    if (spec.kind === "registry") v = spec.of === "villages" ? base.villages : base.weakBaseline;
    else if (spec.kind === "target") v = base.target(spec.column);
    else if (spec.kind === "reported") v = reportedUnits;
    else if (spec.kind === "ratio" || spec.kind === "goal") {
      // A reference loop is refused at template load; the depth guard only keeps a hand-made object from looping.
      if (depth > summary.measures.length) return null;
      if (spec.kind === "ratio") v = ratioOf(figure(summary.measures[m.numerator!], depth + 1), figure(summary.measures[m.denominator!], depth + 1));
      else {
        const of = figure(summary.measures[m.goalOf!], depth + 1);
        const goal = typeof spec.atLeast === "number" ? spec.atLeast : Number(us.scope[spec.atLeast]);
        v = of === null ? null : of >= goal - 1e-12 ? 1 : 0;
      }
    } else v = parts ? figureFromParts(m, parts[m.index]) : null;
    const r = reported(m, v);
    out[m.index] = r;
    return r;
  };
  for (const m of summary.measures) figure(m);
  return out as Figure[];
}
