import { MetricError, requireFinite } from "./errors";
import { eliminationRate } from "./rates";

/**
 * 达标 (meets the standard): "and" = 总收入 ≥ T₁ 且 经营性收入 ≥ T₂ (the demo county: 30/15 万元);
 * "or" = either; "operating" = 经营性收入 ≥ T₂ alone, as some counties count. Provinces and years differ,
 * so the thresholds are parameters.
 */
export const STANDARD_MODES = ["and", "or", "operating"] as const;
export type StandardMode = (typeof STANDARD_MODES)[number];

export interface Standard {
  totalMin: number;
  operatingMin: number;
  mode: StandardMode;
}

/** The one default standard (30/15 万元, both required): what a template without 达标 parameters and the =XB.… functions without their optional arguments use. */
export const DEFAULT_STANDARD: Standard = { totalMin: 30, operatingMin: 15, mode: "and" };

export function meetsStandard(total: number, operating: number, standard: Partial<Standard> = {}): boolean {
  const s = { ...DEFAULT_STANDARD, ...standard };
  requireFinite(total, "total");
  requireFinite(operating, "operating");
  const t = total >= s.totalMin;
  const o = operating >= s.operatingMin;
  return s.mode === "and" ? t && o : s.mode === "or" ? t || o : o;
}

/** 非薄弱村 / 已消薄 / 未消薄: a baseline village is 已消薄 when it is now 达标. */
export type VillageStatus = "non-weak" | "eliminated" | "not-eliminated";

export function villageStatus(baseline: boolean, total: number, operating: number, standard: Partial<Standard> = {}): VillageStatus {
  if (!baseline) return "non-weak";
  return meetsStandard(total, operating, standard) ? "eliminated" : "not-eliminated";
}

export interface VillageIncome {
  baseline: boolean;
  /** null when not reported (blank or not a number): such a village is not 达标, but still counts in the baseline. */
  total: number | null;
  operating: number | null;
}

/**
 * 转化率 from incomes: baseline villages now 达标 ÷ baseline villages. The denominator is the whole baseline, as the
 * official 消除率 has it: a baseline village without reported incomes is counted as not 达标, never dropped.
 * No baseline villages → div0.
 */
export function conversionRate(villages: readonly VillageIncome[], standard: Partial<Standard> = {}): number {
  let base = 0;
  let met = 0;
  for (const v of villages) {
    if (!v.baseline) continue;
    base++;
    if (v.total !== null && v.operating !== null && meetsStandard(v.total, v.operating, standard)) met++;
  }
  if (base === 0) throw new MetricError("div0", "baseline-zero");
  return eliminationRate(met, base);
}
