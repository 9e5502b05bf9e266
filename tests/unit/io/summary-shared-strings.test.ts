/**
 * The county workbook's texts go through a shared-strings table (addin/io/shared-strings.ts) and its rows are written
 * as bytes (addin/io/sheet-rows.ts). What users rely on: every reader gets back exactly the cells it got when every
 * text was an inline string (the writer's way before, still its way past the table's cap), and those cells are the
 * tables' values.
 */
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import type { SummaryTable, TableCell } from "../../../addin/grid";
import { readBook } from "../../../addin/io/read-book";
import { boundedInflate, writeSummaryFile } from "../../../addin/io/node";
import { displayWidth, numberWidth, WidthMeter } from "../../../addin/io/column-widths";
import { SharedStrings } from "../../../addin/io/shared-strings";
import { putNumber, putPlainText } from "../../../addin/io/sheet-rows";
import { writeSummaryWorkbook } from "../../../addin/io/summary-workbook";
import { PLAIN_TEXT } from "../../../addin/io/xml-text";
import { comparable } from "./comparable";

/** Texts a clerk's file can carry into the county workbook. */
const SPECIAL = [
  "=HYPERLINK(\"http://example.com\",\"点我\")", "+1+2", "-3+4", "@SUM(A1:A2)", "\t=1+1", "\r=2+2",
  "  前后有空格  ", " 前空格", "后空格 ", "\u3000全角空格开头", "第一行\r\n第二行", "行\n换", "控\u0001制\u001f字符\u000b",
  "<&>\"'", "R&D 部门", "café ü ñ ©", "a<b", "a>b", "说\"明\"", "😀 𠀀 beyond the BMP", "\ud800 lone surrogate", "长".repeat(3000) + "x".repeat(3000), "物业经济", "是", "否",
];

/** What a reader should get back: control characters other than tab, LF and CR are dropped (they are not XML). */
// eslint-disable-next-line no-control-regex
const expected = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "").replace(/\ud800(?![\udc00-\udfff])/g, "\ufffd");

function tables(): SummaryTable[] {
  const rows: TableCell[][] = [];
  // 1,200 rows: past the sample that decides whether a column's texts are shared (codes are all different, so they
  // end up inline; towns repeat in runs, special texts in a cycle, numbers of every shape).
  const numbers = [0, -0, 1, -1, 31, 2025, 0.5, -1.25, 1 / 3, 12345678.9, 2 ** 31, -(2 ** 31), 2 ** 32 + 1, 1e21, 1e-7, 123.456, NaN, Infinity];
  for (let i = 0; i < 1200; i++) {
    rows.push([
      i + 1,
      `乡镇${String(Math.floor(i / 200)).padStart(4, "0")}`,
      `33000000${String(i).padStart(4, "0")}`,
      SPECIAL[i % SPECIAL.length],
      numbers[i % numbers.length],
      i % 7 === 0 ? null : (i % 1000) / 7,
      i % 3 === 0 ? "是" : "否",
    ]);
  }
  const detail: SummaryTable = {
    key: "detail",
    name: "村级明细",
    title: "测试县村级明细",
    note: "单位：万元",
    columns: [
      { header: "序号", format: "integer" },
      { header: "乡镇", format: "general" },
      { header: "村（社区）代码", format: "text" },
      { header: "备注", format: "general", maxWidth: 40 },
      { header: "数", format: "decimal" },
      { header: "总收入", format: "money" },
      { header: "是否薄弱村", format: "general" },
    ],
    rows,
    freezeColumns: 2,
    marks: [
      { row: 0, column: 3, mark: "red" },
      { row: 5, column: 4, mark: "yellow" },
      { row: 1199, column: 1, mark: "total" },
    ],
  };
  const small: SummaryTable = {
    key: "issues",
    name: "审核问题",
    title: "审核问题",
    note: null,
    columns: [{ header: "问题", format: "general" }, { header: "是否已说明", format: "general" }],
    rows: SPECIAL.map((s, i) => [s, i % 2 ? "是" : "否"]),
    freezeColumns: 0,
    marks: [],
  };
  return [detail, small];
}

/** Every cell of every sheet as ExcelJS reads it. */
async function excelCells(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c, k) => (cells[k - 1] = [c.value, c.numFmt, c.type]));
      rows[r - 1] = cells;
    });
    out[ws.name] = rows;
  }
  return out;
}

