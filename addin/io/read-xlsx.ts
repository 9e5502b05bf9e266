import * as XLSX from "@e965/xlsx";
import type { Book, Cell, Grid, Range } from "../grid";
import type { ReadLimits } from "./limits";
import type { ZipParts } from "./read-book";
import { UnreadableError } from "./unreadable";
import { decodeEscapes, folderOf, formattedText, formulaText, relsPathOf, resolveTarget, workbookPartPath } from "./xlsx-text";

/**
 * A lean .xlsx reader for the shapes township reports come in: it scans the few XML parts a Grid needs (workbook,
 * relationships, shared strings, styles, worksheets) with indexOf instead of building a general workbook model,
 * which makes reading several times faster than SheetJS (bench/merge.ts measures both). It yields exactly the Grid
 * that SheetJS yields (a differential test holds it to that on every real file we have) and declines — returns
 * null, so the caller falls back to SheetJS — on anything it does not model: shared formulas (SheetJS rewrites them
 * per cell), 1904 dates, ISO date cells, chart or macro sheets, elements written with a namespace prefix, a part it
 * cannot find.
 *
 * `parts` gives the zip entries by name, inflated with a bound (by the caller: addin/io/node.ts).
 */
export function readXlsx(parts: Pick<ZipParts, "get" | "binary">, file: string, limits: ReadLimits): Book | null {
  const text = (name: string) => {
    const bytes = parts.get(name);
    return bytes ? UTF8.decode(bytes) : undefined;
  };
  const workbookPart = workbookPartPath(text);
  const workbook = text(workbookPart);
  const rels = text(relsPathOf(workbookPart));
  const folder = folderOf(workbookPart);
  if (!workbook || !rels || PREFIXED.test(workbook)) return null;
  if (/<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook)) return null;

  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (!a.Id || !a.Target) continue;
    if (a.TargetMode === "External") continue;
    targets.set(a.Id, (a.Type ?? "") + "\n" + resolveTarget(folder, a.Target));
  }
  // The shared strings one character per byte when the host can (Node), each item's text decoded from UTF-8 on its
  // own: LibreOffice wraps every run of text in its formatting, and decoded whole, a part where CJK text is spread
  // through ASCII markup leaves TextDecoder's ASCII path at its first CJK character (≈ 100 MB/s; LibreOffice's shared
  // strings are 68 MB in 1,000 township files). Markup is ASCII and no UTF-8 sequence holds a byte below 0x80, so the
  // tags are found alike and the texts decode the same.
  const sstName = partOfType(targets, "/sharedStrings") ?? "xl/sharedStrings.xml";
  const binary = parts.binary?.(sstName);
  const sst = binary ?? text(sstName);
  const styles = text(partOfType(targets, "/styles") ?? "xl/styles.xml");
  if ((sst && PREFIXED.test(sst)) || (styles && PREFIXED.test(styles))) return null;
  const strings = sharedStrings(sst, limits.maxStrings, file, binary !== undefined);
  const formats = cellFormats(styles);

  const sheets: Grid[] = [];
  const cells = { n: 0 };
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const target = targets.get(a["r:id"] ?? "");
    if (!target || a.name === undefined) return null;
    const [type, path] = target.split("\n");
    if (!type.endsWith("/worksheet")) return null;
    const bytes = parts.get(path);
    if (bytes === undefined) return null;
    const xml = sheetText(bytes);
    if (PREFIXED.test(xml.head)) return null;
    const grid = worksheet(xml, a.name, strings, formats, limits, file, cells);
    if (!grid) return null;
    grid.hidden = a.state === "hidden" || a.state === "veryHidden";
    sheets.push(grid);
  }
  if (sheets.length === 0) return null;
  return { file, format: "xlsx", sheets };
}

const UTF8 = new TextDecoder("utf-8");
/**
 * SpreadsheetML elements written with a namespace prefix (<x:row>): valid, rare, and not what this scanner reads. A few
 * substring searches instead of a regular expression over the whole sheet; a false alarm only means SheetJS reads it.
 */
