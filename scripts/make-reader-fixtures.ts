/**
 * Workbooks for the lean .xlsx reader's differential test (tests/unit/io/read-xlsx.test.ts), in tests/fixtures/reader:
 * `npx tsx scripts/make-reader-fixtures.ts`. One workbook written by ExcelJS holds every cell shape a report can have
 * (numbers in many formats, dates, booleans, errors, rich text, escapes, formulas with and without a cached value,
 * hidden rows, columns and sheets, merges); SheetJS writes two more (inline and shared strings); LibreOffice, when
 * installed (Debian's libreoffice-calc-nogui), re-saves them as .xlsx and via .xls, as producers other than Excel do.
 * The outputs are committed, so tests never need LibreOffice. scripts/fixtures/reader-producers.ts adds one small
 * workbook from every producer we can run (openpyxl, ExcelJS, SheetJS in every format it writes, LibreOffice, Gnumeric).
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { makeProducerFixtures } from "./fixtures/reader-producers";

const OUT = join(__dirname, "..", "tests", "fixtures", "reader");

const VALUES: ExcelJS.CellValue[] = [
  1, 2.5, -3.25, 0.1 + 0.2, 1e-7, 123456789012, 339901101201, 1234567.891, 45000, 0.256, 0, true, false,
  "文字", " 前后空格 ", "a_x000D_b", "换行\n文字", "&<>\"'", "=不是公式",
  { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] },
  { formula: "1/0", result: { error: "#DIV/0!" } },
  { formula: "SUM(A3:A4)" } as ExcelJS.CellFormulaValue,
  { formula: 'A3&"x"', result: "1x" },
  { formula: "A3>0", result: true },
  new Date(Date.UTC(2025, 0, 15)), 12.345, -0.5, 99999.999, 2.675, 1.005,
];
const FORMATS = ["General", "0.00", "0.00_ ", "#,##0.00", "0%", "0.0%", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "@",
  '#,##0.00"万元"', "0.000E+00", "[Red]0.00;[Blue]-0.00", "m/d/yy", "h:mm:ss", "# ?/?", "0"];

async function exceljsBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet("填报说明");
  info.getCell("A1").value = "说明 & <注意>";
  info.state = "hidden";
  const ws = wb.addWorksheet("村级集体经济");
  ws.mergeCells("A1:F1");
  ws.getCell("A1").value = "标题";
  VALUES.forEach((v, i) =>
    FORMATS.forEach((f, k) => {
      const c = ws.getCell(i + 3, k + 1);
      c.value = v;
      c.numFmt = f;
    }),
  );
  ws.getRow(5).hidden = true;
  ws.getColumn(3).hidden = true;
  ws.getCell("T50").value = "远处";
  ws.mergeCells("B40:D41");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A column filled down with one formula: Excel stores it once as a shared formula, which the lean reader leaves to SheetJS. */
async function sharedFormulaBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  for (let r = 1; r <= 4; r++) ws.getCell(r, 1).value = r * 10;
  ws.getCell("B1").value = { formula: "A1*2", shareType: "shared", ref: "B1:B4", result: 20 } as ExcelJS.CellFormulaValue;
  for (let r = 2; r <= 4; r++) ws.getCell(r, 2).value = { sharedFormula: "B1", result: r * 20 } as ExcelJS.CellSharedFormulaValue;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheetjsBook(sst: boolean): Buffer {
  const ws = XLSX.utils.aoa_to_sheet([["标题", null, "x&y"], [1, 2.5, "是"], [true, "#N/A", 339901101201], [null, null, 0.0001]]);
  (ws.C3 as XLSX.CellObject).z = "0";
  ws["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
  ws["!rows"] = [{}, { hidden: true }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "表1");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: sst });
}

function soffice(input: string, to: "xlsx" | "xls", outName: string): void {
  const dir = mkdtempSync(join(tmpdir(), "xiaobo-lo-"));
  execFileSync("soffice", ["--headless", "--convert-to", to, "--outdir", dir, input], { stdio: "ignore", timeout: 120_000 });
  const produced = join(dir, input.replace(/^.*\//, "").replace(/\.\w+$/, "." + to));
  renameSync(produced, join(OUT, outName));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "exceljs.xlsx"), await exceljsBook());
  writeFileSync(join(OUT, "shared-formula.xlsx"), await sharedFormulaBook());
  writeFileSync(join(OUT, "sheetjs-inline.xlsx"), sheetjsBook(false));
  writeFileSync(join(OUT, "sheetjs-shared.xlsx"), sheetjsBook(true));
  await makeProducerFixtures(join(OUT, "producers"));
  const hasSoffice = (() => {
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasSoffice) {
    console.log("LibreOffice (soffice) not found: keeping the committed LibreOffice re-saves as they are.");
    return;
  }
  soffice(join(OUT, "exceljs.xlsx"), "xlsx", "libreoffice.xlsx");
  soffice(join(OUT, "exceljs.xlsx"), "xls", "libreoffice.xls");
  soffice(join(OUT, "libreoffice.xls"), "xlsx", "libreoffice-via-xls.xlsx");
  for (const f of ["libreoffice.xlsx", "libreoffice.xls", "libreoffice-via-xls.xlsx"]) if (!existsSync(join(OUT, f))) throw new Error(f);
  console.log(`written to ${OUT}`);
}

void main();
