import { detectDelimiter, parseCsvText, type Book } from "../grid";
import { decodeText } from "./decode-text";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { readCsv } from "./read-csv";
import { readWorkbook } from "./read-workbook";
import { readXlsx } from "./read-xlsx";
import { UnreadableError } from "./unreadable";
import { guardZip, type ZipEntry } from "./zip-guard";

/**
 * A zip's entries by name, each inflated when first asked for, with a hard bound on their real size (declared sizes can
 * lie) over all of them. Node passes one built on zlib's bounded inflate (addin/io/node.ts), and then .xlsx files go
 * through the lean reader; a browser has no synchronous bounded inflate, and there the declared-size checks of
 * guardZip are the bound and SheetJS reads the file.
 */
export type Inflater = (bytes: Uint8Array, entries: ZipEntry[], file: string, limits: ReadLimits) => ZipParts;

export interface ZipParts {
  /** The entry inflated (once), or undefined when the package has none by that name. */
  get(name: string): Uint8Array | undefined;
  /**
   * The entry as a string of one character per byte (Latin-1), when the host has a fast way to make one: the lean
   * reader reads the shared strings so (see readXlsx).
   */
  binary?(name: string): string | undefined;
  /** Inflates every entry not asked for yet: a lying size is caught before another reader is given the package. */
  checkAll(): void;
}

const SPREADSHEET_EXT = /\.(xlsx|xlsm|xls|et)$/i;

/**
 * Reads a file's bytes into a Book, choosing the reader by content (magic bytes), not by extension: clerks rename
 * files, and old systems save CSV or HTML as ".xls". Anything that is not a readable spreadsheet throws an
 * UnreadableError whose message tells the user what to do; nothing else is thrown for bad input.
 */
export function readBook(bytes: Uint8Array, fileName: string, limits: Partial<ReadLimits> = {}, inflate?: Inflater): Book {
  const lim: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  return checkShape(readAny(bytes, fileName, lim, inflate), lim);
}

/**
 * What drives the work after reading, bounded whichever reader read the file (cells and rows are bounded while
 * reading): the sheets searched for a header, the columns of each header row, the merged areas looked up there.
 */
function checkShape(book: Book, lim: ReadLimits): Book {
  if (book.sheets.length > lim.maxSheets) throw new UnreadableError(book.file, "too-many-sheets", { count: book.sheets.length, limit: lim.maxSheets });
  let merges = 0;
  for (const g of book.sheets) {
    if (g.colCount > lim.maxColumns) throw new UnreadableError(book.file, "too-many-columns", { sheet: g.name, count: g.colCount, limit: lim.maxColumns });
    merges += g.merges.length;
  }
  if (merges > lim.maxMerges) throw new UnreadableError(book.file, "too-many-merges", { count: merges, limit: lim.maxMerges });
  return book;
}

function readAny(bytes: Uint8Array, fileName: string, lim: ReadLimits, inflate?: Inflater): Book {
  const file = fileName.replace(/^.*[\\/]/, "");
  if (bytes.length === 0) throw new UnreadableError(file, "empty");
  if (bytes.length > lim.maxBytes) throw new UnreadableError(file, "too-large", { limit: Math.round(lim.maxBytes / 1024 / 1024) });

  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const entries = guardZip(bytes, file, lim);
    const has = (name: RegExp) => entries.some((e) => name.test(e.name));
    // OpenDocument (.ods, LibreOffice/WPS/Gnumeric): SheetJS reads it.
    if (has(/^content\.xml$/) && has(/^mimetype$/)) return readWorkbook(bytes, file, "ods", lim);
    // An OOXML spreadsheet: its workbook part is where _rels/.rels says (read-xlsx.ts), usually xl/workbook.xml; one
    // elsewhere still has worksheet parts (a Word or PowerPoint package has none).
    if (!has(/^xl\/workbook\.xml$/i) && !(has(/^_rels\/\.rels$/) && has(/(^|\/)worksheets\/[^/]+\.(xml|bin)$/i))) throw new UnreadableError(file, "not-spreadsheet");
    // Only the parts the lean reader needs are inflated (not the theme, printer settings, thumbnails …).
    const parts = inflate?.(bytes, entries, file, lim);
    const book = parts && readXlsx(parts, file, lim);
    if (book) return book;
    parts?.checkAll();
    return readWorkbook(bytes, file, "xlsx", lim);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return readWorkbook(bytes, file, "xls", lim);
  // BIFF2–BIFF4 (Excel 2.x–4.0): a bare record stream, no OLE container, that starts with its BOF record.
  if (isBareBiff(bytes)) return readWorkbook(bytes, file, "xls", lim);
  if (looksBinary(bytes)) throw new UnreadableError(file, "not-spreadsheet");
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  // XML spreadsheets whatever their extension: SpreadsheetML 2003 (Excel 2003 "XML 表格") and flat ODF (.fods).
  if (head.startsWith("<") && /urn:schemas-microsoft-com:office:spreadsheet|<office:document\b/.test(head)) {
    return readWorkbook(bytes, file, head.includes("<office:document") ? "ods" : "xls", lim);
  }
  // Text. With a spreadsheet extension it must at least look like a table (HTML tables saved as .xls included).
  if (SPREADSHEET_EXT.test(file)) {
    if (head.startsWith("<")) {
      if (!/<table/.test(new TextDecoder("utf-8").decode(bytes.subarray(0, 200000)).toLowerCase())) throw new UnreadableError(file, "not-spreadsheet");
      return readWorkbook(bytes, file, "xls", lim);
    }
    if (!looksLikeTable(bytes)) throw new UnreadableError(file, "not-spreadsheet");
  }
  return readCsv(bytes, file, lim);
}

/**
 * Delimited text that is a table (a CSV renamed .xlsx): at least two records, and at least half of the first
 * records split into the same number (> 1) of fields. A letter or notes whose first line happens to hold a comma
 * is not a table.
 */
function looksLikeTable(bytes: Uint8Array): boolean {
  // The first 64 KB, cut after a line break so no multi-byte character is split.
  let head = bytes.subarray(0, 64 * 1024);
  if (bytes.length > head.length) head = head.subarray(0, head.lastIndexOf(0x0a) + 1 || head.length);
  const text = decodeText(head);
  const records = parseCsvText(text, detectDelimiter(text))
    .slice(0, 50)
    .filter((r) => r.some((f) => f.trim() !== ""));
  if (records.length < 2) return false;
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const [fields, n] of counts) if (fields > 1 && n > best) best = n;
  return best >= 2 && best * 2 >= records.length;
}

/**
 * A BIFF2/3/4 worksheet stream: a BOF record (type 0x0009, 0x0209 or 0x0409) of 4–16 bytes, whose version field is
 * the BIFF version and whose document type is a worksheet, chart, macro sheet or workbook.
 */
function isBareBiff(bytes: Uint8Array): boolean {
  if (bytes.length < 8 || bytes[0] !== 0x09 || ![0x00, 0x02, 0x04].includes(bytes[1])) return false;
  const size = bytes[2] | (bytes[3] << 8);
  if (size < 4 || size > 16) return false;
  const type = bytes[6] | (bytes[7] << 8);
  return [0x10, 0x20, 0x40, 0x100].includes(type);
}

/** Text files have no NUL bytes and few control characters in their first kilobytes (UTF-16 has a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n / 20;
}

export { UnreadableError };
