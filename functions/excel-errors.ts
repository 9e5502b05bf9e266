/**
 * The only place the custom functions touch the CustomFunctions global: engine errors (MetricError) and argument
 * problems become Excel errors. Excel shows a custom message only on #VALUE! and #N/A (the ErrorCode reference: "a
 * custom error message can't be used" with #DIV/0! and #NUM!), so those two carry the Chinese explanation.
 */
import { t, type MessageKey, type Params } from "../addin/i18n";
import { MetricError, type MetricErrorCode } from "../addin/metrics";

/**
 * Each engine detail code that can end in #VALUE! or #N/A, and its message. A detail not listed here falls back to
 * fn.bad, a plain Chinese sentence: the code itself is never shown to a user.
 */
export const DETAILS: Partial<Record<string, MessageKey>> = {
  "not-in-list": "fn.notInList",
  "no-values": "fn.noValues",
  "score-out-of-range": "fn.outOfRange",
  "points-length": "fn.pointsLength",
  "labels-length": "fn.labelsLength",
  "thresholds-order": "fn.thresholdsOrder",
  "thresholds-empty": "fn.thresholdsEmpty",
  "length-mismatch": "fn.lengthMismatch",
  method: "fn.methodBad",
  nan: "fn.notFinite",
};

export function excelError(code: MetricErrorCode, key?: MessageKey, params: Params = {}): CustomFunctions.Error {
  const errorCode = CustomFunctions.ErrorCode[
    code === "div0" ? "divisionByZero" : code === "num" ? "invalidNumber" : code === "na" ? "notAvailable" : "invalidValue"
  ];
  return key && (code === "value" || code === "na") ? new CustomFunctions.Error(errorCode, t(key, params)) : new CustomFunctions.Error(errorCode);
}

/** Runs a computation, turning engine errors into Excel errors (anything else is a bug and is rethrown). */
export function excel<T>(compute: () => T, params: Params = {}): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof MetricError) {
      const key = DETAILS[e.detail] ?? (e.code === "div0" ? "fn.divZero" : "fn.bad");
      throw excelError(e.code, key, params);
    }
    throw e;
  }
}
