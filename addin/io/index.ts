/** Files in and out: readers (.xlsx, .xls, .csv in any Chinese encoding) → Book, and the workbook writers. Browser-safe. */
export { readBook, type Inflater } from "./read-book";
export { UnreadableError, type UnreadableReason } from "./unreadable";
export { DEFAULT_LIMITS, type ReadLimits } from "./limits";
export { decodeText } from "./decode-text";
export * from "./template-workbook";
export * from "./annotate-workbook";
export * from "./summary-workbook";
