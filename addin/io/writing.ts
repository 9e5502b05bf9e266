/**
 * The ExcelJS half of addin/io: the annotated copy of a submission (a real workbook read, marked and written back).
 * The task pane loads it only when an annotated copy is asked for (see addin/io/reading.ts); the county summary
 * workbook has its own writer without ExcelJS (addin/io/summary-workbook.ts). Everything here is also exported from
 * addin/io/index.ts.
 */
export { annotateWorkbook, type CellMark } from "./annotate-workbook";
