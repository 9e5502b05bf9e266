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
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
  maxRows: 100_000,
  maxCells: 2_000_000,
};
