/**
 * The writing half of addin/io (ExcelJS): the annotated copy of a submission and the county summary workbook.
 * The task pane loads it only when a download or a write is asked for (see addin/io/reading.ts). Everything here
 * is also exported from addin/io/index.ts.
 */
export { annotateWorkbook, type CellMark } from "./annotate-workbook";
export { writeSummaryWorkbook } from "./summary-workbook";
