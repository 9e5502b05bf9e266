/**
 * County-wide rankings of every merged unit (强村富民指数榜, 书记述职评议排名): the value (an expression, or a composite
 * index of several, scaled 0–100 and weighted: metrics.compositeIndex, as =XB.COMPOSITE), its rank (中国式 by default),
 * 后20% and 星级, all from addin/metrics. A unit without a value is counted, not ranked.
 */
import * as metrics from "../metrics";
import type { CompiledSummary } from "../templates";
import { UnitColumns } from "./measure-columns";
import type { UnitScope } from "./scope";
import type { UnitRankingResult } from "./types";
import type { UnitTable } from "./unit-table";

export function rankUnits(detail: UnitTable, summary: CompiledSummary, us: UnitScope, params: Record<string, unknown>, columns = new UnitColumns(detail)): UnitRankingResult[] {
  const n = detail.length;
  const load = us.loadRow(detail);
  return summary.unitRankings.map((r) => {
    const spec = r.spec;
    // Each unit's value (`has` 0: none), in typed arrays: no boxed number per unit.
    const has = new Uint8Array(n).fill(1);
    let values: Float64Array;
    if (r.components) {
      const components = r.components.map(() => new Float64Array(n));
      const keys = r.componentKeys ?? [];
      for (let k = 0; k < r.components.length; k++) {
        const key = keys[k];
        const fn = r.components[k];
        const out = components[k];
        if (key) {
          // A bare key: the values the townships' figures read already (NaN: none).
          const col = columns.numbers(key);
          for (let i = 0; i < n; i++) {
            const v = col[i];
            if (v === v) out[i] = v;
            else has[i] = 0;
          }
          continue;
        }
        for (let i = 0; i < n; i++) {
          const v = fn(load(i));
          if (typeof v === "number" && Number.isFinite(v)) out[i] = v;
          else has[i] = 0;
        }
      }
      const weights = (typeof spec.index!.weights === "string" ? params[spec.index!.weights] : spec.index!.weights) as number[];
      if (n) checkComposite(components.length, weights);
      values = n ? metrics.compositeScores(components, has, weights) : new Float64Array(0);
    } else {
      values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = r.by!(load(i));
        if (typeof v === "number" && Number.isFinite(v)) values[i] = v;
        else has[i] = 0;
      }
    }
    // Ranked as shown: rounded to the ranking's decimals (an index of 17 digits would split ties no reader sees).
    const d = spec.decimals ?? (spec.format === "integer" || spec.format === "goal" ? 0 : spec.format === "percent" ? 4 : 2);
    const roundTo = metrics.roundTo;
    let m = 0;
    for (let i = 0; i < n; i++) m += has[i];
    const units = new Uint32Array(m);
    const ranked = new Float64Array(m);
    for (let i = 0, j = 0; i < n; i++) {
      if (!has[i]) continue;
      units[j] = i;
      ranked[j++] = roundTo(values[i], d);
    }
    // Ranks, the listing order (ties in registry order) and 后20% from one sort.
    const { ranks, order, bottom } = metrics.rankedList(ranked, { method: spec.method, descending: spec.order === "desc", bottomShare: spec.bottomShare });
    const thresholds = spec.stars === undefined ? undefined : ((typeof spec.stars === "string" ? params[spec.stars] : spec.stars) as number[]);
    const starsOf = thresholds ? starRater(thresholds) : undefined;
    // In rank order, column by column.
    const result: UnitRankingResult = {
      spec,
      unit: new Uint32Array(m),
      value: new Float64Array(m),
      rank: new Float64Array(m),
      bottom: bottom ? new Uint8Array(m) : null,
      stars: starsOf ? new Uint32Array(m) : null,
      unranked: n - m,
    };
    for (let j = 0; j < m; j++) {
      const k = order[j];
      result.unit[j] = units[k];
      result.value[j] = ranked[k];
      result.rank[j] = ranks[k];
      if (bottom) result.bottom![j] = bottom[k];
      if (starsOf) result.stars![j] = starsOf(ranked[k]);
    }
    return result;
  });
}

/** What metrics.compositeIndex refuses, refused here too (the values themselves are finite by construction). */
function checkComposite(components: number, weights: readonly number[]): void {
  if (components === 0 || components !== weights.length) throw new metrics.MetricError("value", "length-mismatch");
  for (const w of weights) metrics.requireFinite(w, "weight");
}

/** metrics.stars with these thresholds, checked once (on the first score) rather than for every unit. */
function starRater(thresholds: readonly number[]): (score: number) => number {
  let checked = false;
  return (score) => {
    if (!checked || !Number.isFinite(score)) {
      const s = metrics.stars(score, thresholds);
      checked = true;
      return s;
    }
    let i = 0;
    while (i < thresholds.length && !(score >= thresholds[i])) i++;
    return i === thresholds.length ? 1 : thresholds.length + 1 - i;
  };
}
