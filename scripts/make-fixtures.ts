/**
 * Writes tests/fixtures/ reproducibly (fixed seeds and content): `npm run fixtures`. The files are committed; the
 * expected problems of each are asserted, code and cell, by tests/integration/fixtures.test.ts.
 *
 * - clean/: Template 1 files of demo-county townships as the county's template writes them (Excel-like .xlsx), an
 *   old-Excel .xls (BIFF8) and a CSV saved by Chinese Excel (GBK, no BOM).
 * - libreoffice/: the clean .xlsx re-saved by LibreOffice (headless) as .xlsx and .xls: another producer. Made only
 *   when `soffice` is installed (Debian: libreoffice-calc-nogui); otherwise the committed files are kept and a
 *   note says so, so CI never needs LibreOffice.
 * - real/: one file per "what real submissions look like" case of the domain notes (Template 1), plus a file with
 *   the usual hand-made faults and one with formulas saved without their values.
 * - unreadable/: files that are not spreadsheets, and hostile ones (encrypted, truncated, a zip bomb, a sheet
 *   named __proto__).
 *
 * Content is reproducible; bytes are not quite (the writers stamp dates into the zip), which is fine for fixtures.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeZip } from "../tests/unit/io/zip-helper";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { writeTemplateWorkbook, type LayoutColumn, type LayoutValue } from "../addin/io/template-workbook";
import type { RegistryTownship } from "../addin/templates";
import { money, registry, template, title, villageRows, xlsx, YEAR } from "./make-samples";
import { writeModelVillageFixtures } from "./fixtures/model-village";

const OUT = join(__dirname, "..", "tests", "fixtures");
type Rows = Record<string, LayoutValue>[];

const township = (name: string): RegistryTownship => registry.townships.find((t) => t.name === name)!;
const columns = (): LayoutColumn[] => template.columns.map((c) => ({ ...c }));

function write(path: string, bytes: Uint8Array | Buffer | string): void {
  const full = join(OUT, path);
  mkdirSync(join(full, ".."), { recursive: true });
  writeFileSync(full, bytes);
}

/** A workbook from writeTemplateWorkbook with the township's title and the given layout. */
function workbook(tw: RegistryTownship, rows: Rows, extra: { columns?: LayoutColumn[]; sheetName?: string; instructionsSheet?: boolean } = {}) {
  return writeTemplateWorkbook({
    title: title(tw),
    township: tw.name,
    columns: extra.columns ?? columns(),
    rows,
    date: `${YEAR}年12月20日`,
    sheetName: extra.sheetName,
    instructionsSheet: extra.instructionsSheet,
  });
}

/** Opens bytes in ExcelJS, lets `edit` change the data sheet, returns the new bytes (cells only: no row moves). */
async function edit(bytes: Uint8Array, fn: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  fn(wb.getWorksheet("村级集体经济")!);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The 合计 row's cached SUM results as Excel computes them: text cells are not added. */
function recalcTotals(ws: ExcelJS.Worksheet, first: number, last: number, totalRow: number, cols: number[]): void {
  for (const c of cols) {
    let cents = 0;
    for (let r = first; r <= last; r++) {
      const v = ws.getCell(r, c).value;
      if (typeof v === "number") cents += Math.round(v * 100);
    }
    const cell = ws.getCell(totalRow, c);
    cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: cents / 100 } as ExcelJS.CellFormulaValue;
  }
}


/**
 * Extra rows above the title (附件 2, the county's heading): shifts every cell, merge and the 合计 SUM formulas of the
 * clean workbook down, through SheetJS (ExcelJS does not move merges when inserting rows).
 */
