/**
 * Excel's argument conventions for custom functions (docs/architecture.md, "Office facts"): omitted optional arguments
 * arrive as null (JS defaults do not apply); a blank cell arrives as 0 on desktop and null on the web; ranges arrive
 * as any[][]; in ranges, blanks, text and logicals are skipped the way RANK.EQ skips them.
 *
 * Scalar parameters that must be numbers are declared `any` in the JSDoc (see docs/decisions.md): with a `number`
 * declaration Excel converts the argument itself and answers a bare #VALUE! for text, before our code runs, so the
 * Chinese explanation below would never show. Every `name` passed here is an argument name as the user sees it
 * (argName: the Chinese name from functions-zh-cn.json).
 */
import { NO, ORDER_WORDS, readYesNo, YES } from "../addin/i18n";
import { excelError } from "./excel-errors";

export type Matrix = unknown[][];

/**
 * A required scalar number. A blank (null) counts as 0, as Excel desktop passes it; text holding a plain number
 * ("12", " 3.5 ") is read as that number, as Excel's own functions do with a typed-in text argument; anything else
 * (other text, TRUE/FALSE, a range) is #VALUE! naming the argument.
 */
export function num(v: unknown, name: string): number {
  if (v === null || v === undefined || v === "") return 0;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  throw excelError("value", "fn.notNumber", { name, value: shown(v) });
}

/** An optional scalar number: null/omitted → the default. */
export function optNum(v: unknown, name: string, fallback: number): number {
  return v === null || v === undefined || v === "" ? fallback : num(v, name);
}

const DESCENDING_TEXT: Record<string, boolean> = { TRUE: true, FALSE: false, [YES]: true, [NO]: false, ...ORDER_WORDS };

/**
 * The `descending` argument of RANK, RANKS, GROUPRANK, FLAG and INBOTTOM: TRUE (or omitted) ranks the largest first,
 * FALSE the smallest. Excel's RANK.EQ takes a number there with the opposite sense (0 = largest first), so a number is
 * refused with #VALUE! rather than guessed: read either way it would be wrong for half of the users. The text TRUE /
 * FALSE, 是 / 否 and 降序 / 升序 are accepted; any other text is #VALUE!.
 */
export function optDescending(v: unknown, name: string): boolean {
  if (v === null || v === undefined || v === "") return true;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") throw excelError("value", "fn.descending.number", { name, value: shown(v) });
  const s = String(v).trim();
  const found = DESCENDING_TEXT[s.toUpperCase()];
  if (found === undefined) throw excelError("value", "fn.descending.text", { name, value: shown(v) });
  return found;
}

export function optText(v: unknown, fallback: string): string {
  return v === null || v === undefined || v === "" ? fallback : String(v).trim();
}

/** How a value is quoted in a message: text as typed, TRUE/FALSE as Excel shows them. */
function shown(v: unknown): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/**
 * Numbers of a range with their positions (row-major); blanks, text and logicals are skipped. Positions are kept in
 * typed arrays: a 100,000-row column must not become 100,000 little tuples.
 */
export function numbersOf(m: Matrix): { values: Float64Array; rows: Int32Array; cols: Int32Array } {
  let size = 0;
  for (const row of m) size += row.length;
  const values = new Float64Array(size);
  const rows = new Int32Array(size);
  const cols = new Int32Array(size);
  let k = 0;
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && Number.isFinite(v)) {
        values[k] = v;
        rows[k] = r;
        cols[k++] = c;
      }
    }
  }
  return { values: values.subarray(0, k), rows: rows.subarray(0, k), cols: cols.subarray(0, k) };
}

/** The list of numbers of a range argument, or a scalar passed where a range is expected. */
export function list(m: Matrix | number | null): number[] {
  if (m === null || m === undefined) return [];
  if (typeof m === "number") return [m];
  return Array.from(numbersOf(m).values);
}

/**
 * A range of the same shape as `like` with `results[k]` at (rows[k], cols[k]) — positions in row-major order, as
 * numbersOf returns them — and "" everywhere else (never null: a null in a returned array shows as 0).
 */
export function placeBack(like: Matrix, rows: Int32Array, cols: Int32Array, results: ArrayLike<number>): (string | number)[][] {
  const out = new Array<(string | number)[]>(like.length);
  let k = 0;
  for (let r = 0; r < like.length; r++) {
    const width = like[r].length;
    const row = new Array<string | number>(width);
    for (let c = 0; c < width; c++) row[c] = k < results.length && rows[k] === r && cols[k] === c ? results[k++] : "";
    out[r] = row;
  }
  return out;
}

/** Both ranges have the same rows and columns; `names` are the arguments as the user sees them. */
export function sameShape(a: Matrix, b: Matrix, names: [string, string]): void {
  if (a.length !== b.length || a.some((row, r) => row.length !== b[r].length)) throw excelError("value", "fn.shape", { a: names[0], b: names[1] });
}

/** 是/否 (also TRUE/FALSE, Y/N, 1/0) → boolean; blank → null; anything else #VALUE!. */
export function yesNo(v: unknown, name: string): boolean | null {
  const yn = readYesNo(v);
  if (yn === undefined) throw excelError("value", "fn.yesNo", { name, value: String(v).trim() });
  return yn === null ? null : yn.value;
}
