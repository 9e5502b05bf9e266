import { t } from "../i18n";
import { variantOf, type ReconcileCode } from "../validate";
import { compileTemplate, textOf, type CompiledMeasure, type CompiledSummary } from "../templates";
import { computeFigures, figureFromParts, groupedParts, reported, type FigureBase, type MeasureParts } from "./measures";
import { checkRows, type Fail } from "./reconcile-rows";
import { checkUnits } from "./reconcile-units";
import { unitScope, type UnitScope } from "./scope";
import { registryBase } from "./townships";
import type { CountySummary, Figure } from "./types";

/** A reconciliation failure: its code (addin/validate/codes.ts) and what does not add up, in words. */
export interface Violation {
  code: ReconcileCode;
  message: string;
}

const num = (v: unknown): Figure => (typeof v === "number" ? v : null);

/** A measure's header as the workbook shows it (`{参数}` filled in). */
export function measureHeader(m: CompiledMeasure, summary: CountySummary): string {
  return textOf(m.spec.header, summary.locale).replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = summary.parameters[k];
    return v === undefined ? whole : String(v);
  });
}

/**
 * Checks that the summary adds up; returns every violation (empty when it reconciles), in the summary's locale:
 * - every input row (told apart by its file's input position, so same-named files are checked too) is in the detail
 *   or in the rejected list exactly once, and every rejected row has a reason;
 * - each unit is in the detail at most once, under its own registry township, with the registry's values where its
 *   columns are linked to the registry;
 * - each merged or partial township's figures equal what its units give, measure by measure, computed by the same
 *   functions (money to the cent); a failed or missing township has only its registry and target figures (the rest
 *   null, shown blank) and no units; its 村数 equals the registry's, its 退回行数 its files' rejected rows; only complete
 *   townships are ranked (unless rankPartial);
 * - the county's additive figures (counts, sums, registry, targets) equal the townships' sums, its ratios and means
 *   follow from those sums, and every county figure equals what all the units give.
 * The CLI refuses to write a summary that does not reconcile.
 */
