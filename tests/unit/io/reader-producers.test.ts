/**
 * The readers on one workbook from every producer we can run (tests/fixtures/reader/producers, made by
 * `npx tsx scripts/make-reader-fixtures.ts`, see scripts/fixtures/reader-producers.ts): openpyxl, ExcelJS, SheetJS
 * (.xlsx, BIFF2/3/4/5/8, SpreadsheetML 2003, .ods, .fods), LibreOffice (.xlsx, .xls, .ods, .fods) and Gnumeric
 * (.xlsx in two dialects, BIFF8, BIFF7, .ods). Every file is read (none refused), readBook's Grid is SheetJS's
 * Grid (for .xlsx that is the lean reader held to SheetJS), and the content survives: text escapes decoded,
 * _xlfn. prefixes gone, text formats rendered as SSF renders them.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { Cell } from "../../../addin/grid";
import { DEFAULT_LIMITS, readBook } from "../../../addin/io";
import { boundedInflate } from "../../../addin/io/node";
import { readWorkbook } from "../../../addin/io/read-workbook";
import { readXlsx } from "../../../addin/io/read-xlsx";
import { decodeEscapes, formattedText, formulaText, workbookPartPath } from "../../../addin/io/xlsx-text";
import { guardZip } from "../../../addin/io/zip-guard";
import { comparable } from "./comparable";

const DIR = join(__dirname, "../../fixtures/reader/producers");
const FILES = readdirSync(DIR).flatMap((producer) => readdirSync(join(DIR, producer)).map((f) => [producer, f, join(DIR, producer, f)] as const));


/** SheetJS cannot find this package's sheet parts (it looks where Excel puts them); the lean reader reads it (below). */
const LEAN_ONLY = "workbook-part-elsewhere.xlsx";
/**
 * Files whose producer lost the Chinese text on writing: before BIFF8 (Excel 97) text is in a code page, and SheetJS
 * writes BIFF2–5 in a Latin one ("黄埠村" → "___"), Gnumeric writes BIFF7 in the locale's (C here: "???"). Their
 * numbers survive; BIFF2–4 also have no sheet names (the sheet is Sheet1).
 */
const NO_CJK = /(sheetjs-biff[2345]|gnumeric-biff7)\.xls$/;
const NO_SHEET_NAME = /biff[234]\.xls$/;

const formatOf = (file: string) => (/\.(ods|fods)$/.test(file) ? "ods" : /\.xlsx$/.test(file) ? "xlsx" : "xls");

test("files from every producer are there to compare", () => {
  const count = (p: string) => FILES.filter(([producer]) => producer === p).length;
  expect(count("sheetjs")).toBeGreaterThanOrEqual(9);
  expect(count("libreoffice")).toBeGreaterThanOrEqual(4);
  expect(count("openpyxl")).toBeGreaterThanOrEqual(2);
  expect(count("exceljs")).toBeGreaterThanOrEqual(1);
  expect(count("gnumeric")).toBeGreaterThanOrEqual(5);
});

describe.each(FILES.map(([producer, name, path]) => [`${producer}/${name}`, name, path]))("%s", (_, name, path) => {
  const bytes = new Uint8Array(readFileSync(path));
  const book = readBook(bytes, name, {}, boundedInflate);

  test("is read, into SheetJS's Grid", () => {
    if (name === LEAN_ONLY) return void expect(book.sheets[0].rows[1][0]?.value).toBe("黄埠村");
    expect(comparable(book)).toEqual(comparable(readWorkbook(bytes, name, formatOf(name), DEFAULT_LIMITS)));
  });

  test("holds the workbook's content", () => {
    const g = book.sheets[0];
    const at = (r: number, c: number): Cell | undefined => g.rows[r]?.[c];
    if (NO_SHEET_NAME.test(name)) expect(g.name).toBe("Sheet1");
    else expect(g.name).toEqual(NO_CJK.test(name) ? expect.stringMatching(/^[?_]{6}$/) : "村级集体经济");
    expect(at(1, 0)?.value).toEqual(NO_CJK.test(name) ? expect.stringMatching(/^[?_]{3}$/) : "黄埠村");
    expect(at(1, 1)?.value).toBe(52.3);
    expect(at(2, 1)?.value).toBe(20);
    // Where formulas are kept, no _xlfn. survives.
    for (const row of g.rows) for (const c of row ?? []) if (c?.formula) expect(c.formula).not.toContain("_xlfn.");
    // No undecoded escape is left in any text.
    for (const row of g.rows) for (const c of row ?? []) if (typeof c?.value === "string") expect(c.value).not.toMatch(/_x00(0D|0A|5F)_/);
  });
});

test("the .xlsx files go through the lean reader, not around it (the comparison above holds it to SheetJS)", () => {
  for (const [, name, path] of FILES.filter(([, n]) => n.endsWith(".xlsx"))) {
    const bytes = new Uint8Array(readFileSync(path));
    const parts = boundedInflate(bytes, guardZip(bytes, name, DEFAULT_LIMITS), name, DEFAULT_LIMITS);
    expect([name, readXlsx(parts, name, DEFAULT_LIMITS) === null]).toEqual([name, false]);
  }
});

test("a workbook part elsewhere than xl/workbook.xml is found through _rels/.rels", () => {
  const path = join(DIR, "openpyxl", "workbook-part-elsewhere.xlsx");
  const bytes = new Uint8Array(readFileSync(path));
  const parts = boundedInflate(bytes, guardZip(bytes, "f.xlsx", DEFAULT_LIMITS), "f.xlsx", DEFAULT_LIMITS);
  expect(parts.get("xl/workbook.xml")).toBeUndefined();
  expect(workbookPartPath((n) => { const part = parts.get(n); return part ? new TextDecoder().decode(part) : undefined; })).toBe("xl/book/main.xml");
  const moved = readBook(bytes, "f.xlsx", {}, boundedInflate);
  const original = readBook(new Uint8Array(readFileSync(join(DIR, "openpyxl", "openpyxl.xlsx"))), "f.xlsx", {}, boundedInflate);
  expect(comparable(moved)).toEqual(comparable(original));
});

describe("text helpers", () => {
  test("decodeEscapes: _xHHHH_ decoded left to right, _x005F_ escapes the underscore, CR LF becomes LF", () => {
    expect(decodeEscapes("a_x000D_b")).toBe("a\rb");
    expect(decodeEscapes("a_x000d_b_X0041_")).toBe("a\rbA");
    expect(decodeEscapes("_x005F_x000D_")).toBe("_x000D_");
    expect(decodeEscapes("一_x000D__x000A_二")).toBe("一\n二");
    expect(decodeEscapes("no_escape_x12_")).toBe("no_escape_x12_");
  });

  test("formulaText: _xlfn. removed as SheetJS does, _xlws. kept as SheetJS does", () => {
    expect(formulaText("_xlfn.UNIQUE(A1:A9)")).toBe("UNIQUE(A1:A9)");
    expect(formulaText("_xlfn.DISPIMG(\"ID_1\",1)")).toBe('DISPIMG("ID_1",1)');
    expect(formulaText("_xlfn._xlws.SORT(A1:A9)")).toBe("_xlws.SORT(A1:A9)");
  });

  test("formattedText: a text section renders the text, @ and General show it as it is", () => {
    expect(formattedText('0.00;-0.00;0;@"（万元）"', "万元")).toBe("万元（万元）");
    expect(formattedText('@" 级"', "村")).toBe("村 级");
    expect(formattedText("@", "村")).toBe("村");
    expect(formattedText("0.00", "村")).toBe("村");
    expect(formattedText("General", true)).toBe("TRUE");
  });
});