/** A package part as text. */
function part(bytes: Uint8Array, name: string): string | undefined {
  const entry = XLSX.CFB.find(XLSX.CFB.read(bytes, { type: "array" }), `/${name}`);
  return entry ? Buffer.from(entry.content as Uint8Array).toString("utf8") : undefined;
}

describe("shared strings in the county workbook", () => {
  const input = tables();
  let shared: Uint8Array;
  let inline: Uint8Array;
  let capped: Uint8Array;
  beforeAll(async () => {
    shared = await writeSummaryWorkbook(input, "zh-CN");
    inline = await writeSummaryWorkbook(input, "zh-CN", { maxSharedStrings: 0 });
    capped = await writeSummaryWorkbook(input, "zh-CN", { maxSharedStrings: 5 });
  });

  test("repeated texts are shared, all-different codes stay inline, and nothing is shared past the cap", () => {
    const sst = part(shared, "xl/sharedStrings.xml")!;
    const sheet = part(shared, "xl/worksheets/sheet1.xml")!;
    expect(sst).toContain("<si><t>物业经济</t></si>");
    expect(sheet).toContain(`t="s"`);
    expect(sheet).toContain(`<is><t>330000001199</t></is>`); // past the sample, codes are written inline
    const unique = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
    expect(unique).toBe([...sst.matchAll(/<si>/g)].length);
    expect(unique).toBeLessThan(1200); // codes did not fill the table
    expect(/count="(\d+)"/.exec(sst)![1]).toBe(String([...(part(shared, "xl/worksheets/sheet1.xml")! + part(shared, "xl/worksheets/sheet2.xml")!).matchAll(/t="s"/g)].length));

    expect([...part(capped, "xl/sharedStrings.xml")!.matchAll(/<si>/g)].length).toBe(5);
    expect(part(inline, "xl/sharedStrings.xml")).toMatch(/uniqueCount="0"><\/sst>$/);
    expect(part(inline, "xl/worksheets/sheet1.xml")).not.toContain(`t="s"`);
  });

  test("ExcelJS reads the tables' values back, the same with shared strings, inline strings, or both past the cap", async () => {
    const cells = await excelCells(shared);
    expect(await excelCells(inline)).toEqual(cells);
    expect(await excelCells(capped)).toEqual(cells);
    for (const table of input) {
      const first = table.note === null ? 3 : 4;
      table.rows.forEach((values, r) =>
        values.forEach((v, k) => {
          const want = typeof v === "string" ? expected(v) : typeof v === "number" && Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
          expect([table.name, r, k, (cells[table.name][first + r - 1][k] as unknown[])[0] ?? null]).toEqual([table.name, r, k, want]);
        }),
      );
    }
    // Nothing a spreadsheet would execute.
    for (const rows of Object.values(cells)) for (const row of rows) for (const c of row ?? []) expect((c as unknown[])[2]).not.toBe(ExcelJS.ValueType.Formula);
  });

  test("SheetJS and our reader give the same Book with shared strings as with inline strings", () => {
    for (const inflate of [undefined, boundedInflate]) {
      const book = comparable(readBook(shared, "县汇总.xlsx", {}, inflate));
      expect(comparable(readBook(inline, "县汇总.xlsx", {}, inflate))).toEqual(book);
      expect(comparable(readBook(capped, "县汇总.xlsx", {}, inflate))).toEqual(book);
      const detail = book.find((s) => s.name === "村级明细")!;
      expect(detail.cells.find((c) => c.at[0] === 3 && c.at[1] === 3)!.value).toBe(expected(SPECIAL[0]));
    }
  });

  test("the same tables give the same bytes; the file written by Node (chunks deflated on zlib's threads) reads back the same", async () => {
    expect(Buffer.from(await writeSummaryWorkbook(input, "zh-CN")).equals(Buffer.from(shared))).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), "xiaobo-sst-")), "县汇总.xlsx");
    await writeSummaryFile(input, file, "zh-CN");
    const streamed = new Uint8Array(readFileSync(file));
    expect(part(streamed, "xl/worksheets/sheet1.xml")).toBe(part(shared, "xl/worksheets/sheet1.xml"));
    expect(part(streamed, "xl/sharedStrings.xml")).toBe(part(shared, "xl/sharedStrings.xml"));
    expect(await excelCells(streamed)).toEqual(await excelCells(shared));
  });
});

