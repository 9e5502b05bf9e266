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

/** Column widths that fit the text (Chinese counts double), within the column's maximum. */
function columnWidths(table: SummaryTable): number[] {
  return table.columns.map((c, k) => {
    let w = displayWidth(c.header);
    for (const values of table.rows) {
      const v = values[k];
      if (v === null || v === undefined) continue;
      w = Math.max(w, typeof v === "number" ? (c.format === "percent" ? 6 : c.format === "money" ? v.toFixed(2).length : String(v).length) : displayWidth(v));
    }
    return Math.min(c.maxWidth ?? 60, Math.max(6, w + 2));
  });
}

/**
 * A sheet: merged title row, optional merged note row, frozen header row, data rows, marks, fitted widths.
 * Rows are written top to bottom and, with `commit`, handed to the streaming writer as soon as they are done, so
 * a 200,000-village county does not sit in memory as styled cell objects.
 */
function addTable(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, table: SummaryTable, commit: boolean): void {
  const n = table.columns.length;
  const headerRow = table.note !== null ? 3 : 2;
  const first = headerRow + 1;
  const ws = wb.addWorksheet(table.name, {
    views: [{ state: "frozen", xSplit: table.freezeColumns, ySplit: headerRow, topLeftCell: `${colName(table.freezeColumns)}${first}` }],
  });
  ws.columns = columnWidths(table).map((width) => ({ width }));
  const done = (row: ExcelJS.Row) => commit && row.commit();

  const title = ws.getRow(1);
  title.getCell(1).value = safeText(table.title);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  title.height = 24;
  ws.mergeCells(1, 1, 1, n);
  done(title);
  if (table.note !== null) {
    const note = ws.getRow(2);
    note.getCell(1).value = safeText(table.note);
    ws.mergeCells(2, 1, 2, n);
    done(note);
  }
  const header = ws.getRow(headerRow);
  table.columns.forEach((c, k) => {
    const cell = header.getCell(k + 1);
    cell.value = safeText(c.header);
    cell.style = HEADER_STYLE;
  });
  done(header);

  // One shared style object per column (and per mark): ExcelJS dedupes styles by object, so millions of cells
  // do not each carry their own copy.
  const columnStyle = table.columns.map((c): Partial<ExcelJS.Style> => (c.format === "general" ? { border: BORDER } : { border: BORDER, numFmt: NUMBER_FORMATS[c.format] }));
  const marks = new Map<number, Map<number, CellMark>>();
  for (const m of table.marks) {
    const row = marks.get(m.row) ?? new Map<number, CellMark>();
    row.set(m.column, m.mark);
    marks.set(m.row, row);
  }
  table.rows.forEach((values, r) => {
    const row = ws.getRow(first + r);
    const rowMarks = marks.get(r);
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = typeof v === "string" ? safeText(v) : v;
      const mark = rowMarks?.get(k);
      cell.style = mark ? markStyle(columnStyle[k], mark) : columnStyle[k];
    });
    done(row);
  });
  if (commit) ws.commit();
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: FILL.header,
  border: BORDER,
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
};

const markStyles = new Map<string, Partial<ExcelJS.Style>>();
function markStyle(base: Partial<ExcelJS.Style>, mark: CellMark): Partial<ExcelJS.Style> {
  const key = `${base.numFmt ?? ""}|${mark}`;
  let style = markStyles.get(key);
  if (!style) {
    style = { ...base, fill: FILL[mark] };
    if (mark === "red") style.font = { bold: true, color: { argb: "FFFFFFFF" } };
    else if (mark === "yellow" || mark === "total") style.font = { bold: true };
    if (mark === "red" || mark === "yellow") style.alignment = { horizontal: "center" };
    markStyles.set(key, style);
  }
  return style;
}

function colName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The county summary workbook: 乡镇汇总 (per township + 全县合计, ranks, red/yellow flags), 村级明细, 报送情况,
 * 审核问题, 未汇总行 — the tables of summaryTables(), styled. Works in Node and in a browser bundle (writeBuffer).
 */
export async function writeSummaryWorkbook(summary: CountySummary, options: SummaryWorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t("app.name", {}, summary.locale);
  for (const table of summaryTables(summary, options)) addTable(wb, table, false);
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

/**
 * The same workbook streamed to a file (Node only: the CLI). Rows are committed as they are written, so memory
 * stays flat however large the county is.
 */
export async function streamSummaryWorkbook(
  summary: CountySummary,
  stream: NodeJS.WritableStream,
  options: SummaryWorkbookOptions = {},
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: stream as unknown as import("stream").Stream, useStyles: true, useSharedStrings: false });
  wb.creator = t("app.name", {}, summary.locale);
  for (const table of summaryTables(summary, options)) {
    addTable(wb, table, true);
  }
  await wb.commit();
}
