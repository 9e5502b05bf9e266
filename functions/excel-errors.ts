/**
 * The only place the custom functions touch the CustomFunctions global: engine errors (MetricError) and argument
 * problems become Excel errors. Excel shows the Chinese message only on #VALUE! and #N/A, so those carry the
 * explanation; #DIV/0! and #NUM! speak for themselves.
 */
import { t, type MessageKey, type Params } from "../addin/i18n";
import { MetricError, type MetricErrorCode } from "../addin/metrics";

const DETAILS: Partial<Record<string, MessageKey>> = {
  "not-in-list": "fn.notInList",
  "no-values": "fn.noValues",
  "score-out-of-range": "fn.outOfRange",
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
      throw excelError(e.code, key, { detail: e.detail, ...params });
    }
    throw e;
  }
}
