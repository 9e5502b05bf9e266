import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import type { Book } from "../../../addin/grid";
import { DEFAULT_LIMITS, readBook, UnreadableError } from "../../../addin/io";
import { boundedInflate, readBookFile } from "../../../addin/io/node";
import { readWorkbook } from "../../../addin/io/read-workbook";
import { display, readXlsx } from "../../../addin/io/read-xlsx";
import { guardZip } from "../../../addin/io/zip-guard";
import { comparable } from "./comparable";
import { makeZip } from "./zip-helper";

const ROOT = join(__dirname, "../../..");

/** Every .xlsx we hold: the reader fixtures (Excel-like, SheetJS, LibreOffice re-saves), the samples, other fixtures. */
function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return xlsxFiles(full);
    return /\.xlsx$/i.test(name) ? [full] : [];
  });
}
/** Only zips reach either .xlsx reader (readBook picks the reader by magic bytes): an empty or text "x.xlsx" does not. */
const isZip = (f: string) => readFileSync(f).subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
// Left out: a package whose workbook part is not where Excel puts it, which SheetJS cannot read and the lean reader
// can (tests/unit/io/reader-producers.test.ts holds it to the same workbook laid out as usual).
const FILES = [...xlsxFiles(join(ROOT, "tests/fixtures")), ...xlsxFiles(join(ROOT, "samples"))].filter((f) => isZip(f) && !f.endsWith("workbook-part-elsewhere.xlsx"));

function parts(bytes: Uint8Array) {
  return boundedInflate(bytes, guardZip(bytes, "x.xlsx", DEFAULT_LIMITS), "x.xlsx", DEFAULT_LIMITS);
}

/** Every entry of a package, inflated, as [name, bytes]. */
function allParts(bytes: Uint8Array): [string, Uint8Array][] {
  const inflated = parts(bytes);
  return guardZip(bytes, "x.xlsx", DEFAULT_LIMITS).map((e) => [e.name, inflated.get(e.name) ?? new Uint8Array(0)]);
}


/** A one-sheet .xlsx package around the given <sheetData> rows, with a General and a 0.00 cell style (and shared strings). */
function packageWithRows(sheetData: string, sst?: string): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return makeZip([
    { name: "[Content_Types].xml", data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' + (sst === undefined ? "" : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>') + '</Types>') },
    { name: "_rels/.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: Buffer.from(`<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/>${sst === undefined ? "" : `<Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>`}</Relationships>`) },
    { name: "xl/styles.xml", data: Buffer.from(`<styleSheet ${ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>`) },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(`<worksheet ${ns}><sheetData>${sheetData}</sheetData></worksheet>`) },
    ...(sst === undefined ? [] : [{ name: "xl/sharedStrings.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${ns}>${sst}</sst>`) }]),
  ]);
}

