/**
 * The data rows of a county-workbook sheet (addin/io/summary-workbook.ts), written straight as UTF-8 bytes: the
 * 200,000-row sheets are millions of cells, and building them as JavaScript strings first (then encoding them) cost
 * more in string building, garbage collection and encoding than everything else in writing the workbook
 * (docs/benchmarks.md). Numbers and shared-string numbers are written as digits, texts that are not shared as their
 * UTF-8 bytes when they need no escaping.
 *
 * The `put…` functions write at `p` into a buffer the caller has made room in (XmlBytes.room) and return the position
 * after what they wrote, so a row is written with one check for room. The fixed pieces of a cell (`<c s="4" t="s"><v>`,
 * `</v></c>` …) go four bytes at a time. These functions live in this module with the loop that calls them: a
 * call through another module's exports costs a property lookup per call in CommonJS.
 */
import type { TableCell } from "../grid";
import type { SharedStrings } from "./shared-strings";
import { textElement } from "./xml-text";
import type { WidthMeter } from "./column-widths";

const UTF8 = new TextEncoder();

/** The bytes of an ASCII text (the fixed pieces of cell XML). */
function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Fixed bytes as little-endian 32-bit words, the last one padded with zeros. */
interface Piece {
  words: Int32Array;
  length: number;
}

/** Room a piece may take past its end (the padding of its last word, overwritten by what follows). */
const PIECE_PAD = 3;

function piece(bytes: Uint8Array | string): Piece {
  const b = typeof bytes === "string" ? ascii(bytes) : bytes;
  const words = new Int32Array((b.length + 3) >> 2);
  for (let i = 0; i < b.length; i++) words[i >> 2] |= b[i] << ((i & 3) * 8);
  return { words, length: b.length };
}

/** A piece, four bytes at a time (a loop per byte cost more than everything else in writing a row). */
function putPiece(view: DataView, p: number, x: Piece): number {
  const w = x.words;
  for (let i = 0; i < w.length; i++) view.setInt32(p + 4 * i, w[i], true);
  return p + x.length;
}

/** Most bytes `putUint` writes. */
const UINT_ROOM = 10;

/** "00" … "99" as ASCII digit pairs: an integer is written two digits a division. */
const DIGIT_PAIRS = ascii(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join(""));

/** A non-negative integer below 2^32, in decimal. */
function putUint(buf: Uint8Array, p: number, n: number): number {
  // Its digits counted by comparison, not by dividing.
  const len = n < 1e4 ? (n < 100 ? (n < 10 ? 1 : 2) : n < 1000 ? 3 : 4) : n < 1e8 ? (n < 1e6 ? (n < 1e5 ? 5 : 6) : n < 1e7 ? 7 : 8) : n < 1e9 ? 9 : 10;
  let i = p + len;
  while (n >= 100) {
    const q = (n / 100) >>> 0;
    const d = (n - q * 100) << 1;
    buf[--i] = DIGIT_PAIRS[d + 1];
    buf[--i] = DIGIT_PAIRS[d];
    n = q;
  }
  if (n >= 10) {
    buf[--i] = DIGIT_PAIRS[(n << 1) + 1];
    buf[--i] = DIGIT_PAIRS[n << 1];
  } else buf[--i] = 48 + n;
  return p + len;
}

/** Most bytes `putNumber` writes (the longest `String` of a double is 24 characters, e.g. -1.2345678901234567e-100). */
const NUMBER_ROOM = 26;

/** A finite number as JavaScript prints it (`String(v)`: what a spreadsheet reads back as the same double). */
export function putNumber(buf: Uint8Array, p: number, v: number): number {
  // Integers in 32 bits, the common case (counts, years, row numbers), without a string; -0 prints as 0.
  if ((v | 0) === v) {
    if (v >= 0) return putUint(buf, p, v);
    buf[p] = 45;
    return putUint(buf, p + 1, -v);
  }
  const s = String(v);
  for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
  return p;
}

/** Whether a UTF-16 code unit is whitespace to JavaScript's `\s`. */
function isSpace(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
      c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/**
 * A plain text as UTF-8 — no XML-special (&<>") or control character, no space at either end, no character beyond the
 * BMP: nothing to escape, drop or preserve — at most `3 × length` bytes; -1 (and nothing written) for any other text.
 */
export function putPlainText(buf: Uint8Array, p: number, s: string): number {
  const n = s.length;
  if (n > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)))) return -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22) return -1;
      buf[p++] = c;
    } else if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) return -1;
    else {
      buf[p++] = 0xe0 | (c >> 12);
      buf[p++] = 0x80 | ((c >> 6) & 0x3f);
      buf[p++] = 0x80 | (c & 0x3f);
    }
  }
  return p;
}

