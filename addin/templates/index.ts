export * from "./registry-types";
export { parseRegistry, parseTargets, townshipOfVillage, RegistryError } from "./registry";
export * from "./schema";
export { loadTemplate, templateToJson, compileTemplate, textOf, TemplateError } from "./load";
export type { CompiledTemplate, CompiledColumn, CompiledRule } from "./load";
export { builtinTemplate, BUILTIN_TEMPLATE_IDS } from "./builtin";
export { normaliseHeader, normaliseText, compactText } from "./normalise";
export { compileExpression, compareWith, ExpressionError } from "./expression";
export type { CompiledExpression, ExprFn, ExprValue, Scope, Comparison } from "./expression";