describe("the lean .xlsx reader gives exactly SheetJS's Grid", () => {
  test("there are files from several producers to compare", () => {
    const names = FILES.map((f) => f.replace(/^.*\//, ""));
    expect(names).toEqual(expect.arrayContaining(["exceljs.xlsx", "libreoffice.xlsx", "libreoffice-via-xls.xlsx", "sheetjs-inline.xlsx", "sheetjs-shared.xlsx"]));
    expect(FILES.length).toBeGreaterThanOrEqual(15);
  });

  test.each(FILES.filter((f) => !f.endsWith("shared-formula.xlsx")).map((f) => [f.slice(ROOT.length + 1), f]))("%s", (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    let expected: unknown;
    let lean: Book | null;
    try {
      expected = comparable(readWorkbook(bytes, "f.xlsx", "xlsx", DEFAULT_LIMITS));
    } catch (e) {
      // A hostile fixture SheetJS refuses is refused on the lean path too (or left to SheetJS), never read.
      expect(e).toBeInstanceOf(UnreadableError);
      try {
        lean = readXlsx(parts(bytes), "f.xlsx", DEFAULT_LIMITS);
      } catch (e2) {
        expect(e2).toBeInstanceOf(UnreadableError);
        return;
      }
      expect(lean).toBeNull();
      return;
    }
    lean = readXlsx(parts(bytes), "f.xlsx", DEFAULT_LIMITS);
    expect(lean).not.toBeNull();
    expect(comparable(lean!)).toEqual(expected);
  });

  test("property: generated cells of every shape (plain <v>, <is><t>, runs, formulas, empty, entities, escapes) read as SheetJS reads them", () => {
    // Text as producers escape it: character references (openpyxl's CJK), the predefined entities, _xHHHH_ escapes, line
    // feeds. Not a raw CR: SheetJS reads _x000D_ before a raw CR LF as CR LF where the lean reader, which turns the raw
    // CR LF into LF first as an XML parser does, reads LF (no producer writes a raw CR; Excel writes _x000D_).
    const piece = fc.constantFrom("村", "&#26449;", "&#x6751;", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "a", " ", "1", "_x000D_", "_x005F_", "\n", "&bogus;", "&");
    const text = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(""));
    // Known differences in str cells (formula results), where SheetJS unescapes the text twice: it keeps only the low byte
    // of a character reference above U+00FF (&#26449; 村 becomes "Q", the lean reader reads 村), and an escaped CR before
    // a line feed comes out otherwise. No producer writes either there (they write UTF-8 and no CR), so str cells are
    // generated without.
    const strText = text.map((v) => v.replace(/&#(26449|x6751);/g, "村").replace(/_x000D_/g, ""));
    const number = fc.oneof(fc.integer({ min: -99999, max: 99999 }).map(String), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map(String));
    const cell = fc.oneof(
      number.map((v) => ({ attrs: "", body: `<v>${v}</v>` })),
      number.map((v) => ({ attrs: ' s="1"', body: `<v>${v}</v>` })),
      fc.constant({ attrs: "", body: "<v></v>" }),
      fc.constant({ attrs: ' s="1"', body: "" }),
      text.map((v) => ({ attrs: ' t="inlineStr"', body: `<is><t>${v}</t></is>` })),
      text.map((v) => ({ attrs: ' t="inlineStr"', body: `<is><t xml:space="preserve">${v}</t></is>` })),
      fc.tuple(text, text).map(([a, b]) => ({ attrs: ' t="inlineStr"', body: `<is><r><t>${a}</t></r><r><rPr><b/></rPr><t>${b}</t></r></is>` })),
      strText.map((v) => ({ attrs: ' t="str"', body: `<v>${v}</v>` })),
      strText.map((v) => ({ attrs: ' t="str"', body: `<f>A1&amp;"x"</f><v>${v}</v>` })),
      number.map((v) => ({ attrs: "", body: `<f>SUM(A1:A2)</f><v>${v}</v>` })),
      fc.integer({ min: 0, max: 1 }).map((v) => ({ attrs: ' t="b"', body: `<v>${v}</v>` })),
      fc.constantFrom("#DIV/0!", "#N/A").map((v) => ({ attrs: ' t="e"', body: `<v>${v}</v>` })),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const sheetData = rows
          .map((cells, r) => `<row r="${r + 1}">` + cells.map((c, k) => (c.body === "" ? `<c r="${String.fromCharCode(65 + k)}${r + 1}"${c.attrs}/>` : `<c r="${String.fromCharCode(65 + k)}${r + 1}"${c.attrs}>${c.body}</c>`)).join("") + `</row>`)
          .join("");
        const bytes = packageWithRows(sheetData);
        const lean = readXlsx(parts(bytes), "f.xlsx", DEFAULT_LIMITS);
        expect(lean).not.toBeNull();
        expect(comparable(lean!)).toEqual(comparable(readWorkbook(bytes, "f.xlsx", "xlsx", DEFAULT_LIMITS)));
      }),
      { numRuns: 400 },
    );
  });

  test("property: shared strings (CJK and other text as UTF-8 bytes, references, rich-text and phonetic runs) read as SheetJS reads them", () => {
    // The lean reader reads the shared strings one character per byte and decodes each item's text (ZipParts.binary).
    const piece = fc.constantFrom("村", "乡镇", "😀", "é", "\u00a0", "&#26449;", "&#x6751;", "&amp;", "&lt;", "a", " ", "1", "_x000D_", "\n", "&");
    const text = fc.array(piece, { maxLength: 6 }).map((xs) => xs.join(""));
    const item = fc.oneof(
      text.map((v) => `<si><t>${v}</t></si>`),
      text.map((v) => `<si><t xml:space="preserve">${v}</t></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><r><rPr><b val="true"/><rFont val="宋体"/></rPr><t xml:space="preserve">${a}</t></r><r><t>${b}</t></r></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`),
      fc.constant("<si><t/></si>"),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
        const sheetData = `<row r="1">` + items.map((_, k) => `<c r="${String.fromCharCode(65 + k)}1" t="s"><v>${k}</v></c>`).join("") + `</row>`;
        const bytes = packageWithRows(sheetData, items.join(""));
        const lean = readXlsx(parts(bytes), "f.xlsx", DEFAULT_LIMITS);
        expect(lean).not.toBeNull();
        expect(comparable(lean!)).toEqual(comparable(readWorkbook(bytes, "f.xlsx", "xlsx", DEFAULT_LIMITS)));
        // The same as the text decoded whole (a host without ZipParts.binary).
        const inflated = parts(bytes);
        expect(readXlsx({ get: (name) => inflated.get(name) }, "f.xlsx", DEFAULT_LIMITS)).toEqual(lean);
      }),
      { numRuns: 300 },
    );
  });

  test("a character reference past U+10FFFF is no character: kept as written, never thrown on (SheetJS wraps it)", () => {
    const bytes = packageWithRows('<row r="1"><c r="A1" t="inlineStr"><is><t>a&#99999999;b&#x110000;c&#128512;</t></is></c></row>');
    expect(readXlsx(parts(bytes), "f.xlsx", DEFAULT_LIMITS)!.sheets[0].rows[0][0]!.value).toBe("a&#99999999;b&#x110000;c😀");
  });

  test("the torture workbook really holds the shapes it is meant to (so the comparison above means something)", () => {
    const book = readXlsx(parts(new Uint8Array(readFileSync(join(ROOT, "tests/fixtures/reader/exceljs.xlsx")))), "t.xlsx", DEFAULT_LIMITS)!;
    const g = book.sheets[1];
    expect(book.sheets[0].hidden).toBe(true);
    const cells = comparable(book)[1].cells;
    expect(cells.some((c) => c.error === "#DIV/0!")).toBe(true);
    expect(cells.some((c) => c.value === true && c.text === "TRUE")).toBe(true);
    expect(cells.some((c) => c.formula === "SUM(A3:A4)" && c.value === null)).toBe(true);
    expect(cells.some((c) => c.value === "富文本")).toBe(true);
    expect(cells.some((c) => c.value === "a\rb")).toBe(true);
    expect(cells.some((c) => c.value === 339901101201 && c.text === "3.39901E+11")).toBe(true);
    expect(cells.some((c) => c.format === "yyyy-mm-dd" && c.text === "2025-01-15")).toBe(true);
    expect(g.hiddenRows).toContain(4);
    expect(g.hiddenCols).toContain(2);
    expect(g.merges).toContainEqual({ top: 39, left: 1, bottom: 40, right: 3 });
  });

  test("a shared formula is left to SheetJS, which writes each cell's own formula; the file still reads", async () => {
    const file = join(ROOT, "tests/fixtures/reader/shared-formula.xlsx");
    expect(readXlsx(parts(new Uint8Array(readFileSync(file))), "f.xlsx", DEFAULT_LIMITS)).toBeNull();
    const g = (await readBookFile(file)).sheets[0];
    expect(g.rows[2][1]).toMatchObject({ value: 60, formula: "A3*2" });
  });

  test("only the parts a sheet needs are inflated: a lying part the reader never needs does not stop it, and is caught when SheetJS must read the package", () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, "samples/submissions/东湖镇.xlsx")));
    const lie = { name: "xl/media/image1.png", data: Buffer.alloc(4 * 1024 * 1024, 0x20), declaredSize: 100 };
    const withLie = makeZip([...allParts(bytes).map(([name, data]) => ({ name, data: Buffer.from(data) })), lie]);
    expect(comparable(readBook(withLie, "东湖镇.xlsx", {}, boundedInflate))).toEqual(comparable(readBook(bytes, "东湖镇.xlsx", {}, boundedInflate)));
    // A sheet the lean reader declines (a prefixed <x:row>) goes to SheetJS, and every part is inflated, bounded, first.
    const declined = makeZip([
      ...allParts(bytes).map(([name, data]) => ({ name, data: name.endsWith("sheet1.xml") ? Buffer.from(Buffer.from(data).toString("utf8").replace(/<(\/?)row\b/g, "<$1x:row")) : Buffer.from(data) })),
      lie,
    ]);
    expect(() => readBook(declined, "东湖镇.xlsx", {}, boundedInflate)).toThrow(expect.objectContaining({ reason: "zip-bomb" }));
  });

  test("a worksheet written with namespace prefixes (<x:row>) is left to SheetJS, never read as empty", () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, "samples/submissions/东湖镇.xlsx")));
    const entries = allParts(bytes).map(([name, data]) => {
      let text = Buffer.from(data);
      if (name === "xl/worksheets/sheet1.xml") {
        const xml = text.toString("utf8").replace(/<(\/?)(sheetData|row|c|v|f|mergeCells|mergeCell)\b/g, "<$1x:$2").replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
        text = Buffer.from(xml, "utf8");
      }
      return { name, data: text };
    });
    const prefixed = makeZip(entries);
    expect(readXlsx(parts(prefixed), "东湖镇.xlsx", DEFAULT_LIMITS)).toBeNull();
    const viaSheetJs = readBook(prefixed, "东湖镇.xlsx", {}, boundedInflate);
    expect(comparable(viaSheetJs)).toEqual(comparable(readBook(bytes, "东湖镇.xlsx")));
  });

  test("a sheet whose rows or values alone carry a prefix (<x:row>, <x:v> inside <sheetData>) is left to SheetJS too", () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, "samples/submissions/东湖镇.xlsx")));
    for (const tags of ["row|c|v|f", "v"]) {
      const entries = allParts(bytes).map(([name, data]) => {
        let text = Buffer.from(data);
        if (name === "xl/worksheets/sheet1.xml") {
          const xml = text.toString("utf8").replace(new RegExp(`<(\\/?)(${tags})\\b`, "g"), "<$1x:$2").replace("<worksheet ", '<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ');
          text = Buffer.from(xml, "utf8");
        }
        return { name, data: text };
      });
      expect(readXlsx(parts(makeZip(entries)), "东湖镇.xlsx", DEFAULT_LIMITS)).toBeNull();
    }
  });

  test("character references (openpyxl writes CJK as &#NNNNN;) and entities read as SheetJS reads them", () => {
    const texts = ["&#26449;1", "&#x6751;&#x41;&#x4e1C;", "&amp;#26449;", "&lt;b&gt; &quot;x&quot; &apos;y&apos;", "a&amp;b", "&#65; 𝟘", "plain 文本"];
    const cell = (t: string, k: number) => `<c r="${String.fromCharCode(65 + k)}1" t="inlineStr"><is><t>${t}</t></is></c>`;
    const sheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1">${texts.map(cell).join("")}</row>` +
      `<row r="2"><c r="A2" t="str"><f>"&#26449;"&amp;"x"</f><v>&#65;&amp;x</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2"><f/><v>3</v></c></row>` +
      `</sheetData></worksheet>`;
    const bytes = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
      { name: "_rels/.rels", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
      { name: "xl/workbook.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(sheet, "utf8") },
    ]);
    const lean = readXlsx(parts(bytes), "f.xlsx", DEFAULT_LIMITS);
    expect(lean).not.toBeNull();
    expect(comparable(lean!)).toEqual(comparable(readWorkbook(bytes, "f.xlsx", "xlsx", DEFAULT_LIMITS)));
    // What the comparison is about: the references decoded, a double-escaped one left as text.
    expect(lean!.sheets[0].rows[0].map((c) => c?.value)).toEqual(["村1", "村A东", "&#26449;", '<b> "x" \'y\'', "a&b", "A 𝟘", "plain 文本"]);
    expect(lean!.sheets[0].rows[1][0]).toMatchObject({ value: "A&x", formula: '"村"&"x"' });
  });

  test("row and cell limits hold on the lean path", () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, "samples/submissions/东湖镇.xlsx")));
    const reason = (limits: Partial<typeof DEFAULT_LIMITS>) => {
      try {
        readXlsx(parts(bytes), "东湖镇.xlsx", { ...DEFAULT_LIMITS, ...limits });
        return "none";
      } catch (e) {
        return (e as UnreadableError).reason;
      }
    };
    expect(reason({})).toBe("none");
    expect(reason({ maxRows: 10 })).toBe("too-many-cells");
    expect(reason({ maxCells: 50 })).toBe("too-many-cells");
  });
});

describe("displayed text", () => {
  test("the direct paths (General integers, 0.00-style fixed decimals) agree with SheetJS's formatter", () => {
    const value = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 1e9 }).map((i) => i / 100),
      fc.integer({ min: 0, max: 1e9 }).map((i) => i / 1000),
      fc.double({ min: 0, max: 1e15, noNaN: true }),
      fc.double({ min: 0, max: 1e-3, noNaN: true }),
      fc.constantFrom(0, -0, 1e-7, 0.005, 1.005, 2.675, 0.125, 999999999.995, 1e14, 12.345, -0.5, 1e10, 339901101201),
    );
    fc.assert(
      fc.property(fc.constantFrom("General", "0.0", "0.00", "0.000", "0.0000", "0.00_ ", "#,##0.00"), value, (format, v) => {
        expect(display(format, v)).toBe(XLSX.SSF.format(format, v));
      }),
      { numRuns: 20000 },
    );
  });
});