function withRowsAbove(bytes: Uint8Array, lines: string[]): Uint8Array {
  const wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true, cellStyles: true });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  const k = lines.length;
  const shifted: XLSX.WorkSheet = {};
  for (const [addr, cell] of Object.entries(ws)) {
    if (addr.startsWith("!")) continue;
    const { r, c } = XLSX.utils.decode_cell(addr);
    const moved = { ...(cell as XLSX.CellObject) };
    if (moved.f) moved.f = moved.f.replace(/([A-Z]+)(\d+)/g, (_, col: string, row: string) => `${col}${Number(row) + k}`);
    shifted[XLSX.utils.encode_cell({ r: r + k, c })] = moved;
  }
  lines.forEach((text, r) => (shifted[XLSX.utils.encode_cell({ r, c: 0 })] = { t: "s", v: text }));
  shifted["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: range.e.r + k, c: range.e.c } });
  shifted["!merges"] = (ws["!merges"] ?? []).map((m) => ({ s: { r: m.s.r + k, c: m.s.c }, e: { r: m.e.r + k, c: m.e.c } }));
  shifted["!cols"] = ws["!cols"];
  wb.Sheets[wb.SheetNames[0]] = shifted;
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

async function clean(): Promise<Uint8Array> {
  // Three townships as the county's own template writes them, the first also saved as .xls and as a GBK CSV.
  let seed = 7001;
  for (const name of ["东湖镇", "西山镇", "南溪镇"]) write(`clean/${name}.xlsx`, await xlsx(township(name), villageRows(township(name), seed++)));
  const beiling = await xlsx(township("北岭乡"), villageRows(township("北岭乡"), seed++));
  const xls = XLSX.read(beiling, { type: "array", cellStyles: true, cellNF: true });
  write("clean/北岭乡.xls", XLSX.write(xls, { type: "buffer", bookType: "biff8" }));
  const baiyun = XLSX.read(await xlsx(township("白云乡"), villageRows(township("白云乡"), seed++)), { type: "array" });
  const csv = XLSX.utils.sheet_to_csv(baiyun.Sheets[baiyun.SheetNames[0]], { RS: "\r\n" });
  write("clean/白云乡.csv", iconv.encode(csv + "\r\n", "gbk"));
  return xlsx(township("东湖镇"), villageRows(township("东湖镇"), 7001));
}

async function real(): Promise<void> {
  const tw = township("东湖镇");
  const rows = () => villageRows(tw, 7001);

  // Headers with stray spaces, line breaks, half-width brackets and synonyms: all mapped, nothing to report.
  const messy = columns().map((c) => {
    const header: Record<string, string> = {
      villageCode: "村(社区)代码",
      villageName: "行政村\n名称",
      weakBaseline: " 是否薄弱村 ",
      totalIncome: "总 收 入",
      operatingIncome: "经营性\r\n收入",
      eliminated: "是否已消薄 ",
      remarks: "备　注",
    };
    return { ...c, header: header[c.key] ?? c.header };
  });
  write("real/表头不规范.xlsx", await workbook(tw, rows(), { columns: messy }));
  const synonyms = columns().map((c) => ({ ...c, header: ({ villageName: "村名称", villageCode: "统计用区划代码", seq: "编号" } as Record<string, string>)[c.key] ?? c.header }));
  write("real/表头同义词.xlsx", await workbook(tw, rows(), { columns: synonyms }));

  // Columns moved (名称 before 代码, 备注 second), one added (联系人), optional ones dropped (序号, 主要增收途径).
  const byKey = Object.fromEntries(columns().map((c) => [c.key, c]));
  const moved: LayoutColumn[] = [
    byKey.villageName,
    byKey.remarks,
    byKey.villageCode,
    { key: "contact", header: "联系人", type: "text" },
    byKey.weakBaseline,
    byKey.totalIncome,
    byKey.operatingIncome,
    byKey.subsidyIncome,
    byKey.eliminated,
    byKey.eliminatedYear,
  ];
  write("real/列顺序变动.xlsx", await workbook(tw, rows().map((r, i) => ({ ...r, contact: i % 2 ? "王会计" : null })), { columns: moved }));
  // A required column dropped: missing-column.
  write("real/缺少必填列.xlsx", await workbook(tw, rows(), { columns: columns().filter((c) => c.key !== "operatingIncome") }));

  // Codes saved as numbers (General format): Excel shows 3.39901E+11 but the digits are intact.
  const numeric = columns().map((c) => (c.key === "villageCode" ? { ...c, type: "integer" } : c));
  const codeNumbers = rows().map((r) => ({ ...r, villageCode: Number(r.villageCode) }));
  write("real/代码存为数字.xlsx", await edit(await workbook(tw, codeNumbers, { columns: numeric }), (ws) => {
    for (let r = 5; r < 5 + codeNumbers.length; r++) ws.getCell(r, 2).numFmt = "General";
  }));
  // A code mangled into the text 3.39901E+11 (pasted from a General column): its digits are gone.
  write("real/代码科学计数法.xlsx", await edit(await workbook(tw, rows()), (ws) => (ws.getCell("B6").value = "3.39901E+11")));

  // Numbers typed as text: 12.5万元, full-width １２.５, 1,234.00 (and Excel's SUM in 合计 leaves text out).
  const textRows = rows();
  write("real/文本型数字.xlsx", await edit(await workbook(tw, textRows), (ws) => {
    ws.getCell("E5").value = `${textRows[0].totalIncome}万元`;
    ws.getCell("F6").value = String(textRows[1].operatingIncome).replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    ws.getCell("G7").value = Number(textRows[2].subsidyIncome).toLocaleString("en-US", { minimumFractionDigits: 2 });
    recalcTotals(ws, 5, 4 + textRows.length, 5 + textRows.length, [5, 6, 7]);
  }));
  // The same, with the 合计 typed in by hand as the correct figures: only the text-number warnings are left.
  write("real/文本型数字_合计手填.xlsx", await edit(await workbook(tw, textRows), (ws) => {
    ws.getCell("E5").value = `${textRows[0].totalIncome}万元`;
    ws.getCell("F6").value = String(textRows[1].operatingIncome).replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    ws.getCell("G7").value = Number(textRows[2].subsidyIncome).toLocaleString("en-US", { minimumFractionDigits: 2 });
  }));

  // Extra title rows above the county's title.
  write("real/多余标题行.xlsx", withRowsAbove(await workbook(tw, rows()), ["附件2", "示例县2026年度消除集体经济薄弱村工作台账"]));
  // An instructions sheet (填表说明) before the data sheet.
  write("real/说明页在前.xlsx", await workbook(tw, rows(), { instructionsSheet: true }));

  // A file with the usual faults of hand-kept tables, each at a known cell.
  const faulty = rows();
  write("real/常见错误.xlsx", await edit(await workbook(tw, faulty), (ws) => {
    ws.getCell("F5").value = money((faulty[0].totalIncome as number) + 5); // 经营性收入 > 总收入 (rule)
    ws.getCell("E6").value = 52.345; // three decimals (decimals)
    ws.getCell("G8").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue; // formula-error
    for (let c = 1; c <= 11; c++) ws.getCell(10, c).value = null; // a blank row inside the table: 1 village left out
    ws.getRow(12).hidden = true; // hidden-row
    ws.getCell("B14").value = ws.getCell("B13").value; // the same village twice (duplicate-village; its own one missing)
    ws.getCell("D15").value = ws.getCell("D15").value === "是" ? "否" : "是"; // 薄弱村基数 changed (registry-mismatch)
    ws.getCell("C16").value = "不存在村"; // name differs from the registry
    ws.getCell("J17").value = "外出务工"; // not an option of 主要增收途径 (enum)
    recalcTotals(ws, 5, 4 + faulty.length, 5 + faulty.length, [5, 6, 7]);
  }));
  // A 小计 row after the first 8 villages (skipped, not a village, not added into 合计). As Excel users build it:
  // 小计 and 合计 are SUBTOTAL(9, …), which leaves other SUBTOTALs out, so 合计 is the villages' sum.
  const withSub: Rows = [...rows().slice(0, 8), { seq: "小计" }, ...rows().slice(8)];
  write("real/含小计行.xlsx", await edit(await workbook(tw, withSub), (ws) => {
    const last = 4 + withSub.length;
    for (const c of [5, 6, 7]) {
      const L = "ABCDEFG"[c - 1];
      const cents = (from: number, to: number) => {
        let n = 0;
        for (let r = from; r <= to; r++) if (r !== 13) n += Math.round((ws.getCell(r, c).value as number) * 100);
        return n / 100;
      };
      ws.getCell(13, c).value = { formula: `SUBTOTAL(9,${L}5:${L}12)`, result: cents(5, 12) } as ExcelJS.CellFormulaValue;
      ws.getCell(last + 1, c).value = { formula: `SUBTOTAL(9,${L}5:${L}${last})`, result: cents(5, last) } as ExcelJS.CellFormulaValue;
    }
  }));

  // Written by a program that saves formulas without their results (never opened in Excel): the 合计 has no values.
  write("real/公式无计算结果.xlsx", await edit(await workbook(tw, rows()), (ws) => {
    for (const c of [5, 6, 7]) {
      const cell = ws.getCell(5 + rows().length, c);
      cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
    }
  }));

  // .xls saved by old Excel / WPS, and a GBK CSV, with a fault each (the clean ones are in clean/).
  const xlsRows = rows();
  xlsRows[2].operatingIncome = money((xlsRows[2].totalIncome as number) + 1);
  const xlsBook = XLSX.read(await xlsx(tw, xlsRows), { type: "array", cellStyles: true, cellNF: true });
  write("real/旧版Excel.xls", XLSX.write(xlsBook, { type: "buffer", bookType: "biff8" }));
  const csvBook = XLSX.read(await xlsx(tw, rows()), { type: "array" });
  const csvText = XLSX.utils.sheet_to_csv(csvBook.Sheets[csvBook.SheetNames[0]], { RS: "\r\n" }).split("\r\n");
  const cells = csvText[5].split(",");
  cells[4] = `${cells[4]}万元`;
  csvText[5] = cells.join(",");
  write("real/GBK编码.csv", iconv.encode(csvText.join("\r\n") + "\r\n", "gbk"));

  // __proto__ as the data sheet's name: just a name.
  write("real/__proto__表名.xlsx", await workbook(tw, rows(), { sheetName: "__proto__" }));
}

async function unreadable(cleanBytes: Uint8Array): Promise<void> {
  // A letter saved as .xlsx (its first line has a comma), a photo renamed .xls, a Word document renamed .xlsx.
  write("unreadable/说明信.xlsx", iconv.encode("各位领导, 您好：\r\n附件是我镇今年的报表，请查收。\r\n如有问题请联系我，谢谢！\r\n东湖镇 张三\r\n", "gbk"));
  write("unreadable/照片.xls", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
  write("unreadable/工作总结.xlsx", makeZip([
    { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: "word/document.xml", data: Buffer.from("<w:document/>") },
  ]));
  write("unreadable/空文件.xlsx", Buffer.alloc(0));
  // Hostile: a password-protected (encrypted) workbook, a file cut short, a zip bomb (20 MB of spaces in ~20 KB).
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 7));
  write("unreadable/加密.xlsx", Buffer.from(XLSX.CFB.write(cfb, { type: "array" }) as ArrayBuffer));
  write("unreadable/传输中断.xlsx", cleanBytes.subarray(0, Math.floor(cleanBytes.length / 2)));
  write("unreadable/压缩炸弹.xlsx", makeZip([
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
  ]));
}

