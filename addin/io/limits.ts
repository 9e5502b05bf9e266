/** Bounds on what one file may cost, so a hostile or broken file fails fast instead of exhausting memory. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total of uncompressed zip entries (declared), in bytes. */
  maxUnzippedBytes: number;
  /** Largest compression ratio of one sizeable zip entry: real sheets compress ~10–30×, bombs by 1000×. */
  maxRatio: number;
  /** Most rows read from one sheet. */
  maxRows: number;
  /** Most non-empty cells in one book. */
  maxCells: number;
  /** Most shared strings in one book (as many as cells: a string no cell uses is not data). */
  maxStrings: number;
  /** Most worksheets in one book: each is searched for the report's header. */
  maxSheets: number;
  /** Most columns in one sheet: Excel's own limit (XFD); a CSV line can be longer. */
  maxColumns: number;
  /** Most merged areas in one book: a report has dozens. */
  maxMerges: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  maxRows: 100_000,
  maxCells: 2_000_000,
  maxStrings: 2_000_000,
  maxSheets: 255,
  maxColumns: 16_384,
  maxMerges: 20_000,
};