const PREFIXED = {
  test: (xml: string) =>
    /^(?:<\?[^>]*\?>\s*)?<\w+:/.test(xml) || [":sheetData", ":row ", ":c ", ":si>", ":sheet ", ":cellXfs"].some((tag) => xml.includes(tag)),
};

/** A relationship target as a part name: relative to xl/, or absolute from the package root. */
/**
 * A worksheet's text in three pieces, decoded one by one: before <sheetData> (dimension, columns; where a namespace
 * prefix would show), the rows from "<sheetData" up to "</sheetData>", and what follows (merged cells). The rows are
 * plain ASCII in most files, and TextDecoder reads ASCII many times faster than the same bytes decoded together with
 * the CJK prompts of the data validations that follow them. Inside the rows, the scanner itself declines any tag with a
 * prefix (worksheet(), readCell()). A sheet without both tags is all head and tail, with no rows.
 */
interface SheetText {
  head: string;
  data: string;
  tail: string;
}

function sheetText(bytes: Uint8Array): SheetText {
  const open = indexOfAscii(bytes, "<sheetData");
  const close = open < 0 ? -1 : lastIndexOfAscii(bytes, "</sheetData>");
  if (open < 0 || close < open) {
    const all = UTF8.decode(bytes);
    return { head: all, data: "", tail: all };
  }
  return { head: UTF8.decode(bytes.subarray(0, open)), data: UTF8.decode(bytes.subarray(open, close)), tail: UTF8.decode(bytes.subarray(close)) };
}

/** First position of an ASCII text in bytes (-1 if none). <sheetData> follows a short head, so a plain loop does. */
function indexOfAscii(bytes: Uint8Array, s: string): number {
  const first = s.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i + s.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < s.length && bytes[i + k] === s.charCodeAt(k)) k++;
    if (k === s.length) return i;
  }
  return -1;
}

/** Last position of an ASCII text in bytes (-1 if none). </sheetData> is near the end. */
function lastIndexOfAscii(bytes: Uint8Array, s: string): number {
  const first = s.charCodeAt(0);
  for (let i = bytes.lastIndexOf(first, bytes.length - s.length); i >= 0; i = i === 0 ? -1 : bytes.lastIndexOf(first, i - 1)) {
    let k = 1;
    while (k < s.length && bytes[i + k] === s.charCodeAt(k)) k++;
    if (k === s.length) return i;
  }
  return -1;
}

function partOfType(targets: Map<string, string>, suffix: string): string | undefined {
  for (const t of targets.values()) {
    const [type, path] = t.split("\n");
    if (type.endsWith(suffix)) return path;
  }
  return undefined;
}

/** Attributes of a tag's attribute text, names kept with their prefix ("r:id"). Values are XML-unescaped. */
function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/**
 * One attribute (`name=` given with its "=") of the tag text xml[from, to), without slicing the tag out or building
 * a record: the hot path, every row and cell.
 */
function attr(xml: string, from: number, to: number, nameEq: string): string | undefined {
  // A tag is a few dozen characters: scan it (indexOf would run on past the tag when the attribute is absent).
  const first = nameEq.charCodeAt(0);
  for (let i = from; i + nameEq.length < to; i++) {
    if (xml.charCodeAt(i) !== first || !xml.startsWith(nameEq, i)) continue;
    const before = i === 0 ? 32 : xml.charCodeAt(i - 1);
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      const open = i + nameEq.length;
      const close = xml.indexOf(xml[open], open + 1);
      return xml.slice(open + 1, close);
    }
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Character data as SheetJS delivers it: CR LF as LF, entities decoded. (A lone raw CR stays a CR in SheetJS, though
 * an XML parser would make it LF: ExcelJS and Gnumeric write "一行\r二行" so.)
 */
function unescapeXml(s: string): string {
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n/g, "\n");
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  // One pass (openpyxl writes every CJK character as &#NNNNN;): each "&…;" that is a character or one of the five
  // predefined entities is replaced, anything else is kept as written.
  let out = "";
  let done = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 2);
    if (semi < 0) break;
    const decoded = entity(s, amp + 1, semi);
    if (decoded !== undefined) {
      out += s.slice(done, amp) + decoded;
      done = semi + 1;
      amp = s.indexOf("&", done);
    } else amp = s.indexOf("&", amp + 1);
  }
  return done === 0 ? s : out + s.slice(done);
}

