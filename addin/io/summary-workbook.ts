import ExcelJS from "exceljs";
import { t } from "../i18n";
import { NUMBER_FORMATS, summaryTables, type CellMark, type CountySummary, type SummaryTable } from "../merge";

export interface SummaryWorkbookOptions {
  /** County name for the titles (default: the registry's, else none). */
  county?: string;
  /** The report year, shown in the title as “{year}年度”. */
  year?: number;
}

const FILL: Record<CellMark | "header", ExcelJS.FillPattern> = {
  header: solid("FFD9E1F2"),
  total: solid("FFF2F2F2"),
  red: solid("FFFF0000"),
  yellow: solid("FFFFFF00"),
  error: solid("FFFFC7CE"),
  warning: solid("FFFFEB9C"),
};
const THIN = { style: "thin" as const, color: { argb: "FF999999" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(argb: string): ExcelJS.FillPattern {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

/**
 * Every string goes in as a string cell (t="s"): ExcelJS writes a JS string as text, and this writer never builds a
 * { formula } value, so text starting with =, +, -, @, tab or CR is shown, never executed (tests read the file back
 * to check). Control characters other than tab/LF/CR are dropped (they would make the XML invalid).
 */
function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

/** Display width of a text in Excel column units: CJK and full-width characters count double. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 && c !== 0xfeff ? 2 : 1;
  }
  return w;
}

/** A sheet: merged title row, optional merged note row, frozen header row, data rows, marks, fitted widths. */
function addTable(wb: ExcelJS.Workbook, table: SummaryTable): void {
  const ws = wb.addWorksheet(table.name);
  const n = table.columns.length;
  ws.getCell(1, 1).value = safeText(table.title);
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 24;
  let headerRow = 2;
  if (table.note !== null) {
    ws.getCell(2, 1).value = safeText(table.note);
    ws.mergeCells(2, 1, 2, n);
    headerRow = 3;
  }
  const header = ws.getRow(headerRow);
  table.columns.forEach((c, k) => {
    const cell = header.getCell(k + 1);
    cell.value = safeText(c.header);
    cell.font = { bold: true };
    cell.fill = FILL.header;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  const first = headerRow + 1;
  table.rows.forEach((values, r) => {
    const row = ws.getRow(first + r);
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = typeof v === "string" ? safeText(v) : v;
      const format = table.columns[k].format;
      if (format !== "general") cell.numFmt = NUMBER_FORMATS[format];
      cell.border = BORDER;
    });
  });
  for (const m of table.marks) {
    const cell = ws.getCell(first + m.row, m.column + 1);
    cell.fill = FILL[m.mark];
    if (m.mark === "red") cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    else if (m.mark === "yellow" || m.mark === "total") cell.font = { bold: true };
    if (m.mark === "red" || m.mark === "yellow") cell.alignment = { horizontal: "center" };
  }
  table.columns.forEach((c, k) => {
    let w = displayWidth(c.header);
    for (const values of table.rows) {
      const v = values[k];
      if (v === null || v === undefined) continue;
      w = Math.max(w, typeof v === "number" ? (c.format === "percent" ? 6 : c.format === "money" ? v.toFixed(2).length : String(v).length) : displayWidth(v));
    }
    ws.getColumn(k + 1).width = Math.min(c.maxWidth ?? 60, Math.max(6, w + 2));
  });
  ws.views = [
    { state: "frozen", xSplit: table.freezeColumns, ySplit: headerRow, topLeftCell: ws.getCell(first, table.freezeColumns + 1).address },
  ];
}

/**
 * The county summary workbook: 乡镇汇总 (per township + 全县合计, ranks, red/yellow flags), 村级明细, 报送情况,
 * 审核问题, 未汇总行 — the tables of summaryTables(), styled. Works in Node and in a browser bundle (writeBuffer).
 */
export async function writeSummaryWorkbook(summary: CountySummary, options: SummaryWorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("app.name", {}, summary.locale);
  for (const table of summaryTables(summary, options)) addTable(wb, table);
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}