/** The clean .xlsx re-saved by LibreOffice as .xlsx and .xls, when soffice is installed. */
function libreoffice(): void {
  const probe = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    process.stdout.write("soffice not found: tests/fixtures/libreoffice/ kept as committed (apt-get install libreoffice-calc-nogui to remake it)\n");
    return;
  }
  const out = join(OUT, "libreoffice");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "xiaobo-lo-"));
  const work = mkdtempSync(join(tmpdir(), "xiaobo-lo-in-"));
  copyFileSync(join(OUT, "clean", "东湖镇.xlsx"), join(work, "东湖镇.xlsx"));
  copyFileSync(join(OUT, "clean", "西山镇.xlsx"), join(work, "西山镇.xlsx"));
  for (const [format, file] of [["xlsx", "东湖镇.xlsx"], ["xls", "东湖镇.xlsx"], ["xls", "西山镇.xlsx"]]) {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", out, join(work, file)], { stdio: "ignore" });
  }
  rmSync(profile, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(`LibreOffice (${probe.stdout.trim()}) re-saved: ${readdirSync(out).join(", ")}\n`);
}

async function main(): Promise<void> {
  for (const dir of ["clean", "real", "unreadable"]) rmSync(join(OUT, dir), { recursive: true, force: true });
  const cleanBytes = await clean();
  await real();
  await unreadable(cleanBytes);
  libreoffice();
  await (await import("./fixtures/party-review")).writePartyReviewFixtures();
  await writeModelVillageFixtures();
  await (await import("./fixtures/custom-template")).writeCustomTemplateFixtures();
  if (!existsSync(join(OUT, "libreoffice"))) process.stdout.write("note: tests/fixtures/libreoffice/ is missing\n");
  process.stdout.write(`fixtures written to ${OUT}\n`);
}

void main();