/** The text of the reference s[from, to) (between "&" and ";"): &#NNN; &#xHH; or a predefined entity; else undefined. */
function entity(s: string, from: number, to: number): string | undefined {
  if (s.charCodeAt(from) !== 35) {
    const name = s.slice(from, to);
    return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : undefined;
  }
  const hex = s.charCodeAt(from + 1) === 120; // "x"
  let i = hex ? from + 2 : from + 1;
  if (i >= to) return undefined;
  let n = 0;
  for (; i < to; i++) {
    const k = s.charCodeAt(i);
    if (k >= 48 && k <= 57) n = hex ? n * 16 + (k - 48) : n * 10 + (k - 48);
    else if (hex && ((k >= 97 && k <= 102) || (k >= 65 && k <= 70))) n = n * 16 + ((k | 32) - 87);
    else return undefined;
  }
  // Past U+10FFFF a reference is no character (not well-formed XML): kept as written, never thrown on.
  return n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Text of a string item: OOXML escapes control characters as _xHHHH_; the text of every <t>, phonetic runs left out. */
function stringItem(xml: string, binary = false): string {
  let out = singleRun(xml);
  if (out === undefined) {
    const body = xml.indexOf("<rPh") >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
    out = "";
    for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ?? "";
  }
  // From bytes to text before character references are replaced (they stand for characters, not bytes).
  return decodeEscapes(unescapeXml(binary ? utf8OfBinary(out) : out));
}

/**
 * The raw text of an item that is one plain <t>…</t> (nearly every string a report holds), found with indexOf; undefined
 * for anything else (rich text runs, phonetic runs, an empty <t/>), which the general path above reads.
 */
function singleRun(xml: string): string | undefined {
  const t = xml.indexOf("<t");
  if (t < 0) return undefined;
  const after = xml.charCodeAt(t + 2);
  if (after !== 62 && after !== 32) return undefined; // <t> or <t xml:space="preserve">
  const open = xml.indexOf(">", t + 2);
  if (open < 0 || xml.charCodeAt(open - 1) === 47) return undefined;
  const close = xml.indexOf("</t>", open);
  if (close < 0 || xml.indexOf("<t", close + 4) >= 0 || xml.indexOf("<r", 0) >= 0) return undefined;
  return xml.slice(open + 1, close);
}

/** The shared strings, at most `max` of them (more is not a report: refused while reading, not after). */
function sharedStrings(xml: string | undefined, max: number, file: string, binary: boolean): string[] {
  const out: string[] = [];
  if (!xml) return out;
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    if (out.length >= max) throw new UnreadableError(file, "too-many-strings", { limit: max });
    out.push(m[1] ? stringItem(m[1], binary) : "");
  }
  return out;
}

/** The UTF-8 text held by a string of one character per byte (ZipParts.binary). */
function utf8OfBinary(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  if (i === s.length) return s;
  const bytes = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) bytes[k] = s.charCodeAt(k);
  return UTF8.decode(bytes);
}

/** Number format code of each cell style (cellXfs index → format code), builtin ids through SheetJS's table. */
function cellFormats(xml: string | undefined): string[] {
  if (!xml) return [];
  const table = BUILTIN_FORMATS;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: string[] = [];
  for (const m of xfs[1].matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1], 0, m[1].length, "numFmtId=") ?? 0);
    out.push(custom.get(id) ?? table[id] ?? "General");
  }
  return out;
}

