/**
 * The figures of a set of merged units, measure by measure, as the template's summary declares them. One function for
 * a township, the county and reconcile(), so the three can only agree or be tampered with. Every rate goes through
 * addin/metrics (ratio, the same division =XB.ELIMRATE makes); money is summed in integer cents.
 */
import * as metrics from "../metrics";
import type { CompiledMeasure, CompiledSummary } from "../templates";
import type { UnitScope } from "./scope";
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

/**
 * Σ and count of every sum/mean measure's values over the units, hits and base of every count/share measure: one pass,
 * the unit loaded into the scope once. Other measures get {0, 0}.
 */
export function measureParts(summary: CompiledSummary, units: readonly Record<string, unknown>[], us: UnitScope): MeasureParts[] {
  const ms = summary.measures.filter((m) => m.of || m.where);
  // A unit is copied into the scope only when some measure needs more than one of its values.
  const scoped = ms.some((m) => (m.of && !m.ofKey) || (m.where && !m.whereKey) || (m.among && !m.amongKey));
  const parts: MeasureParts[] = summary.measures.map(() => ({ sum: 0, n: 0 }));
  for (const u of units) {
    const s = scoped ? us.load(u) : us.scope;
    for (const m of ms) {
      const p = parts[m.index];
      if (m.of) {
        const v = m.ofKey ? u[m.ofKey] : m.of(s);
        if (typeof v !== "number" || !Number.isFinite(v)) continue;
        p.sum += m.scale === null ? v : Math.round(v * m.scale);
        p.n++;
      } else {
        if (m.among && (m.amongKey ? u[m.amongKey] : m.among(s)) !== true) continue;
        p.n++;
        if ((m.whereKey ? u[m.whereKey] : m.where!(s)) === true) p.sum++;
      }
    }
  }
  return parts;
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
 * Every measure's figure for these units (by measure position), ratios and goals after their parts. `parts`, when
 * given, are these units' parts already summed (measureParts), so the units are not read again.
 */
export function computeFigures(summary: CompiledSummary, units: readonly Record<string, unknown>[], base: FigureBase, us: UnitScope, given?: MeasureParts[]): Figure[] {
  const out: (Figure | undefined)[] = new Array(summary.measures.length).fill(undefined);
  const parts = base.merged ? (given ?? measureParts(summary, units, us)) : undefined;
  const figure = (m: CompiledMeasure, depth = 0): Figure => {
    const known = out[m.index];
    if (known !== undefined) return known;
    let v: Figure;
    const spec = m.spec;
    if (spec.kind === "registry") v = spec.of === "villages" ? base.villages : base.weakBaseline;
    else if (spec.kind === "target") v = base.target(spec.column);
    else if (spec.kind === "reported") v = units.length;
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
