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
      const components = r.components.map(() => new Array<number | null>(detail.length).fill(null));
      const keys = r.componentKeys ?? [];
      const scoped = keys.some((k) => k === undefined);
      for (let i = 0; i < detail.length; i++) {
        const u = detail[i];
        const s = scoped ? us.load(u) : us.scope;
        for (let k = 0; k < r.components.length; k++) {
          const v = keys[k] ? u[keys[k]!] : r.components[k](s);
          if (typeof v === "number" && Number.isFinite(v)) components[k][i] = v;
        }
      }
      const weights = (typeof spec.index!.weights === "string" ? params[spec.index!.weights] : spec.index!.weights) as number[];
      values = detail.length ? metrics.compositeIndex(components, weights) : [];
    } else {
      values = detail.map((u) => {
        const v = r.by!(us.load(u));
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      });
    }
    // Ranked as shown: rounded to the ranking's decimals (an index of 17 digits would split ties no reader sees).
    const d = spec.decimals ?? (spec.format === "integer" || spec.format === "goal" ? 0 : spec.format === "percent" ? 4 : 2);
    const units: number[] = [];
    const ranked: number[] = [];
    values.forEach((v, i) => {
      if (v === null) return;
      units.push(i);
      ranked.push(metrics.roundTo(v, d));
    });
    // Ranks, the listing order (ties in registry order) and 后20% from one sort.
    const { ranks, order, bottom } = metrics.rankedList(ranked, { method: spec.method, descending: spec.order === "desc", bottomShare: spec.bottomShare });
    const thresholds = spec.stars === undefined ? undefined : ((typeof spec.stars === "string" ? params[spec.stars] : spec.stars) as number[]);
    const entries = Array.from(order, (k) => ({
      unit: units[k],
      value: ranked[k],
      rank: ranks[k],
      bottom: bottom ? bottom[k] === 1 : null,
      stars: thresholds ? metrics.stars(ranked[k], thresholds) : null,
    }));
    return { spec, entries, unranked: detail.length - entries.length };
  });
}