/** SheetJS's builtin number formats, copied once before any workbook read can add custom ones to its table. */
const BUILTIN_FORMATS: Record<number, string> = { ...(XLSX.SSF.get_table() as Record<number, string>) };

const ERROR_TEXT = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);

/** "AB12" → [row 11, col 27]; null when the reference is not a plain A1 cell reference. */
function decodeCell(ref: string): [number, number] | null {
  let c = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const r = Number(ref.slice(i));
  if (!Number.isInteger(r) || r < 1) return null;
  return [r - 1, c - 1];
}

function decodeRange(ref: string): Range | null {
  const [a, b] = ref.split(":");
  const s = decodeCell(a);
  const e = b === undefined ? s : decodeCell(b);
  if (!s || !e) return null;
  return { top: s[0], left: s[1], bottom: e[0], right: e[1] };
}

/** "0".repeat(n), made once per n: a money cell's zeros were a string made per cell. */
const ZEROS: string[] = [];
function zeros(n: number): string {
  return (ZEROS[n] ??= "0".repeat(n));
}

/**
 * Displayed text, exactly as SheetJS's formatter (SSF) gives it: the Grid's `text`. Two shapes cover nearly every
 * number in a township report and take a direct path — General integers, and "0.00"-style fixed decimals on
 * non-negative values (SSF's own rounding: round(v·10^d)/10^d, then zero-padded) — everything else goes to SSF.
 * A property test holds the direct paths to SSF.
 */
export function display(format: string, v: number): string {
  if (format === "General") {
    if (Number.isInteger(v) && Math.abs(v) < 1e10) return String(v === 0 ? 0 : v);
  } else if (v >= 0 && v < 1e15) {
    const d = fixedDecimals(format);
    if (d > 0) {
      const s = (v | 0) === v ? String(v) : String(Math.round(v * 10 ** d) / 10 ** d);
      const dot = s.indexOf(".");
      if (s.indexOf("e") < 0) return dot < 0 ? s + "." + zeros(d) : s + zeros(d - (s.length - dot - 1));
    }
  }
  try {
    return XLSX.SSF.format(format, v);
  } catch {
    return String(v);
  }
}

const FIXED = new Map<string, number>();

/** d for a format "0.0…0" with d zeros after the point (at most 9), 0 for any other format. */
function fixedDecimals(format: string): number {
  let d = FIXED.get(format);
  if (d === undefined) {
    d = /^0\.0{1,9}$/.test(format) ? format.length - 2 : 0;
    FIXED.set(format, d);
  }
  return d;
}

