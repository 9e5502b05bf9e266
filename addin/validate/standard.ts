/**
 * 达标 (meets the standard) for the elimination check. The definition lives in addin/metrics so that custom functions,
 * validation and the county summary never disagree; this file only adapts the template's parameters to it.
 */
import { DEFAULT_STANDARD, meetsStandard, type Standard } from "../metrics";
import type { TemplateParameters } from "../templates";

/** The template's standard; what it leaves out is the one default (addin/metrics DEFAULT_STANDARD). */
export function standardOf(p: TemplateParameters): Standard {
  return { totalMin: p.totalMin ?? DEFAULT_STANDARD.totalMin, operatingMin: p.operatingMin ?? DEFAULT_STANDARD.operatingMin, mode: p.mode ?? DEFAULT_STANDARD.mode };
}

/** 达标, by the one definition in addin/metrics. */
export function meets(total: number, operating: number, s: Standard): boolean {
  return meetsStandard(total, operating, s);
}
