/**
 * County-wide rankings of every merged unit (强村富民指数榜, 书记述职评议排名): the value (an expression, or a composite
 * index of several, scaled 0–100 and weighted: metrics.compositeIndex, as =XB.COMPOSITE), its rank (中国式 by default),
 * 后20% and 星级, all from addin/metrics. A unit without a value is counted, not ranked.
 */
import * as metrics from "../metrics";
import type { CompiledSummary } from "../templates";
import type { UnitScope } from "./scope";
import type { MergedVillage, UnitRankingResult } from "./types";

export function rankUnits(detail: readonly MergedVillage[], summary: CompiledSummary, us: UnitScope, params: Record<string, unknown>): UnitRankingResult[] {
  return summary.unitRankings.map((r) => {
    const spec = r.spec;
    let values: (number | null)[];
    if (r.components) {
      const components = r.components.map(() => new Array<number | null>(detail.length));
      detail.forEach((u, i) => {
        const s = us.load(u);
        r.components!.forEach((f, k) => {
          const v = f(s);
          components[k][i] = typeof v === "number" && Number.isFinite(v) ? v : null;
        });
      });
      const weights = (typeof spec.index!.weights === "string" ? params[spec.index!.weights] : spec.index!.weights) as number[];
      values = detail.length ? metrics.compositeIndex(components, weights) : [];
    } else {
      values = detail.map((u) => {
        const v = r.by!(us.load(u));
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      });
    }
    const units: number[] = [];
    const ranked: number[] = [];
    values.forEach((v, i) => {
      if (v === null) return;
      units.push(i);
      ranked.push(v);
    });
    const descending = spec.order === "desc";
    const ranks = ranked.length ? metrics.rank(ranked, { method: spec.method, descending }) : [];
    const bottom = spec.bottomShare !== undefined && ranked.length ? metrics.bottomShareFlags(ranked, spec.bottomShare, descending) : undefined;
    const thresholds = spec.stars === undefined ? undefined : ((typeof spec.stars === "string" ? params[spec.stars] : spec.stars) as number[]);
    const entries = units.map((unit, k) => ({
      unit,
      value: ranked[k],
      rank: ranks[k],
      bottom: bottom ? bottom[k] : null,
      stars: thresholds ? metrics.stars(ranked[k], thresholds) : null,
    }));
    // Rank order; ties in registry order.
    entries.sort((a, b) => a.rank - b.rank || a.unit - b.unit);
    return { spec, entries, unranked: detail.length - entries.length };
  });
}