function worksheet(
  sheet: SheetText,
  name: string,
  strings: string[],
  formats: string[],
  limits: ReadLimits,
  file: string,
  cells: { n: number },
): Grid | null {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  let maxRow = -1;
  let maxCol = -1;
  let minRow = Infinity;
  let minCol = Infinity;

  const { head, data: xml } = sheet;
  const start = xml.length > 0 ? 0 : -1;
  const end = xml.length;
  const dim = /<dimension\b[^>]*?\bref="([^"]*)"/.exec(head);
  const dimRange = dim ? decodeRange(dim[1]) : null;

  for (const m of head.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.hidden === "1" || a.hidden === "true") for (let c = Number(a.min) - 1; c <= Number(a.max) - 1; c++) hiddenCols.push(c);
  }

  let row = -1;
  let col = -1;
  const tag: CellTag = { row: 0, col: 0, hasRef: false, type: "n", style: -1, end: 0 };
  if (start >= 0 && end > start) {
    let i = xml.indexOf(">", start) + 1;
    while (i < end) {
      const lt = xml.indexOf("<", i);
      if (lt < 0 || lt >= end) break;
      const c1 = xml.charCodeAt(lt + 1);
      const c2 = xml.charCodeAt(lt + 2);
      if (c1 === 99 && (isSpace(c2) || c2 === 62 || c2 === 47)) {
        // <c …>: its attributes in one pass, its content up to </c>.
        if (!cellTag(xml, lt + 2, tag)) return null;
        if (tag.hasRef) {
          if (tag.row !== row) return null; // a cell outside its row: not a shape we model
          col = tag.col;
        } else col++;
        const gt = tag.end;
        const format = (tag.style >= 0 ? formats[tag.style] : formats[0]) ?? "General";
        const selfClosing = xml.charCodeAt(gt - 1) === 47; // "/"
        let cell: Cell | undefined | null;
        if (selfClosing) {
          i = gt + 1;
          cell = readCell(tag.type, xml, gt + 1, gt + 1, format, strings);
        } else {
          // Nearly every cell is <v>…</v></c> or <is><t>…</t></is></c>: read as such, with no search for "</c>".
          cell = plainCell(tag.type, xml, gt + 1, format, strings, tag);
          if (cell !== NOT_PLAIN) i = tag.end;
          else {
            const bodyEnd = xml.indexOf("</c>", gt);
            if (bodyEnd < 0) return null;
            i = bodyEnd + 4;
            cell = readCell(tag.type, xml, gt + 1, bodyEnd, format, strings);
          }
        }
        // Every cell SheetJS sees widens the sheet's range, empty styled ones included.
        if (row > maxRow) maxRow = row;
        if (row < minRow) minRow = row;
        if (col > maxCol) maxCol = col;
        if (col < minCol) minCol = col;
        if (cell === undefined) continue;
        if (cell === null) return null;
        if (++cells.n > limits.maxCells) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxCells });
        (rows[row] ??= [])[col] = cell;
        continue;
      }
      const gt = xml.indexOf(">", lt);
      if (gt < 0) return null;
      if (c1 === 114 && xml.startsWith("ow", lt + 2) && (isSpace(xml.charCodeAt(lt + 4)) || xml[lt + 4] === ">" || xml[lt + 4] === "/")) {
        const tagEnd = xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt;
        const r = attr(xml, lt + 4, tagEnd, "r=");
        row = r === undefined ? row + 1 : Number(r) - 1;
        col = -1;
        if (!(row >= 0)) return null;
        if (row >= limits.maxRows) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxRows });
        const hidden = attr(xml, lt + 4, tagEnd, "hidden=");
        if (hidden === "1" || hidden === "true") hiddenRows.push(row);
      } else if (prefixedTag(xml, lt, gt)) return null;
      i = gt + 1;
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];

  const merges: Range[] = [];
  const mc = sheet.tail.indexOf("<mergeCells");
  if (mc >= 0) {
    for (const m of sheet.tail.slice(mc).matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"/g)) {
      const range = decodeRange(m[1]);
      if (range) merges.push(range);
    }
  }

  // SheetJS's range: the declared dimension, widened by every cell found.
  let top = minRow;
  let left = minCol;
  let bottom = maxRow;
  let right = maxCol;
  if (dimRange) {
    top = Math.min(top, dimRange.top);
    left = Math.min(left, dimRange.left);
    bottom = Math.max(bottom, dimRange.bottom);
    right = Math.max(right, dimRange.right);
  }
  if (bottom >= limits.maxRows) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxRows });
  const hasRange = bottom >= 0 && right >= 0 && top <= bottom && left <= right;
  return {
    name,
    rows,
    rowCount: hasRange ? bottom + 1 : 0,
    colCount: hasRange ? right + 1 : 0,
    merges,
    hiddenRows,
    hiddenCols,
    hidden: false,
  };
}

const isSpace = (k: number) => k === 32 || k === 9 || k === 10 || k === 13;

/** A tag xml[lt, gt] whose name has a namespace prefix (<x:row>, </x:c>): not what this scanner reads. */
function prefixedTag(xml: string, lt: number, gt: number): boolean {
  for (let i = lt + 1; i < gt; i++) {
    const k = xml.charCodeAt(i);
    if (k === 58) return true; // ":"
    if (isSpace(k) || k === 62 || (k === 47 && i > lt + 1)) return false;
  }
  return false;
}

