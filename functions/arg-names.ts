/**
 * Argument names as the user sees them in messages: the Chinese parameter names of functions-zh-cn.json (what Chinese
 * Excel shows in the formula tooltip), or the English ones (the JSDoc parameter names) when the locale is en-US.
 * PARAMS lists each function's parameters in order; a test holds it to the generated metadata.
 */
import { getLocale } from "../addin/i18n";
import zh from "./functions-zh-cn.json";

export const PARAMS = {
  ELIMRATE: ["eliminated", "baseline"],
  TASKRATE: ["done", "target"],
  MEETS: ["total", "operating", "totalMin", "operatingMin", "mode"],
  STATUS: ["baseline", "total", "operating", "totalMin", "operatingMin"],
  CONVRATE: ["baseline", "total", "operating", "totalMin", "operatingMin"],
  SHAREABOVE: ["values", "threshold"],
  RANK: ["value", "values", "descending", "method"],
  RANKS: ["values", "descending", "method"],
  GROUPRANK: ["values", "groups", "descending", "method"],
  FLAG: ["value", "values", "top", "bottom", "descending"],
  INBOTTOM: ["value", "values", "share", "descending"],
  VOTESCORE: ["good", "fairlyGood", "average", "poor", "points"],
  TOTAL: ["scores", "maxima", "bonus", "bonusCap", "deduction"],
  WEIGHTED: ["values", "weights"],
  GRADE: ["score", "thresholds", "labels"],
  STARS: ["score", "thresholds"],
  COMPOSITE: ["values", "weights"],
  GROWTH: ["current", "previous"],
} as const;

export type FunctionId = keyof typeof PARAMS;

const zhNames = new Map<string, readonly string[]>(zh.functions.map((f) => [f.id, f.parameters.map((p) => p.name)]));

/** The name of parameter `param` of function `id`, in the current locale. */
export function argName<F extends FunctionId>(id: F, param: (typeof PARAMS)[F][number]): string {
  if (getLocale() !== "zh-CN") return param;
  const i = (PARAMS[id] as readonly string[]).indexOf(param);
  return zhNames.get(id)?.[i] ?? param;
}

/** argName bound to one function: `const a = argsOf("TASKRATE"); a("done")` → 已消除数. */
export function argsOf<F extends FunctionId>(id: F): (param: (typeof PARAMS)[F][number]) => string {
  return (param) => argName(id, param);
}