/**
 * A buffer of XML bytes written in chunks: `room` before writing, `take` to hand a chunk over, `reuse` to give it back
 * once it has been read (compressed): a chunk given back is filled again, where a fresh buffer is fresh memory, which the
 * system zeroes page by page (≈ 9 µs a page on this project's machine; a 200,000-village workbook is 130 MB of XML).
 */
export class XmlBytes {
  buf: Uint8Array;
  view: DataView;
  pos = 0;
  private readonly spare: Uint8Array[] = [];

  constructor(private readonly capacity: number) {
    this.buf = new Uint8Array(capacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** A chunk `take` handed over, read and no longer wanted: its buffer is filled again. */
  reuse(chunk: Uint8Array): void {
    // Only a buffer of the usual size (one grown for a long text is let go), and only so many (it is the writer's memory).
    if (chunk.buffer.byteLength === this.capacity && this.spare.length < 8) this.spare.push(new Uint8Array(chunk.buffer, 0, this.capacity));
  }

  /** Makes room for `n` more bytes (a larger buffer, the bytes so far copied over, when they do not fit). */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    b.set(this.buf.subarray(0, this.pos));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }

  /** The bytes written so far, handed over; writing goes on in another buffer (one given back, else a fresh one). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = this.spare.pop() ?? new Uint8Array(this.capacity);
    this.view = new DataView(this.buf.buffer);
    this.pos = 0;
    return out;
  }

  /** Any text, as UTF-8 (escaping is the caller's). */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += UTF8.encodeInto(s, this.buf.subarray(this.pos)).written;
  }
}

/** The fixed bytes that open a cell, for one style. */
interface CellTails {
  /** `<c s="…"><v>`: a number follows. */
  number: Piece;
  /** `<c s="…" t="s"><v>`: a shared string's number follows. */
  shared: Piece;
  /** `<c s="…"/>`: a blank cell, bordered and formatted like its column. */
  blank: Piece;
  /** `<c s="…" t="inlineStr"><is>`: a <t> element follows, then IS_CLOSE. */
  inline: Piece;
}

/** A cell's opening pieces; column A's follow `<c r="A` and the row number (anchored: see rowsXml). */
const cellTails = (style: number, anchored: boolean): CellTails => {
  const open = anchored ? `"` : `<c`;
  return {
    number: piece(`${open} s="${style}"><v>`),
    shared: piece(`${open} s="${style}" t="s"><v>`),
    blank: piece(`${open} s="${style}"/>`),
    inline: piece(`${open} s="${style}" t="inlineStr"><is>`),
  };
};
const ANCHOR = piece(`<c r="A`);
const ROW_OPEN = piece(`<row r="`);
const ROW_MID = piece(`">`);
const ROW_CLOSE = piece(`</row>`);
const VALUE_CLOSE = piece(`</v></c>`);
const T_OPEN = piece(`<t>`);
const T_CLOSE = piece(`</t>`);
const IS_CLOSE = piece(`</is></c>`);
/** Room for a cell but its text: an anchor (`<c r="A` and the row number), the longest opening, a number, `</v></c>`. */
const CELL_ROOM = 8 + UINT_ROOM + 40 + NUMBER_ROOM + 8 + PIECE_PAD;
/** Texts of a column looked at before deciding whether they are worth sharing. */
const SAMPLE = 1000;

export interface SheetRows {
  count: number;
  /** Row i (which may be one reused row, refilled: it is read before the next is asked for). */
  rowAt: (i: number) => readonly TableCell[];
  /** Sheet row (1-based) of the first data row. */
  first: number;
  /** Column letters (A, B, …): the rows fill every column from A. */
  columns: readonly string[];
  /** Each column's cell style (its number format and border). */
  styles: readonly number[];
  /** Marked cells' styles: row index → column index → style. */
  marked: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /** Given each cell as it is written (the column widths are measured so). */
  meter?: WidthMeter;
}

/**
 * The rows' <row> elements into `out`, a chunk handed over whenever `chunkBytes` are written. A row carries its
 * number; its cells, one for every column from A, carry their style, and after the first no reference (`r`), which is
 * optional (ECMA-376 Part 1, §18.3.1.4): a cell without one is the column after the cell before it. The first keeps its
 * reference, an anchor that readers such as ExcelJS need. That leaves out a third of the sheet's XML and makes it
 * deflate to a third of the bytes in a third of the time (docs/decisions.md). A number is written as `String(v)` prints
 * it (NaN and infinities as blank cells), a text as a shared string or inline, never a formula.
 *
 * A column's texts are shared until its first SAMPLE texts show that most are new (codes, and names in a real county):
 * looking up 200,000 distinct codes in the table costs more than writing them inline, and saves no bytes.
 */