/** What a <c> tag says, filled in place by cellTag (one object per sheet, not one per cell). */
interface CellTag {
  row: number;
  col: number;
  hasRef: boolean;
  type: string;
  /** Index into cellXfs; -1 when the cell has no s attribute. */
  style: number;
  /** Position of the tag's ">". */
  end: number;
}

/** Cell types by their t attribute (the strings kept once, so no text is cut out of the sheet per cell). */
const CELL_TYPES = ["n", "s", "str", "inlineStr", "b", "e", "d"];
const ONE_LETTER_TYPES: string[] = [];
for (const t of CELL_TYPES) if (t.length === 1) ONE_LETTER_TYPES[t.charCodeAt(0)] = t;

/** The cell type xml[vs, ve): one of CELL_TYPES without cutting it out, or else the text itself. */
function cellType(xml: string, vs: number, ve: number): string {
  const len = ve - vs;
  const known =
    len === 1 ? ONE_LETTER_TYPES[xml.charCodeAt(vs)]
    : len === 3 && xml.startsWith("str", vs) ? "str"
    : len === 9 && xml.startsWith("inlineStr", vs) ? "inlineStr"
    : undefined;
  return known ?? xml.slice(vs, ve);
}

/**
 * The attributes of the <c> tag whose name ends at `from`, read in one pass: r (as row and column, no string cut out),
 * t and s. False for a tag this reader does not model (a reference that is not a plain A1 cell, a broken tag).
 */
function cellTag(xml: string, from: number, tag: CellTag): boolean {
  tag.hasRef = false;
  tag.type = "n";
  tag.style = -1;
  let p = from;
  for (;;) {
    let k = xml.charCodeAt(p);
    while (isSpace(k)) k = xml.charCodeAt(++p);
    if (k === 62 || k === 47) {
      const gt = k === 62 ? p : xml.indexOf(">", p);
      if (gt < 0) return false;
      tag.end = gt;
      return true;
    }
    if (k !== k) return false; // end of text
    const nameStart = p;
    while (k === k && k !== 61 && !isSpace(k) && k !== 62) k = xml.charCodeAt(++p);
    const nameEnd = p;
    while (isSpace(k)) k = xml.charCodeAt(++p);
    if (k !== 61) return false;
    k = xml.charCodeAt(++p);
    while (isSpace(k)) k = xml.charCodeAt(++p);
    if (k !== 34 && k !== 39) return false;
    const quote = k;
    const vs = p + 1;
    const name = nameEnd - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    // The values of r, s and t are a few characters: read where they stand, up to the closing quote, with no search.
    let i = vs;
    if (name === 114) {
      // r="AB12"
      let c = 0;
      for (k = xml.charCodeAt(i); k >= 65 && k <= 90; k = xml.charCodeAt(++i)) c = c * 26 + (k - 64);
      if (i === vs) return false;
      const digits = i;
      let r = 0;
      for (; k >= 48 && k <= 57; k = xml.charCodeAt(++i)) r = r * 10 + (k - 48);
      if (k !== quote || i === digits || r < 1) return false;
      tag.hasRef = true;
      tag.row = r - 1;
      tag.col = c - 1;
    } else if (name === 115) {
      let n = 0;
      for (k = xml.charCodeAt(i); k >= 48 && k <= 57; k = xml.charCodeAt(++i)) n = n * 10 + (k - 48);
      if (k !== quote) {
        i = xml.indexOf(quote === 34 ? '"' : "'", i);
        if (i < 0) return false;
        n = NaN;
      }
      tag.style = i === vs ? 0 : n;
    } else {
      i = xml.indexOf(quote === 34 ? '"' : "'", vs);
      if (i < 0) return false;
      // t="…": one of the known types (compared in place), else the text itself, which readCell declines.
      if (name === 116) tag.type = cellType(xml, vs, i);
    }
    p = i + 1;
  }
}

