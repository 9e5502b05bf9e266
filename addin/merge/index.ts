/** The county consolidation (汇总): validated township reports in, county summary out, with its reconciliation. */
export * from "./types";
export { mergeSubmissions } from "./merge";
export { reconcile, measureHeader, type Violation } from "./reconcile";
export { summaryToJson, type SummaryJson, type TownshipJson } from "./json";
export { summaryTables } from "./tables";
export type { SummaryTableOptions } from "./tables";
export { townshipStatusText } from "./status";
export { chartData } from "./chart";
export { UnitTable } from "./unit-table";
