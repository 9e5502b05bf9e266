import { readdirSync, readFileSync, statSync } from "fs";
import { basename, join } from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { address, cellAt, type Book } from "../../../addin/grid";
import { decodeText, readBook, UnreadableError, type UnreadableReason } from "../../../addin/io";
import { boundedInflate, readBookFile } from "../../../addin/io/node";
import { makeZip } from "./zip-helper";

const SAMPLES = join(__dirname, "../../../samples/submissions");
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(SAMPLES, f)));

function reason(fn: () => unknown): UnreadableReason | "none" {
  try {
    fn();
    return "none";
  } catch (e) {
    if (e instanceof UnreadableError) return e.reason;
    throw e;
  }
}

async function excelBook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("表1"), wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("reading real submissions", () => {
  test(".xlsx: values as stored, displayed text, formats, the title and two-level header merges, cached 合计", async () => {
    const book = await readBookFile(join(SAMPLES, "东湖镇.xlsx"));
    expect(book).toMatchObject({ file: "东湖镇.xlsx", format: "xlsx" });
    const g = book.sheets[0];
    expect(g.name).toBe("村级集体经济");
    expect(cellAt(g, 0, 0)?.value).toBe("东湖镇村级集体经济发展情况统计表（2026年度）");
    expect(g.merges).toEqual(expect.arrayContaining([
      { top: 0, left: 0, bottom: 0, right: 10 }, // title
      { top: 2, left: 4, bottom: 2, right: 6 }, // 集体经济收入 over three columns
      { top: 2, left: 0, bottom: 3, right: 0 }, // 序号 down two rows
    ]));
    expect(cellAt(g, 4, 1)).toMatchObject({ value: "339901101201", text: "339901101201", format: "@" });
    const total = cellAt(g, 22, 4)!;
    expect(total.formula).toBe("SUM(E5:E22)");
    expect(typeof total.value).toBe("number");
    expect(total.text).toMatch(/^\d+\.\d\d$/);
  });

  test(".xls (BIFF8) reads the same cells and merges as the .xlsx it was saved from", async () => {
    const xlsxBytes = bytesOf("东湖镇.xlsx");
    const wb = XLSX.read(xlsxBytes, { type: "array", cellNF: true, cellStyles: true });
    const xlsBytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }) as ArrayBuffer);
    const a = readBook(xlsxBytes, "a.xlsx").sheets[0];
    const b = readBook(xlsBytes, "a.xls").sheets[0];
    expect(readBook(xlsBytes, "a.xls").format).toBe("xls");
    expect(b.merges).toEqual(expect.arrayContaining(a.merges));
    for (let r = 0; r < a.rowCount; r++)
      for (let c = 0; c < a.colCount; c++) expect([address(r, c), cellAt(b, r, c)?.value ?? null]).toEqual([address(r, c), cellAt(a, r, c)?.value ?? null]);
  });

  test("a GBK CSV without BOM is decoded to the right Chinese, fields kept as text", () => {
    const book = readBook(bytesOf("白云乡.csv"), "白云乡.csv");
    expect(book.format).toBe("csv");
    const g = book.sheets[0];
    expect(g.name).toBe("白云乡");
    expect(cellAt(g, 0, 0)?.value).toBe("白云乡村级集体经济发展情况统计表（2026年度）");
    expect(cellAt(g, 4, 1)).toEqual({ value: "339901202201", text: "339901202201" });
  });

  test("decodeText: BOM UTF-8, plain UTF-8, GB18030, UTF-16LE", () => {
    const s = "村（社区）名称,总收入";
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s)]))).toBe(s);
    expect(decodeText(new Uint8Array(Buffer.from(s)))).toBe(s);
    expect(decodeText(new Uint8Array(iconv.encode(s, "gbk")))).toBe(s);
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...iconv.encode(s, "utf16le")]))).toBe(s);
  });

  test("tab-separated text is split on tabs", () => {
    const g = readBook(new Uint8Array(Buffer.from("村代码\t村名称\n339901101201\t黄埠村\n")), "x.csv").sheets[0];
    expect(cellAt(g, 1, 1)?.value).toBe("黄埠村");
  });

  test("hidden rows and columns, hidden sheets, formula errors", async () => {
    const bytes = await excelBook((ws, wb) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getRow(2).hidden = true;
      ws.getColumn(3).hidden = true;
      ws.getCell("B1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      wb.addWorksheet("隐藏", { state: "hidden" });
    });
    const book = readBook(bytes, "x.xlsx");
    const g = book.sheets[0];
    expect(g.hiddenRows).toEqual([1]);
    expect(g.hiddenCols).toEqual([2]);
    expect(cellAt(g, 0, 1)).toMatchObject({ error: "#DIV/0!", value: null, formula: "1/0" });
    expect(cellAt(g, 1, 1)).toMatchObject({ error: "#REF!", value: null });
    expect(book.sheets[1]).toMatchObject({ name: "隐藏", hidden: true });
  });

  test("a sheet named __proto__ is just a sheet", async () => {
    const bytes = await excelBook((ws, wb) => {
      ws.getCell("A1").value = "x";
      wb.addWorksheet("__proto__").getCell("A1").value = "y";
      wb.addWorksheet("constructor").getCell("A1").value = "z";
    });
    const book = readBook(bytes, "x.xlsx");
    expect(book.sheets.map((s) => s.name)).toEqual(["表1", "__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
    expect(cellAt(book.sheets[1], 0, 0)?.value).toBe("y");
  });
});

