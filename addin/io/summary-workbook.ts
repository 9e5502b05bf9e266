import ExcelJS from "exceljs";
import { t, type MessageKey, type Params } from "../i18n";
// Type-only: the writer lays out the merge's CountySummary; nothing of addin/merge runs here.
import type { CountySummary, SubmittedFile, TownshipSummary } from "../merge";

export interface SummaryWorkbookOptions {
  /** County name for the titles (default: the registry's, else none). */
  county?: string;
  /** The report year, shown in the title as “{year}年度”. */
  year?: number;
}

type Cell = string | number | null;

const NUM = {
  money: "0.00",
  percent: "0.0%",
  integer: "0",
  text: "@",
} as const;

const FILL = {
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
 * Text that a spreadsheet could take for a formula (=, +, -, @, or a leading tab/CR) is written as a plain string
 * cell, never as a formula: ExcelJS writes every JS string as a string cell (t="s"), and this writer never builds
 * a { formula } value. Control characters other than tab/newline are dropped (they make the XML invalid).
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

interface Column {
  header: string;
  numFmt?: string;
  /** Minimum width (Excel units). */
  min?: number;
  max?: number;
}

/** Adds a sheet with a merged title row, an optional note row, a header row (frozen), and the data rows. */
function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  note: string | null,
  columns: Column[],
  rows: Cell[][],
  freezeColumns = 0,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const n = columns.length;
  ws.getCell(1, 1).value = safeText(title);
  ws.mergeCells(1, 1, 1, n);
  const titleCell = ws.getCell(1, 1);
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 24;
  let headerRow = 2;
  if (note !== null) {
    ws.getCell(2, 1).value = safeText(note);
    ws.mergeCells(2, 1, 2, n);
    ws.getCell(2, 1).alignment = { horizontal: "left" };
    headerRow = 3;
  }
  const header = ws.getRow(headerRow);
  columns.forEach((c, k) => {
    const cell = header.getCell(k + 1);
    cell.value = safeText(c.header);
    cell.font = { bold: true };
    cell.fill = FILL.header;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    values.forEach((v, k) => {
      const cell = row.getCell(k + 1);
      cell.value = typeof v === "string" ? safeText(v) : v;
      const fmt = columns[k].numFmt;
      if (fmt) cell.numFmt = fmt;
      cell.border = BORDER;
    });
  });
  columns.forEach((c, k) => {
    let w = displayWidth(c.header);
    for (const values of rows) {
      const v = values[k];
      if (v === null || v === undefined) continue;
      w = Math.max(w, typeof v === "number" ? String(c.numFmt === NUM.percent ? "100.0%" : v.toFixed(2)).length : displayWidth(v));
    }
    ws.getColumn(k + 1).width = Math.min(c.max ?? 60, Math.max(c.min ?? 6, w + 2));
  });
  ws.views = [{ state: "frozen", xSplit: freezeColumns, ySplit: headerRow, topLeftCell: ws.getCell(headerRow + 1, freezeColumns + 1).address }];
  return ws;
}

/**
 * The county summary workbook: 乡镇汇总 (per township + 全县合计, ranks, red/yellow flags), 村级明细,
 * 报送情况, 审核问题, 未汇总行. Works in Node and in a browser bundle (writeBuffer, no file system).
 */
