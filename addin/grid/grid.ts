/**
 * The Grid: one worksheet as a rectangle of cells, whatever it came from (a file read in Node, a file
 * dropped on the web page, or the live workbook through Office.js). Everything after the readers works
 * on Grids only, so it is host-independent and tested once, on real files.
 *
 * Rows and columns are 0-based here; `address(row, col)` gives the A1 form users see.
 * Grids are plain data (no classes, no Maps) so they cross worker threads by structured clone.
 */

/** A value as stored in the cell: for a formula, its cached result. */
export type Scalar = string | number | boolean | null;

/** Excel's error values, as a formula result or typed in. */
export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"] as const;

export interface Cell {
  /** Raw value as stored (number for numbers and dates, string for text). `null` when empty or an error. */
  value: Scalar;
  /** The text Excel would display (number format applied). "" for an empty cell. */
  text: string;
  /** Number format code ("General", "0.00", "@", …) when the source has one. */
  format?: string;
  /** An error value ("#DIV/0!", "#REF!", …) when the cell holds one. */
  error?: string;
  /** The formula without the leading "=", when the cell has one. */
  formula?: string;
}

/** A merged area, 0-based and inclusive on both ends. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name as the user sees it on its tab. */
  name: string;
  /** rows[r][c]; a missing or undefined entry is an empty cell. Rows may be shorter than colCount. */
  rows: (Cell | undefined)[][];
  rowCount: number;
  colCount: number;
  merges: Range[];
  /** 0-based indexes of hidden rows and columns. */
  hiddenRows: number[];
  hiddenCols: number[];
  /** The sheet itself is hidden (or very hidden). */
  hidden?: boolean;
}

/** A whole file (or workbook) as Grids, in tab order. */
export interface Book {
  /** The file name the user knows it by (no directories), used in every message. */
  file: string;
  /** "xlsx" | "xls" | "csv" | "office" (the live workbook) */
  format: string;
  sheets: Grid[];
}

export const EMPTY_CELL: Readonly<Cell> = Object.freeze({ value: null, text: "" });

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.rows[row]?.[col];
}

/** True when the cell holds nothing a user could see (no value, no error, blank text). */
export function isBlank(cell: Cell | undefined): boolean {
  if (!cell) return true;
  if (cell.error) return false;
  if (cell.value === null || cell.value === "") return cell.text.trim() === "";
  return typeof cell.value === "string" ? cell.value.trim() === "" : false;
}

/** Builds a Grid from a plain 2-D array of values: handy for tests and for CSV. */
export function gridFromValues(name: string, values: Scalar[][], extra: Partial<Grid> = {}): Grid {
  const rows = values.map((row) =>
    row.map((v): Cell | undefined => (v === null || v === undefined ? undefined : { value: v, text: String(v) })),
  );
  const colCount = values.reduce((m, r) => Math.max(m, r.length), 0);
  return { name, rows, rowCount: values.length, colCount, merges: [], hiddenRows: [], hiddenCols: [], ...extra };
}

/** The non-empty cells of a book, every sheet. */
export function cellCount(book: Book): number {
  let n = 0;
  for (const g of book.sheets) for (const row of g.rows) if (row) for (const c of row) if (c) n++;
  return n;
}
