import * as XLSX from "@e965/xlsx";
import type { Book, Cell, Grid, Range } from "../grid";
import type { ReadLimits } from "./limits";
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
 * `parts` holds the inflated zip entries by name (inflated with a bound by the caller: addin/io/node.ts).
 */
export function readXlsx(parts: Map<string, Uint8Array>, file: string, limits: ReadLimits): Book | null {
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
  const sst = text(partOfType(targets, "/sharedStrings") ?? "xl/sharedStrings.xml");
  const styles = text(partOfType(targets, "/styles") ?? "xl/styles.xml");
  if ((sst && PREFIXED.test(sst)) || (styles && PREFIXED.test(styles))) return null;
  const strings = sharedStrings(sst, limits.maxStrings, file);
  const formats = cellFormats(styles);

  const sheets: Grid[] = [];
  const cells = { n: 0 };
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    const target = targets.get(a["r:id"] ?? "");
    if (!target || a.name === undefined) return null;
    const [type, path] = target.split("\n");
    if (!type.endsWith("/worksheet")) return null;
    const xml = text(path);
    if (xml === undefined || PREFIXED.test(xml)) return null;
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
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** Text of a string item: OOXML escapes control characters as _xHHHH_; the text of every <t>, phonetic runs left out. */
function stringItem(xml: string): string {
  const body = xml.indexOf("<rPh") >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ?? "";
  return decodeEscapes(unescapeXml(out));
}

/** The shared strings, at most `max` of them (more is not a report: refused while reading, not after). */
function sharedStrings(xml: string | undefined, max: number, file: string): string[] {
  const out: string[] = [];
  if (!xml) return out;
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    if (out.length >= max) throw new UnreadableError(file, "too-many-strings", { limit: max });
    out.push(m[1] ? stringItem(m[1]) : "");
  }
  return out;
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
      if (s.indexOf("e") < 0) return dot < 0 ? s + "." + "0".repeat(d) : s + "0".repeat(d - (s.length - dot - 1));
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
  xml: string,
  name: string,
  strings: string[],
  formats: string[],
  limits: ReadLimits,
  file: string,
  cells: { n: number },
): Grid | null {
  if (xml.indexOf('t="shared"') >= 0 || xml.indexOf("t='shared'") >= 0) return null;
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  let maxRow = -1;
  let maxCol = -1;
  let minRow = Infinity;
  let minCol = Infinity;

  const dim = /<dimension\b[^>]*?\bref="([^"]*)"/.exec(xml);
  const dimRange = dim ? decodeRange(dim[1]) : null;

  for (const m of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const a = attrs(m[1]);
    if (a.hidden === "1" || a.hidden === "true") for (let c = Number(a.min) - 1; c <= Number(a.max) - 1; c++) hiddenCols.push(c);
  }

  const start = xml.indexOf("<sheetData");
  const end = xml.lastIndexOf("</sheetData>");
  let row = -1;
  let col = -1;
  if (start >= 0 && end > start) {
    let i = xml.indexOf(">", start) + 1;
    while (i < end) {
      const lt = xml.indexOf("<", i);
      if (lt < 0 || lt >= end) break;
      const gt = xml.indexOf(">", lt);
      const selfClosing = xml.charCodeAt(gt - 1) === 47; // "/"
      const tagEnd = selfClosing ? gt - 1 : gt;
      if (xml.startsWith("<row", lt) && (xml[lt + 4] === " " || xml[lt + 4] === ">" || xml[lt + 4] === "/")) {
        const r = attr(xml, lt + 4, tagEnd, "r=");
        row = r === undefined ? row + 1 : Number(r) - 1;
        col = -1;
        if (!(row >= 0)) return null;
        if (row >= limits.maxRows) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxRows });
        const hidden = attr(xml, lt + 4, tagEnd, "hidden=");
        if (hidden === "1" || hidden === "true") hiddenRows.push(row);
        i = gt + 1;
        continue;
      }
      if (xml.startsWith("<c", lt) && (xml[lt + 2] === " " || xml[lt + 2] === ">" || xml[lt + 2] === "/")) {
        const ref = attr(xml, lt + 2, tagEnd, "r=");
        if (ref !== undefined) {
          const rc = decodeCell(ref);
          if (!rc) return null;
          if (rc[0] !== row) return null; // a cell outside its row: not a shape we model
          col = rc[1];
        } else col++;
        const t = attr(xml, lt + 2, tagEnd, "t=") ?? "n";
        const s = attr(xml, lt + 2, tagEnd, "s=");
        let bodyEnd = gt + 1;
        if (selfClosing) i = gt + 1;
        else {
          bodyEnd = xml.indexOf("</c>", gt);
          if (bodyEnd < 0) return null;
          i = bodyEnd + 4;
        }
        // Every cell SheetJS sees widens the sheet's range, empty styled ones included.
        if (row > maxRow) maxRow = row;
        if (row < minRow) minRow = row;
        if (col > maxCol) maxCol = col;
        if (col < minCol) minCol = col;
        const cell = readCell(t, xml, gt + 1, bodyEnd, formats[s === undefined ? 0 : Number(s)] ?? "General", strings);
        if (cell === undefined) continue;
        if (cell === null) return null;
        if (++cells.n > limits.maxCells) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxCells });
        (rows[row] ??= [])[col] = cell;
        continue;
      }
      i = gt + 1;
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];

  const merges: Range[] = [];
  const mc = xml.indexOf("<mergeCells");
  if (mc >= 0) {
    for (const m of xml.slice(mc).matchAll(/<mergeCell\b[^>]*?\bref="([^"]*)"/g)) {
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

/** One cell's Grid form; undefined for an empty cell, null for a shape this reader leaves to SheetJS. */
function readCell(t: string, xml: string, from: number, to: number, format: string, strings: string[]): Cell | undefined | null {
  let v: string | undefined;
  let formula: string | undefined;
  // The cell's content on its own: a search in it stops at its end (one in the sheet would run on to the next cell
  // that has a <v> or an <f>, which may be the 合计 row at the bottom).
  const body = to > from ? xml.slice(from, to) : "";
  if (body) {
    const vs = body.indexOf("<v");
    if (vs >= 0) {
      const ve = body.indexOf("</v>", vs);
      v = ve < 0 ? "" : body.slice(body.indexOf(">", vs) + 1, ve);
    }
    const fs = body.indexOf("<f");
    if (fs >= 0) {
      const fgt = body.indexOf(">", fs);
      if (body.charCodeAt(fgt - 1) !== 47) {
        const fe = body.indexOf("</f>", fgt);
        formula = formulaText(unescapeXml(body.slice(fgt + 1, fe)));
      }
    }
  }
  let cell: Cell;
  switch (t) {
    case "n": {
      if (v === undefined || v === "") {
        if (formula === undefined) return undefined;
        cell = { value: null, text: "" };
        break;
      }
      const x = Number(v);
      if (!Number.isFinite(x)) return null;
      cell = { value: x, text: display(format, x) };
      break;
    }
    case "s": {
      const k = Number(v);
      if (v === undefined || !(k >= 0 && k < strings.length)) return null;
      cell = { value: strings[k], text: formattedText(format, strings[k]) };
      break;
    }
    case "str": {
      // SheetJS unescapes a <v> once for every cell and a str cell's value a second time.
      const s = v === undefined ? "" : decodeEscapes(unescapeXml(decodeEscapes(unescapeXml(v))));
      cell = { value: s, text: formattedText(format, s) };
      break;
    }
    case "inlineStr": {
      const is = body.indexOf("<is");
      const s = is < 0 ? "" : stringItem(body.slice(is));
      cell = { value: s, text: formattedText(format, s) };
      break;
    }
    case "b": {
      if (v === undefined) return undefined;
      const b = v === "1" || v === "true";
      cell = { value: b, text: formattedText(format, b) };
      break;
    }
    case "e": {
      const e = v === undefined ? "#N/A" : unescapeXml(v);
      if (!ERROR_TEXT.has(e)) return null;
      cell = { value: null, text: e, error: e };
      break;
    }
    default:
      return null; // "d" (ISO dates) and anything unknown
  }
  cell.format = format;
  if (formula !== undefined) cell.formula = formula;
  return cell;
}