describe("SharedStrings", () => {
  test("numbers texts in first-use order, counts every reference, and takes no new text past its cap", () => {
    const t = new SharedStrings(2);
    expect([t.id("甲"), t.id("乙"), t.id("甲"), t.id("丙"), t.repeat(t.id("乙")), t.repeat(-1)]).toEqual([0, 1, 0, -1, 1, -1]);
    const xml = [...t.xml("", "ns", (s) => `<t>${s}</t>`)].join("");
    expect(xml).toBe(`<sst xmlns="ns" count="5" uniqueCount="2"><si><t>甲</t></si><si><t>乙</t></si></sst>`);
  });
});

describe("sheet rows as bytes", () => {
  const utf8 = (b: Uint8Array, end: number) => Buffer.from(b.subarray(0, end)).toString("utf8");

  test("a plain text is written as its UTF-8 exactly when the inline writer would write it unescaped", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.nat(SPECIAL.length + 4).map((i) => [...SPECIAL, "", " ", "a b", "\u00a0x", "x\ufeff"][i])), (s) => {
        const buf = new Uint8Array(s.length * 3 + 8);
        const end = putPlainText(buf, 0, s);
        const plain = PLAIN_TEXT.test(s) && !/[\ud800-\udfff]/.test(s);
        expect(end >= 0).toBe(plain);
        if (plain) expect(utf8(buf, end)).toBe(s);
      }),
    );
  });

  test("a number is written as String(v) writes it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })), (v) => {
        const buf = new Uint8Array(32);
        expect(utf8(buf, putNumber(buf, 0, v))).toBe(String(v));
      }),
    );
    // Where an integer gains a digit (its digits are counted by comparison), and the ends of 32 bits.
    const edges = [2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 - 1];
    for (let d = 0; d <= 10; d++) edges.push(10 ** d - 1, 10 ** d, -(10 ** d) + 1, -(10 ** d));
    for (const v of edges) {
      const buf = new Uint8Array(32);
      expect(utf8(buf, putNumber(buf, 0, v))).toBe(String(v));
    }
  });

  test("a number's column width is what toFixed(2) (money) or String gives, without making the string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e6, max: 1e6 }).map((x) => Math.round(x * 1000) / 1000)), (v) => {
        expect(numberWidth(v, "money")).toBe(v.toFixed(2).length);
        for (const f of ["integer", "decimal", "general"] as const) expect(numberWidth(v, f)).toBe(String(v).length);
        expect(numberWidth(v, "percent")).toBe(6);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("column widths", () => {
  /** The widths as they were computed before (a pass per column, every number made a string). */
  function reference(table: SummaryTable): number[] {
    return table.columns.map((c, k) => {
      const max = c.maxWidth ?? 60;
      let w = displayWidth(c.header);
      for (const values of table.rows) {
        if (w + 2 >= max) break;
        const v = values[k];
        if (v === null || v === undefined) continue;
        w = Math.max(w, typeof v === "number" ? (c.format === "percent" ? 6 : c.format === "money" ? v.toFixed(2).length : String(v).length) : displayWidth(v));
      }
      return Math.min(max, Math.max(6, w + 2));
    });
  }

  test("are the widest value's (or the column's maximum), read row by row, integers measured at the end", () => {
    const format = fc.constantFrom("integer", "money", "decimal", "percent", "text", "general" as const);
    const cell = fc.oneof(fc.constant(null), fc.constant(0), fc.constant(-0), fc.integer(), fc.integer({ min: -99, max: 99 }), fc.double(), fc.string({ unit: "grapheme", maxLength: 40 }), fc.constantFrom("长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长", "是"));
    fc.assert(
      fc.property(fc.array(fc.record({ header: fc.string({ maxLength: 8 }), format, maxWidth: fc.option(fc.integer({ min: 6, max: 70 }), { nil: undefined }) }), { minLength: 1, maxLength: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 30 }), (columns, rows) => {
        const table: SummaryTable = { key: "detail", name: "t", title: "t", note: null, columns, rows: rows.map((r) => r.slice(0, columns.length)), freezeColumns: 0, marks: [] };
        const meter = new WidthMeter(table.columns);
        // Each cell as the writer gives it (sheet-rows.ts rowsXml): numbers and texts, a blank (null) not at all.
        for (const row of table.rows)
          row.forEach((v, k) => {
            if (typeof v === "number") meter.number(k, v);
            else if (typeof v === "string") meter.text(k, v);
          });
        expect(meter.widths()).toEqual(reference(table));
      }),
      { numRuns: 500 },
    );
  });
});
