/** The validation engine: Grids in, FileReports out. Works on Grids only (no file libraries here). */
export * from "./report";
export { RowTable } from "./row-table";
export { issueCodesMarkdown } from "./codes-doc";
export { ISSUE_REGISTRY, ISSUE_CODES, variantOf, type AnyCode, type CodeStage, type CodeVariant, type RejectCode, type ReconcileCode, type VariantOf } from "./codes";
export type { ValidateContext } from "./context";
export { validateBook, validateGrid, unreadableReport, internalErrorReport } from "./validate";
export { locateHeader, type HeaderMatch, type HeaderCell } from "./locate-header";
export { locateSheet } from "./locate-sheet";
export { parseNumberText, type ParsedNumber } from "./normalise-cell";
export { isExplanation } from "./explain";