export async function writeSummaryWorkbook(summary: CountySummary, options: SummaryWorkbookOptions = {}): Promise<Uint8Array> {
  const locale = summary.locale;
  const msg = (key: MessageKey, params: Params = {}) => t(key, params, locale);
  const county = options.county ?? summary.registry.county ?? "";
  const year = options.year !== undefined ? msg("merge.title.year", { year: options.year }) : "";
  const wb = new ExcelJS.Workbook();
  wb.creator = msg("app.name");
  wb.created = new Date(0);
  wb.modified = new Date(0);

  writeTownships(wb, summary, msg, county, year);
  writeDetail(wb, summary, msg, county);
  writeSubmissions(wb, summary, msg, county);
  writeIssues(wb, summary, msg);
  writeRejected(wb, summary, msg);

  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

type Msg = (key: MessageKey, params?: Params) => string;

function statusText(tw: TownshipSummary, msg: Msg): string {
  if (tw.status === "merged") return msg("merge.status.merged");
  if (tw.status === "missing") return msg("merge.status.missing");
  if (tw.failure === "duplicate") return msg("merge.failure.duplicate");
  if (tw.failure === "unreadable") return msg("merge.failure.unreadable");
  return msg("merge.failure.errors", { errors: tw.errorCount });
}

function writeTownships(wb: ExcelJS.Workbook, s: CountySummary, msg: Msg, county: string, year: string): void {
  const threshold = Number.isInteger(s.operatingThreshold) ? String(s.operatingThreshold) : s.operatingThreshold.toFixed(2);
  const columns: Column[] = [
    { header: msg("merge.col.seq"), numFmt: NUM.integer },
    { header: msg("merge.col.township") },
    { header: msg("merge.col.status") },
    { header: msg("merge.col.villages"), numFmt: NUM.integer },
    { header: msg("merge.col.reported"), numFmt: NUM.integer },
    { header: msg("merge.col.weakBaseline"), numFmt: NUM.integer },
    { header: msg("merge.col.eliminated"), numFmt: NUM.integer },
    { header: msg("merge.col.eliminationRate"), numFmt: NUM.percent },
    { header: msg("merge.col.target"), numFmt: NUM.integer },
    { header: msg("merge.col.taskCompletionRate"), numFmt: NUM.percent },
    { header: msg("merge.col.totalIncome"), numFmt: NUM.money },
    { header: msg("merge.col.operatingIncome"), numFmt: NUM.money },
    { header: msg("merge.col.averageOperating"), numFmt: NUM.money },
    { header: msg("merge.col.atThreshold", { threshold }), numFmt: NUM.integer, max: 14 },
    { header: msg("merge.col.atThresholdShare"), numFmt: NUM.percent },
    { header: msg("merge.col.rank"), numFmt: NUM.integer },
    { header: msg("merge.col.flag") },
  ];
  const flagText = (f: TownshipSummary["flag"]) => (f === "red" ? msg("merge.flag.red") : f === "yellow" ? msg("merge.flag.yellow") : null);
  const rows: Cell[][] = s.townships.map((tw, i) => [
    i + 1,
    tw.name,
    statusText(tw, msg),
    tw.villages,
    tw.reported,
    tw.weakBaseline,
    tw.eliminated,
    tw.eliminationRate,
    tw.target,
    tw.taskCompletionRate,
    tw.totalIncome,
    tw.operatingIncome,
    tw.averageOperatingIncome,
    tw.atThreshold,
    tw.atThresholdShare,
    tw.rank,
    flagText(tw.flag),
  ]);
  const c = s.county;
  rows.push([
    null, msg("merge.countyTotal"), null, c.villages, c.reported, c.weakBaseline, c.eliminated, c.eliminationRate, c.target,
    c.taskCompletionRate, c.totalIncome, c.operatingIncome, c.averageOperatingIncome, c.atThreshold, c.atThresholdShare, null, null,
  ]);
  const title = msg("merge.title.townships", { county, year });
  const ws = addTable(wb, msg("merge.sheet.townships"), title, msg("merge.unitNote"), columns, rows, 2);
  const first = 4;
  const flagCol = columns.length;
  s.townships.forEach((tw, i) => {
    if (!tw.flag) return;
    const cell = ws.getCell(first + i, flagCol);
    cell.fill = tw.flag === "red" ? FILL.red : FILL.yellow;
    cell.font = tw.flag === "red" ? { bold: true, color: { argb: "FFFFFFFF" } } : { bold: true };
    cell.alignment = { horizontal: "center" };
  });
  const totalRow = ws.getRow(first + s.townships.length);
  for (let k = 1; k <= columns.length; k++) {
    const cell = totalRow.getCell(k);
    cell.font = { bold: true };
    cell.fill = FILL.total;
  }
}

function writeDetail(wb: ExcelJS.Workbook, s: CountySummary, msg: Msg, county: string): void {
  const yesNo = (b: boolean | null) => (b === null ? null : b ? msg("merge.yes") : msg("merge.no"));
  const columns: Column[] = [
    { header: msg("merge.col.seq"), numFmt: NUM.integer },
    { header: msg("merge.col.township") },
    { header: msg("merge.col.villageCode"), numFmt: NUM.text },
    { header: msg("merge.col.villageName") },
    { header: msg("merge.col.isWeakBaseline") },
    { header: msg("merge.col.total"), numFmt: NUM.money },
    { header: msg("merge.col.operating"), numFmt: NUM.money },
    { header: msg("merge.col.subsidy"), numFmt: NUM.money },
    { header: msg("merge.col.isEliminated") },
    { header: msg("merge.col.eliminatedYear"), numFmt: NUM.integer },
    { header: msg("merge.col.incomePath") },
    { header: msg("merge.col.remarks"), max: 50 },
    { header: msg("merge.col.sourceFile"), max: 40 },
    { header: msg("merge.col.sourceRow"), numFmt: NUM.integer },
  ];
  const rows: Cell[][] = s.detail.map((d, i) => [
    i + 1,
    d.townshipName,
    d.villageCode,
    d.villageName,
    yesNo(d.weakBaseline),
    d.totalIncome,
    d.operatingIncome,
    d.subsidyIncome,
    yesNo(d.eliminated),
    d.eliminatedYear,
    d.incomePath,
    d.remarks,
    d.source.file,
    d.source.row,
  ]);
  addTable(wb, msg("merge.sheet.detail"), msg("merge.title.detail", { county }), msg("merge.unitNote"), columns, rows, 4);
}

function fileResult(f: SubmittedFile, msg: Msg): string {
  switch (f.outcome) {
    case "passed":
      return f.warningCount ? msg("merge.fileStatus.passedWithWarnings") : msg("merge.fileStatus.passed");
    case "merged-with-errors":
      return msg("merge.fileStatus.mergedWithErrors");
    case "failed":
      return msg("merge.fileStatus.failed");
    case "duplicate":
      return msg("merge.fileStatus.duplicate");
    case "unknown-township":
      return msg("merge.fileStatus.unknownTownship");
    case "unreadable":
      return msg("merge.fileStatus.unreadable");
  }
}

function writeSubmissions(wb: ExcelJS.Workbook, s: CountySummary, msg: Msg, county: string): void {
  const columns: Column[] = [
    { header: msg("merge.col.seq"), numFmt: NUM.integer },
    { header: msg("merge.col.townshipCode"), numFmt: NUM.text },
    { header: msg("merge.col.township") },
    { header: msg("merge.col.files"), max: 40 },
    { header: msg("merge.col.result") },
    { header: msg("merge.col.errors"), numFmt: NUM.integer },
    { header: msg("merge.col.warnings"), numFmt: NUM.integer },
    { header: msg("merge.col.rows"), numFmt: NUM.integer },
    { header: msg("merge.col.mergedRows"), numFmt: NUM.integer },
    { header: msg("merge.col.note"), max: 80 },
  ];
  const rows: Cell[][] = [];
  const fileRow = (f: SubmittedFile, code: string | null, name: string | null): Cell[] => [
    rows.length + 1, code, name, f.file, fileResult(f, msg), f.errorCount, f.warningCount, f.rows, f.mergedRows, f.reason || null,
  ];
  const status: ("ok" | "bad" | "missing")[] = [];
  for (const tw of s.townships) {
    const own = s.files.filter((f) => f.townshipCode === tw.code);
    if (own.length === 0) {
      rows.push([rows.length + 1, tw.code, tw.name, null, msg("merge.fileStatus.missing"), null, null, null, null, null]);
      status.push("missing");
      continue;
    }
    for (const f of own) {
      rows.push(fileRow(f, tw.code, tw.name));
      status.push(f.outcome === "passed" || f.outcome === "merged-with-errors" ? "ok" : "bad");
    }
  }
  for (const f of s.files) {
    if (f.townshipCode !== null) continue;
    rows.push(fileRow(f, null, null));
    status.push("bad");
  }
  const ws = addTable(wb, msg("merge.sheet.submissions"), msg("merge.title.submissions", { county }), null, columns, rows, 3);
  status.forEach((st, i) => {
    if (st === "ok") return;
    ws.getCell(3 + i, 5).fill = st === "bad" ? FILL.error : FILL.warning;
  });
}

function writeIssues(wb: ExcelJS.Workbook, s: CountySummary, msg: Msg): void {
  const columns: Column[] = [
    { header: msg("merge.col.seq"), numFmt: NUM.integer },
    { header: msg("merge.col.file"), max: 40 },
    { header: msg("merge.col.sheet") },
    { header: msg("merge.col.cell") },
    { header: msg("merge.col.row"), numFmt: NUM.integer },
    { header: msg("merge.col.villageCode"), numFmt: NUM.text },
    { header: msg("merge.col.severity") },
    { header: msg("merge.col.code") },
    { header: msg("merge.col.message"), max: 100 },
    { header: msg("merge.col.explained") },
  ];
  const rows: Cell[][] = s.issues.map((x, i) => [
    i + 1,
    x.file,
    x.sheet ?? null,
    x.cell ?? null,
    x.row ?? null,
    x.villageCode ?? null,
    x.severity === "error" ? msg("merge.severity.error") : msg("merge.severity.warning"),
    x.code,
    x.message,
    x.severity === "warning" ? (x.explained ? msg("merge.yes") : msg("merge.no")) : null,
  ]);
  const ws = addTable(wb, msg("merge.sheet.issues"), msg("merge.title.issues"), null, columns, rows, 0);
  s.issues.forEach((x, i) => {
    ws.getCell(3 + i, 7).fill = x.severity === "error" ? FILL.error : FILL.warning;
  });
}

function writeRejected(wb: ExcelJS.Workbook, s: CountySummary, msg: Msg): void {
  const columns: Column[] = [
    { header: msg("merge.col.seq"), numFmt: NUM.integer },
    { header: msg("merge.col.file"), max: 40 },
    { header: msg("merge.col.sheet") },
    { header: msg("merge.col.row"), numFmt: NUM.integer },
    { header: msg("merge.col.villageCode"), numFmt: NUM.text },
    { header: msg("merge.col.township") },
    { header: msg("merge.col.reason"), max: 100 },
  ];
  const rows: Cell[][] = s.rejected.map((r, i) => [i + 1, r.file, r.sheet ?? null, r.row, r.villageCode, r.township, r.reason]);
  addTable(wb, msg("merge.sheet.rejected"), msg("merge.title.rejected"), null, columns, rows, 0);
}
