/**
 * Why a metric has no value. The custom functions map these to Excel's errors (#DIV/0!, #VALUE!, #NUM!, #N/A);
 * the engine's other callers decide for themselves (the county summary shows "—").
 */
export type MetricErrorCode = "div0" | "value" | "num" | "na";

export class MetricError extends Error {
  override name = "MetricError";
  constructor(
    readonly code: MetricErrorCode,
    /** A stable detail for the caller's message catalogue, e.g. "baseline-zero". */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export function requireFinite(x: number, detail: string): number {
  if (typeof x !== "number" || !Number.isFinite(x)) throw new MetricError("value", detail);
  return x;
}