export function* rowsXml(sheet: SheetRows, strings: SharedStrings, out: XmlBytes, chunkBytes: number): Generator<Uint8Array> {
  const { count, rowAt, first } = sheet;
  const n = sheet.columns.length;
  const plain = sheet.styles.map((style, k) => cellTails(style, k === 0));
  const tailsOf = new Map<number, CellTails>();
  const marked = (style: number, k: number) => {
    const key = k === 0 ? -1 - style : style;
    let tails = tailsOf.get(key);
    if (!tails) tailsOf.set(key, (tails = cellTails(style, k === 0)));
    return tails;
  };
  const rowRoom = 2 * UINT_ROOM + 16 + n * CELL_ROOM;
  const shared = sheet.columns.map(() => true);
  const seen = sheet.columns.map(() => 0);
  const fresh = sheet.columns.map(() => 0);
  const lastText: (string | undefined)[] = sheet.columns.map(() => undefined);
  const lastId = sheet.columns.map(() => -1);
  const meter = sheet.meter;
  const markRows = Array.from(sheet.marked.keys()).filter((k) => Number.isInteger(k)).sort((a, b) => a - b);
  let nextMark = 0;
  for (let r = 0; r < count; r++) {
    const values = rowAt(r);
    // Marked rows in order, met as the rows go by (a Map lookup per row cost more than the row's numbers).
    while (nextMark < markRows.length && markRows[nextMark] < r) nextMark++;
    const rowMarks = nextMark < markRows.length && markRows[nextMark] === r ? sheet.marked.get(r) : undefined;
    out.room(rowRoom);
    let buf = out.buf;
    let view = out.view;
    let p = putPiece(view, out.pos, ROW_OPEN);
    p = putUint(buf, p, first + r);
    p = putPiece(view, p, ROW_MID);
    for (let k = 0; k < n; k++) {
      const v = values[k];
      const style = rowMarks?.get(k);
      const tails = style === undefined ? plain[k] : marked(style, k);
      if (k === 0) {
        p = putPiece(view, p, ANCHOR);
        p = putUint(buf, p, first + r);
      }
      if (typeof v === "number") {
        if (meter) meter.number(k, v);
        if (Number.isFinite(v)) {
          p = putPiece(view, p, tails.number);
          p = putNumber(buf, p, v);
          p = putPiece(view, p, VALUE_CLOSE);
        } else p = putPiece(view, p, tails.blank);
        continue;
      }
      if (typeof v !== "string") {
        p = putPiece(view, p, tails.blank);
        continue;
      }
      // A text the same as the cell above's has been measured.
      if (meter && v !== lastText[k]) meter.text(k, v);
      if (shared[k]) {
        let id: number;
        if (v === lastText[k]) {
          // The same text as the cell above (乡镇 and 来源文件 come in runs): no lookup.
          id = strings.repeat(lastId[k]);
          seen[k]++;
        } else {
          const before = strings.size;
          id = strings.id(v);
          if (++seen[k] <= SAMPLE && strings.size > before && ++fresh[k] > SAMPLE / 2) shared[k] = false;
          lastText[k] = v;
          lastId[k] = id;
        }
        if (id >= 0) {
          p = putPiece(view, p, tails.shared);
          p = putUint(buf, p, id);
          p = putPiece(view, p, VALUE_CLOSE);
          continue;
        }
      }
      // Inline: the text's bytes straight when it is plain, else escaped through a string (rare).
      out.pos = p;
      out.room(v.length * 3 + 48 + rowRoom);
      buf = out.buf;
      view = out.view;
      const at = putPiece(view, p, tails.inline);
      const end = putPlainText(buf, putPiece(view, at, T_OPEN), v);
      if (end >= 0) p = putPiece(view, putPiece(view, end, T_CLOSE), IS_CLOSE);
      else {
        out.pos = at;
        out.text(textElement(v));
        out.room(16 + rowRoom);
        buf = out.buf;
        view = out.view;
        p = putPiece(view, out.pos, IS_CLOSE);
      }
    }
    out.pos = putPiece(view, p, ROW_CLOSE);
    if (out.pos >= chunkBytes) yield out.take();
  }
}