describe("readBookFile reads one file after another into one buffer", () => {
  test("each Book is what its own bytes give, whatever was read after it (no Book keeps a view of the buffer)", async () => {
    const roots = ["../../fixtures", "../../../samples"].map((d) => join(__dirname, d));
    const files = roots.flatMap((root) => readdirSync(root, { recursive: true, encoding: "utf8" }).map((f) => join(root, f)));
    // Largest first: the buffer is made once, for the first, and every later file overwrites what the first left there.
    const spreadsheets = files.filter((f) => /\.(xlsx|xls|csv)$/i.test(f)).sort((a, b) => statSync(b).size - statSync(a).size);
    expect(spreadsheets.length).toBeGreaterThan(40);
    const outcome = async (read: () => Promise<Book>) => {
      try {
        return await read();
      } catch (e) {
        if (e instanceof UnreadableError) return e.reason;
        throw e;
      }
    };
    const inTurn = [];
    for (const f of spreadsheets) inTurn.push(await outcome(() => readBookFile(f)));
    for (const [i, f] of spreadsheets.entries()) {
      const alone = await outcome(async () => readBook(new Uint8Array(readFileSync(f)), basename(f), {}, boundedInflate));
      expect(inTurn[i]).toEqual(alone);
    }
    expect(inTurn.filter((b) => typeof b !== "string").length).toBeGreaterThan(30);
  });
});

describe("files that are not readable spreadsheets", () => {
  test("empty, text renamed .xlsx, a PNG renamed .xls", () => {
    expect(reason(() => readBook(new Uint8Array(), "空.xlsx"))).toBe("empty");
    expect(reason(() => readBook(new Uint8Array(Buffer.from("这不是表格，只是一段说明文字。")), "说明.xlsx"))).toBe("not-spreadsheet");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
    expect(reason(() => readBook(png, "照片.xls"))).toBe("not-spreadsheet");
  });

  test("text renamed .xlsx is read only when it looks like a table, not because its first line has a comma", () => {
    const letter = "各位领导, 您好：\n附件是我镇今年的报表，请查收。\n如有问题请联系我，谢谢！\n张三\n";
    expect(reason(() => readBook(new Uint8Array(Buffer.from(letter)), "东湖镇.xlsx"))).toBe("not-spreadsheet");
    expect(reason(() => readBook(new Uint8Array(Buffer.from("村代码,村名称\n")), "东湖镇.xlsx"))).toBe("not-spreadsheet");
    // A GBK CSV saved under a .xlsx name, title row padded with commas as Excel writes it: read as CSV.
    const csv = iconv.encode("东湖镇统计表,,\n村代码,村名称,总收入\n339901101201,黄埠村,52.3\n339901101202,后口村,20\n", "gbk");
    const book = readBook(new Uint8Array(csv), "东湖镇.xlsx");
    expect(book.format).toBe("csv");
    expect(cellAt(book.sheets[0], 2, 1)?.value).toBe("黄埠村");
  });

  test("a .xlsx cut short in transfer is truncated", () => {
    const bytes = bytesOf("东湖镇.xlsx");
    expect(reason(() => readBook(bytes.subarray(0, Math.floor(bytes.length / 2)), "东湖镇.xlsx"))).toBe("truncated");
  });

  test("a password-protected workbook is encrypted, with a message saying to remove the password", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer);
    try {
      readBook(bytes, "加密.xlsx");
      throw new Error("should not read");
    } catch (e) {
      expect(e).toBeInstanceOf(UnreadableError);
      expect((e as UnreadableError).reason).toBe("encrypted");
      expect((e as UnreadableError).message).toContain("“加密.xlsx”设置了打开密码");
    }
  });

  test("zip bombs fail fast: an absurd ratio by the directory alone, a lying size by bounded inflation", () => {
    const honest = makeZip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
    ]);
    expect(honest.length).toBeLessThan(200 * 1024);
    expect(reason(() => readBook(honest, "炸弹.xlsx"))).toBe("zip-bomb");

    const liar = makeZip([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 10_000 },
    ]);
    expect(reason(() => readBook(liar, "炸弹.xlsx", {}, boundedInflate))).toBe("zip-bomb");
  });

  test("a zip that is not a workbook (e.g. a .docx) is not-spreadsheet", () => {
    expect(reason(() => readBook(makeZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]), "报告.xlsx"))).toBe("not-spreadsheet");
  });

  test("size and row limits", () => {
    expect(reason(() => readBook(bytesOf("东湖镇.xlsx"), "x.xlsx", { maxBytes: 1000 }))).toBe("too-large");
    expect(reason(() => readBook(bytesOf("东湖镇.xlsx"), "x.xlsx", { maxRows: 10 }))).toBe("too-many-cells");
    expect(reason(() => readBook(bytesOf("白云乡.csv"), "x.csv", { maxRows: 10 }))).toBe("too-many-cells");
  });

  test("fuzz: a damaged file is a Book or an UnreadableError, never anything else", () => {
    const base = bytesOf("东湖镇.xlsx");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: base.length - 1 }), fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (cut, flips) => {
        const bytes = base.slice(0, cut);
        for (const [i, b] of flips) if (i < bytes.length) bytes[i] = b;
        let out: Book | UnreadableError;
        try {
          out = readBook(bytes, "损坏.xlsx", {}, boundedInflate);
        } catch (e) {
          out = e as UnreadableError;
        }
        return out instanceof UnreadableError || (Array.isArray(out.sheets) && out.file === "损坏.xlsx");
      }),
      { numRuns: 150 },
    );
  });
});
