import type { ColumnFormat, SummaryColumn } from "../grid";

/**
 * Column widths of the county workbook's sheets (addin/io/summary-workbook.ts): wide enough for the header and the
 * widest value, within the column's maximum. Every row is looked at, so the numbers take direct paths: turning
 * 2,000,000 numbers into strings to measure them cost more than writing them.
 */

/** Display width of a text in Excel column units: CJK and full-width characters count double. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++; // a character beyond the BMP (two code units) is one wide character
    w += c >= 0x2e80 && c !== 0xfeff ? 2 : 1;
  }
  return w;
}

/** 10^1 … 10^21, exact as doubles. */
const POWERS = Array.from({ length: 21 }, (_, d) => 10 ** (d + 1));

/** Decimal digits of a non-negative integer below 1e21. */
function digits(i: number): number {
  let d = 1;
  while (i >= POWERS[d - 1]) d++;
  return d;
}

/**
 * How many characters a number takes as shown: 6 for a rate (0.0%), `v.toFixed(2)` for money, `String(v)` otherwise —
 * without making those strings for integers and most money values.
 */
export function numberWidth(v: number, format: ColumnFormat): number {
  if (format === "percent") return 6;
  const a = Math.abs(v);
  if (!(a < 1e21)) return format === "money" ? v.toFixed(2).length : String(v).length; // NaN, infinities, exponents
  const i = Math.floor(a);
  const sign = v < 0 ? 1 : 0;
  if (format === "money") {
    // The integer part keeps its digits unless rounding to cents carries into a new digit (9.996 → 10.00).
    return a - i < 0.99 ? sign + digits(i) + 3 : v.toFixed(2).length;
  }
  return i === a ? sign + digits(i) : String(v).length;
}

/**
 * Column widths that fit the text (Chinese counts double), within the column's maximum, of cells seen one at a time
 * (the writer measures each cell as it writes it: a second pass over every row cost more than the measuring). A column
 * as wide as it may be is not measured again.
 */
export class WidthMeter {
  private readonly max: number[];
  private readonly formats: ColumnFormat[];
  private readonly w: number[];
  // 32-bit integers (counts, years, most money) only move their column's largest and smallest: an integer's width
  // grows with its magnitude, so those two are measured at the end.
  private readonly hi: number[];
  private readonly lo: number[];
  private readonly integers: boolean[];
  // Texts repeat down a column (乡镇, 是/否): a run of the same one is measured once.
  private readonly last: (string | undefined)[];

  constructor(columns: readonly SummaryColumn[]) {
    this.max = columns.map((c) => c.maxWidth ?? 60);
    this.formats = columns.map((c) => c.format);
    this.w = columns.map((c) => displayWidth(c.header));
    this.hi = columns.map(() => 0);
    this.lo = columns.map(() => 0);
    this.integers = columns.map(() => false);
    this.last = columns.map(() => undefined);
  }

  /** A number in column k (as `String` prints it; NaN and infinities too). */
  number(k: number, v: number): void {
    if ((v | 0) === v) {
      this.integers[k] = true;
      if (v > this.hi[k]) this.hi[k] = v;
      else if (v < this.lo[k]) this.lo[k] = v;
    } else if (this.w[k] + 2 < this.max[k]) this.widen(k, numberWidth(v, this.formats[k]));
  }

  /** A text in column k. */
  text(k: number, v: string): void {
    if (v === this.last[k] || this.w[k] + 2 >= this.max[k]) return;
    this.last[k] = v;
    this.widen(k, displayWidth(v));
  }

  private widen(k: number, x: number): void {
    if (x > this.w[k]) this.w[k] = x;
  }

  widths(): number[] {
    const { hi, lo, integers, formats, max } = this;
    return this.w.map((x, k) => {
      // hi and lo start at 0: the narrowest integer, so they stand for every integer seen.
      const widest = integers[k] ? Math.max(x, numberWidth(hi[k], formats[k]), numberWidth(lo[k], formats[k])) : x;
      return Math.min(max[k], Math.max(6, widest + 2));
    });
  }
}