export function reconcile(summary: CountySummary): Violation[] {
  const out: Violation[] = [];
  const fail: Fail = (code, variant, params) => out.push({ code, message: t(variantOf(code, variant).message!, params, summary.locale) });
  const ct = compileTemplate(summary.template);
  const cs = ct.summary;
  const us = unitScope(ct, summary.parameters);
  const label = (m: CompiledMeasure) => measureHeader(m, summary);
  // Sums kept in integers (cents …) compare as integers; a floating-point sum or mean (no fixed decimals) within a
  // relative 1e-12, the order of additions being all that may differ.
  const cents = (m: CompiledMeasure, v: Figure) => (v === null || m.scale === null || m.spec.kind !== "sum" ? v : Math.round(v * m.scale));
  const differ = (m: CompiledMeasure, a: Figure, b: Figure) => {
    if (a === null || b === null || m.scale !== null || (m.spec.kind !== "sum" && m.spec.kind !== "mean")) return cents(m, a) !== cents(m, b);
    return Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  };
  const show = (m: CompiledMeasure, v: Figure | undefined) =>
    v === null || v === undefined ? "—" : m.scale !== null && m.spec.kind === "sum" ? v.toFixed(Math.round(Math.log10(m.scale))) : String(v);

  checkRows(summary, fail);
  const groups = checkUnits(summary, ct.columns.filter((c) => c.registry), fail);
  // Every township line's units' parts, and all the units', recomputed from the units in one reading.
  const parts = groupedParts(cs, summary.detail, groups.groupOf, summary.townships.length, us);
  const lineOf = new Map<string, number>();
  summary.townships.forEach((tw, i) => {
    if (!lineOf.has(tw.code)) lineOf.set(tw.code, i);
  });

  const rejectedByTownship = new Map<string, number>();
  for (const r of summary.rejected) {
    const code = summary.files[r.fileIndex]?.townshipCode;
    if (code) rejectedByTownship.set(code, (rejectedByTownship.get(code) ?? 0) + 1);
  }
  const regTownship = new Map(summary.registry.townships.map((tw) => [tw.code, tw]));
  // Σ of the townships' additive figures, and of the parts of every mean, for the county check.
  const sums: Figure[] = cs.measures.map(() => null);
  const meanParts: MeasureParts[] = cs.measures.map(() => ({ sum: 0, n: 0 }));
  const coverage = summary.template.coverage ?? "all";
  // Said once, not per township (this loop runs once per merge, mostly before it is optimised: kept lean).
  const coreNames = (["merge.col.villages", "merge.col.reported", "merge.col.rejectedRows"] as const).map((k) => t(k, {}, summary.locale));
  const measures = cs.measures;
  for (let w = 0; w < summary.townships.length; w++) {
    const tw = summary.townships[w];
    const reg = regTownship.get(tw.code);
    // Lines sharing a code (only in a tampered summary) each have all that code's units.
    const line = lineOf.get(tw.code)!;
    const units = groups.count[line];
    const own = parts.byGroup[line];
    const merged = tw.status === "merged" || tw.status === "partial";
    const base: FigureBase = { ...(reg ? registryBase(reg) : { villages: 0, weakBaseline: 0 }), target: (column) => targetFigure(cs, tw, column), merged };
    const want = computeFigures(cs, units, base, us, own);
    for (let k = 0; k < measures.length; k++) {
      const m = measures[k];
      const actual = num(tw[m.spec.key]);
      if (!merged && m.mergedOnly && m.spec.kind !== "reported") {
        if (actual !== null) fail("reconcile-township", "notMergedFigure", { township: tw.name, figure: label(m), value: show(m, actual) });
      } else if (differ(m, actual, want[m.index])) {
        fail("reconcile-township", "figure", { township: tw.name, figure: label(m), value: show(m, actual), expected: show(m, want[m.index]) });
      }
      // Money summed in cents.
      if (m.additive && actual !== null) sums[m.index] = (sums[m.index] ?? 0) + (cents(m, actual) as number);
      if (m.spec.kind === "mean" && merged) {
        meanParts[m.index].sum += own[m.index].sum;
        meanParts[m.index].n += own[m.index].n;
      }
    }
    const core = [tw.villages, reg ? reg.villages.length : 0, tw.reported, units, tw.rejectedRows, rejectedByTownship.get(tw.code) ?? 0];
    for (let c = 0; c < 3; c++) {
      const value = core[2 * c], expected = core[2 * c + 1];
      if (value !== expected) fail("reconcile-township", "figure", { township: tw.name, figure: coreNames[c], value, expected });
    }
    if (coverage === "all" && tw.status === "merged" && tw.reported < tw.villages) {
      fail("reconcile-township", "incompleteMerged", { township: tw.name, reported: tw.reported, villages: tw.villages });
    }
    const rankable = tw.status === "merged" || (summary.rankPartial && tw.status === "partial");
    if (!rankable && (tw.rank !== null || tw.flag !== null)) fail("reconcile-township", "rankedPartial", { township: tw.name, status: tw.status });
  }

  // The county against the townships (additive figures summed, ratios and means from those sums) …
  const county = summary.county;
  const fromTownships = townshipTotals(cs, sums, meanParts);
  for (const m of cs.measures) {
    if (fromTownships[m.index] === undefined) continue;
    const actual = num(county[m.spec.key]);
    if (differ(m, actual, fromTownships[m.index]!)) {
      fail("reconcile-county", "fromTownships", { figure: label(m), value: show(m, actual), expected: show(m, fromTownships[m.index]) });
    }
  }
  // … and against all the units, through the same functions.
  let villages = 0;
  let weakBaseline = 0;
  for (const tw of summary.registry.townships) {
    const reg = registryBase(tw);
    villages += reg.villages;
    weakBaseline += reg.weakBaseline;
  }
  const base: FigureBase = { villages, weakBaseline, target: (column) => targetFigure(cs, county, column), merged: true };
  const fromDetail = computeFigures(cs, summary.detail.length, base, us, parts.all);
  for (const m of cs.measures) {
    if (m.spec.kind === "registry" || m.spec.kind === "target") continue; // checked against the townships
    const actual = num(county[m.spec.key]);
    if (differ(m, actual, fromDetail[m.index])) {
      fail("reconcile-county", "fromDetail", { figure: label(m), value: show(m, actual), expected: show(m, fromDetail[m.index]) });
    }
  }
  return out;
}

/** A line's own figure of the target measure for that column (what its ratios are recomputed with). */
function targetFigure(cs: CompiledSummary, line: Record<string, unknown>, column: string): Figure {
  const m = cs.measures.find((x) => x.spec.kind === "target" && x.spec.column === column);
  return m ? num(line[m.spec.key]) : null;
}

/** County figures that follow from the townships: additive ones summed, means from summed parts, ratios of those. */
function townshipTotals(cs: CompiledSummary, sums: readonly Figure[], meanParts: readonly MeasureParts[]): (Figure | undefined)[] {
  const out: (Figure | undefined)[] = cs.measures.map(() => undefined);
  for (const m of cs.measures) {
    if (m.additive) {
      const sum = m.spec.kind === "target" ? sums[m.index] : (sums[m.index] ?? 0);
      out[m.index] = sum === null || m.scale === null || m.spec.kind !== "sum" ? sum : sum / m.scale;
    }
    else if (m.spec.kind === "mean") out[m.index] = reported(m, figureFromParts(m, meanParts[m.index]));
  }
  for (const m of cs.measures) {
    if (m.spec.kind !== "ratio") continue;
    const a = out[m.numerator!], b = out[m.denominator!];
    if (a === undefined || b === undefined) continue;
    out[m.index] = a === null || b === null || b === 0 ? null : reported(m, a / b);
  }
  return out;
}

export type { UnitScope };
