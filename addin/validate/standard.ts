/**
 * 达标 (meets the standard) for the elimination check. The definition lives in addin/metrics so that custom functions,
 * validation and the county summary never disagree; this file only adapts the template's parameters to it.
 */
import { meetsStandard } from "../metrics";
import type { StandardMode, TemplateParameters } from "../templates";

export interface StandardParams {
  totalMin: number;
  operatingMin: number;
  mode: StandardMode;
}

export function standardOf(p: TemplateParameters): StandardParams {
  return { totalMin: p.totalMin ?? 0, operatingMin: p.operatingMin ?? 0, mode: p.mode ?? "and" };
}

/** 达标, by the one definition in addin/metrics. */
export function meets(total: number, operating: number, s: StandardParams): boolean {
  return meetsStandard(total, operating, s);
}