/**
 * A plain decimal integer of at most 15 digits at xml[from, to) (nearly every number in a report), read without
 * cutting it out; NaN for anything else, which Number() then reads.
 */
function plainInteger(xml: string, from: number, to: number): number {
  if (to - from > 15 || to <= from) return NaN;
  let i = from;
  const negative = xml.charCodeAt(i) === 45;
  if (negative && ++i === to) return NaN;
  let n = 0;
  for (; i < to; i++) {
    const d = xml.charCodeAt(i);
    if (d < 48 || d > 57) return NaN;
    n = n * 10 + (d - 48);
  }
  return negative ? -n : n;
}

/** One cell's Grid form; undefined for an empty cell, null for a shape this reader leaves to SheetJS. */
function readCell(t: string, xml: string, from: number, to: number, format: string, strings: string[]): Cell | undefined | null {
  // The cell's content xml[from, to): every search in it stops at its end (one in the sheet would run on to the next
  // cell that has a <v> or an <f>, which may be the 合计 row at the bottom). v: the <v> text's bounds, -1 for none.
  let vFrom = -1;
  let vTo = -1;
  let isFrom = -1;
  let formula: string | undefined;
  // Its children, tag by tag (indexOf("<") stops at the next one, inside the cell): <v>, <f>, <is>. A search for "<f"
  // from here would run on through the rest of the sheet for every cell that has none.
  for (let lt = from < to ? xml.indexOf("<", from) : -1; lt >= 0 && lt < to; ) {
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt >= to) break;
    const k = xml.charCodeAt(lt + 1);
    const after = xml.charCodeAt(lt + 2);
    const plain = after === 62 || after === 47 || isSpace(after);
    if (k === 118 && plain && vFrom < 0) {
      // <v>…</v>
      const ve = xml.indexOf("</v>", gt);
      if (ve < 0 || ve + 4 > to) vFrom = vTo = from;
      else {
        vFrom = gt + 1;
        vTo = ve;
      }
      lt = xml.indexOf("<", vTo > gt ? vTo + 1 : gt + 1);
      continue;
    }
    if (k === 102 && plain) {
      // <f …>…</f>. A shared formula: SheetJS rewrites it per cell, so the whole sheet is left to SheetJS.
      const ftag = xml.slice(lt, gt);
      if (ftag.indexOf('t="shared"') >= 0 || ftag.indexOf("t='shared'") >= 0) return null;
      if (xml.charCodeAt(gt - 1) === 47) {
        lt = xml.indexOf("<", gt + 1);
        continue;
      }
      const fe = xml.indexOf("</f>", gt);
      if (fe < 0 || fe > to) return null;
      formula = formulaText(unescapeXml(xml.slice(gt + 1, fe)));
      lt = xml.indexOf("<", fe + 1);
      continue;
    }
    if (k === 105 && after === 115 && isFrom < 0) {
      // <is>: an inline string, read to the end of the cell.
      isFrom = lt;
      break;
    }
    // A child written with a prefix (<x:v>) is not what this reader reads; closing tags and others are passed over.
    if (prefixedTag(xml, lt, gt)) return null;
    lt = xml.indexOf("<", gt + 1);
  }
  return makeCell(t, xml, vFrom, vTo, isFrom >= 0 && t === "inlineStr" ? stringItem(xml.slice(isFrom, to)) : undefined, formula, format, strings);
}

const NOT_PLAIN = null;
const V_CLOSE = "</v></c>";
const IS_OPEN = "<is><t>";
const IS_CLOSE = "</t></is></c>";

/**
 * A cell whose content starts at `from` and is exactly <v>text</v></c> or <is><t>text</t></is></c> (no formula, no
 * runs), read with one search: what readCell would make of it, with `tag.end` set past its "</c>". NOT_PLAIN for any
 * other content, which readCell reads.
 */
