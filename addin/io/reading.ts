/**
 * The reading half of addin/io (SheetJS and the CSV reader), without the ExcelJS writers: the task pane loads
 * this when files are chosen and addin/io/writing.ts only when a workbook is to be written, so reading files in
 * the browser never downloads ExcelJS. Everything here is also exported from addin/io/index.ts.
 */
export { readBook, type Inflater } from "./read-book";
export { UnreadableError, type UnreadableReason } from "./unreadable";
export { decodeText } from "./decode-text";
