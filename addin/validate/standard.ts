/**
 * 达标 (meets the standard) for the elimination check. The definition lives in addin/metrics so that custom functions,
 * validation and the county summary never disagree; this file only adapts the template's parameters to it.
 */
import type { StandardMode, TemplateParameters } from "../templates";

export interface StandardParams {
  totalMin: number;
  operatingMin: number;
  mode: StandardMode;
}

export function standardOf(p: TemplateParameters): StandardParams {
  return { totalMin: p.totalMin ?? 0, operatingMin: p.operatingMin ?? 0, mode: p.mode ?? "and" };
}

/** TEMPORARY until addin/metrics lands: same definition (总收入 ≥ T₁ and/or 经营性收入 ≥ T₂, or 经营性收入 alone). */
export function meets(total: number, operating: number, s: StandardParams): boolean {
  const t = total >= s.totalMin;
  const o = operating >= s.operatingMin;
  return s.mode === "and" ? t && o : s.mode === "or" ? t || o : o;
}