function plainCell(t: string, xml: string, from: number, format: string, strings: string[], tag: CellTag): Cell | undefined | null {
  if (xml.charCodeAt(from) !== 60) return NOT_PLAIN;
  const k = xml.charCodeAt(from + 1);
  if (k === 118 && xml.charCodeAt(from + 2) === 62) {
    // <v>
    const vTo = xml.indexOf("<", from + 3);
    if (vTo < 0 || !xml.startsWith(V_CLOSE, vTo)) return NOT_PLAIN;
    tag.end = vTo + V_CLOSE.length;
    return makeCell(t, xml, from + 3, vTo, undefined, undefined, format, strings);
  }
  if (k === 105 && t === "inlineStr" && xml.startsWith(IS_OPEN, from)) {
    const tFrom = from + IS_OPEN.length;
    const tTo = xml.indexOf("<", tFrom);
    if (tTo < 0 || !xml.startsWith(IS_CLOSE, tTo)) return NOT_PLAIN;
    tag.end = tTo + IS_CLOSE.length;
    // As stringItem reads a single plain run.
    return makeCell(t, xml, -1, -1, decodeEscapes(unescapeXml(xml.slice(tFrom, tTo))), undefined, format, strings);
  }
  return NOT_PLAIN;
}

/**
 * The Grid cell of a cell of type t: its <v> text at xml[vFrom, vTo) (-1 for none), its inline string's text when it has
 * an <is>, its formula. undefined for an empty cell, null for a shape this reader leaves to SheetJS.
 */
function makeCell(t: string, xml: string, vFrom: number, vTo: number, inline: string | undefined, formula: string | undefined, format: string, strings: string[]): Cell | undefined | null {
  let cell: Cell;
  switch (t) {
    case "n": {
      if (vFrom < 0 || vTo === vFrom) {
        if (formula === undefined) return undefined;
        cell = { value: null, text: "", format };
        break;
      }
      let x = plainInteger(xml, vFrom, vTo);
      if (x !== x) x = Number(xml.slice(vFrom, vTo));
      if (!Number.isFinite(x)) return null;
      cell = { value: x, text: display(format, x), format };
      break;
    }
    case "s": {
      let k = plainInteger(xml, vFrom, vTo);
      if (k !== k && vFrom >= 0) k = Number(xml.slice(vFrom, vTo));
      if (vFrom < 0 || !(k >= 0 && k < strings.length)) return null;
      cell = { value: strings[k], text: formattedText(format, strings[k]), format };
      break;
    }
    case "str": {
      // SheetJS unescapes a <v> once for every cell and a str cell's value a second time. Text with no "&", "_" or CR
      // (nearly all) is the same after both.
      const raw = vFrom < 0 ? "" : xml.slice(vFrom, vTo);
      const s = raw.indexOf("&") < 0 && raw.indexOf("_") < 0 && raw.indexOf("\r") < 0 ? raw : decodeEscapes(unescapeXml(decodeEscapes(unescapeXml(raw))));
      cell = { value: s, text: formattedText(format, s), format };
      break;
    }
    case "inlineStr": {
      const s = inline ?? "";
      cell = { value: s, text: formattedText(format, s), format };
      break;
    }
    case "b": {
      if (vFrom < 0) return undefined;
      const v = xml.slice(vFrom, vTo);
      const b = v === "1" || v === "true";
      cell = { value: b, text: formattedText(format, b), format };
      break;
    }
    case "e": {
      const e = vFrom < 0 ? "#N/A" : unescapeXml(xml.slice(vFrom, vTo));
      if (!ERROR_TEXT.has(e)) return null;
      cell = { value: null, text: e, error: e, format };
      break;
    }
    default:
      return null; // "d" (ISO dates) and anything unknown
  }
  if (formula !== undefined) cell.formula = formula;
  return cell;
}
