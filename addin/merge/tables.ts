/**
 * The county summary laid out as tables (乡镇汇总, 村级明细, 报送情况, 审核问题, 未汇总行), host-independent:
 * the ExcelJS writer (addin/io/summary-workbook.ts) renders them to a file, the task pane can write the same
 * tables into the live workbook. Values are plain numbers and strings (never formulas): a host that would
 * evaluate text starting with = + - @ (Office.js range.values does) must write such strings as text.
 */
import { t, type MessageKey, type Params } from "../i18n";
import type { CountySummary, SubmittedFile, TownshipSummary } from "./types";

export type TableCell = string | number | null;
export type ColumnFormat = "integer" | "money" | "percent" | "text" | "general";
/** Excel number formats for each column format (rates are fractions shown as 0.0%, 万元 with two decimals). */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  integer: "0",
  money: "0.00",
  percent: "0.0%",
  text: "@",
  general: "General",
};
export type CellMark = "red" | "yellow" | "error" | "warning" | "total";

export interface SummaryColumn {
  header: string;
  format: ColumnFormat;
  /** Widest the column should be made (Excel units), for long texts. */
  maxWidth?: number;
}

export interface SummaryTable {
  key: "townships" | "detail" | "submissions" | "issues" | "rejected";
  /** Sheet name. */
  name: string;
  /** Title row, merged across the table. */
  title: string;
  /** A second merged row (unit and definitions), or null. */
  note: string | null;
  columns: SummaryColumn[];
  rows: TableCell[][];
  /** Columns to freeze at the left (the header rows are always frozen). */
  freezeColumns: number;
  /** Cells to fill: row and column are 0-based indexes into `rows` and `columns`. */
  marks: { row: number; column: number; mark: CellMark }[];
  /** For the red/yellow flag cells: the text is in the cell too (红旗/黄旗), the mark adds the colour. */
}

export interface SummaryTableOptions {
  county?: string;
  year?: number;
}

type Msg = (key: MessageKey, params?: Params) => string;

/** The summary's five tables, in the summary's locale. */
export function summaryTables(summary: CountySummary, options: SummaryTableOptions = {}): SummaryTable[] {
  const msg: Msg = (key, params = {}) => t(key, params, summary.locale);
  const county = options.county ?? summary.registry.county ?? "";
  const year = options.year !== undefined ? msg("merge.title.year", { year: options.year }) : "";
  return [
    townshipsTable(summary, msg, county, year),
    detailTable(summary, msg, county),
    submissionsTable(summary, msg, county),
    issuesTable(summary, msg),
    rejectedTable(summary, msg),
  ];
}

/** The 报送状态 cell of a township (the JSON's `status`, in words). */
export function townshipStatusText(tw: TownshipSummary, msg: Msg): string {
  if (tw.status === "merged") return msg("merge.status.merged");
  if (tw.status === "partial") return tw.rejectedRows ? msg("merge.status.partial", { rejected: tw.rejectedRows }) : msg("merge.status.partialNoRows");
  if (tw.status === "missing") return msg("merge.status.missing");
  if (tw.failure === "duplicate") return msg("merge.failure.duplicate");
  if (tw.failure === "unreadable") return msg("merge.failure.unreadable");
  return msg("merge.failure.errors", { errors: tw.errorCount });
}

/** The 说明 cell: why a township has no rank, or what its figures leave out. */
function townshipNote(tw: TownshipSummary, msg: Msg): string | null {
  const p = { errors: tw.errorCount, rejected: tw.rejectedRows, reported: tw.reported, villages: tw.villages };
  if (tw.status === "partial") return msg(tw.rank === null ? "merge.note.partial" : "merge.note.partialRanked", p);
  if (tw.status === "failed" || tw.status === "missing") return msg("merge.note.notMerged");
  const notes = [];
  if (tw.weakBaseline === 0) notes.push(msg("merge.note.noBaseline"));
  if (tw.rejectedRows > 0) notes.push(msg("merge.note.otherRows", { rejected: tw.rejectedRows }));
  return notes.length ? notes.join(msg("merge.messageSeparator")) : null;
}

function townshipsTable(s: CountySummary, msg: Msg, county: string, year: string): SummaryTable {
  const threshold = Number.isInteger(s.operatingThreshold) ? String(s.operatingThreshold) : s.operatingThreshold.toFixed(2);
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.township"), format: "general" },
    { header: msg("merge.col.status"), format: "general" },
    { header: msg("merge.col.villages"), format: "integer" },
    { header: msg("merge.col.reported"), format: "integer" },
    { header: msg("merge.col.weakBaseline"), format: "integer" },
    { header: msg("merge.col.eliminated"), format: "integer" },
    { header: msg("merge.col.eliminationRate"), format: "percent" },
    { header: msg("merge.col.target"), format: "integer" },
    { header: msg("merge.col.taskCompletionRate"), format: "percent" },
    { header: msg("merge.col.totalIncome"), format: "money" },
    { header: msg("merge.col.operatingIncome"), format: "money" },
    { header: msg("merge.col.averageOperating"), format: "money" },
    { header: msg("merge.col.atThreshold", { threshold }), format: "integer", maxWidth: 14 },
    { header: msg("merge.col.atThresholdShare"), format: "percent" },
    { header: msg("merge.col.rank"), format: "integer" },
    { header: msg("merge.col.flag"), format: "general" },
    { header: msg("merge.col.note"), format: "general", maxWidth: 60 },
  ];
  const flagText = (f: TownshipSummary["flag"]) => (f === "red" ? msg("merge.flag.red") : f === "yellow" ? msg("merge.flag.yellow") : null);
  // Failed and missing townships have null figures: blank cells, never a 0 that looks real.
  const rows: TableCell[][] = s.townships.map((tw, i) => [
    i + 1, tw.name, townshipStatusText(tw, msg), tw.villages, tw.reported, tw.weakBaseline, tw.eliminated, tw.eliminationRate, tw.target,
    tw.taskCompletionRate, tw.totalIncome, tw.operatingIncome, tw.averageOperatingIncome, tw.atThreshold, tw.atThresholdShare,
    tw.rank, flagText(tw.flag), townshipNote(tw, msg),
  ]);
  const c = s.county;
  rows.push([
    null, msg("merge.countyTotal"), null, c.villages, c.reported, c.weakBaseline, c.eliminated, c.eliminationRate, c.target,
    c.taskCompletionRate, c.totalIncome, c.operatingIncome, c.averageOperatingIncome, c.atThreshold, c.atThresholdShare, null, null,
    s.townships.every((tw) => tw.status === "merged") ? null : msg("merge.note.countyTotal"),
  ]);
  const flagColumn = 16;
  const statusColumn = 2;
  const marks: SummaryTable["marks"] = [];
  s.townships.forEach((tw, i) => {
    if (tw.flag) marks.push({ row: i, column: flagColumn, mark: tw.flag });
    if (tw.status === "partial") marks.push({ row: i, column: statusColumn, mark: "warning" });
    else if (tw.status === "failed") marks.push({ row: i, column: statusColumn, mark: "error" });
  });
  for (let k = 0; k < columns.length; k++) marks.push({ row: s.townships.length, column: k, mark: "total" });
  return {
    key: "townships",
    name: msg("merge.sheet.townships"),
    title: msg("merge.title.townships", { county, year }),
    note: msg("merge.unitNote"),
    columns,
    rows,
    freezeColumns: 2,
    marks,
  };
}

function detailTable(s: CountySummary, msg: Msg, county: string): SummaryTable {
  const yesNo = (b: boolean | null) => (b === null ? null : b ? msg("merge.yes") : msg("merge.no"));
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.township"), format: "general" },
    { header: msg("merge.col.villageCode"), format: "text" },
    { header: msg("merge.col.villageName"), format: "general" },
    { header: msg("merge.col.isWeakBaseline"), format: "general" },
    { header: msg("merge.col.total"), format: "money" },
    { header: msg("merge.col.operating"), format: "money" },
    { header: msg("merge.col.subsidy"), format: "money" },
    { header: msg("merge.col.isEliminated"), format: "general" },
    { header: msg("merge.col.eliminatedYear"), format: "integer" },
    { header: msg("merge.col.incomePath"), format: "general" },
    { header: msg("merge.col.remarks"), format: "general", maxWidth: 50 },
    { header: msg("merge.col.sourceFile"), format: "general", maxWidth: 40 },
    { header: msg("merge.col.sourceRow"), format: "integer" },
  ];
  const rows: TableCell[][] = s.detail.map((d, i) => [
    i + 1, d.townshipName, d.villageCode, d.villageName, yesNo(d.weakBaseline), d.totalIncome, d.operatingIncome, d.subsidyIncome,
    yesNo(d.eliminated), d.eliminatedYear, d.incomePath, d.remarks, d.source.file, d.source.row,
  ]);
  return {
    key: "detail",
    name: msg("merge.sheet.detail"),
    title: msg("merge.title.detail", { county }),
    note: msg("merge.unitNote"),
    columns,
    rows,
    freezeColumns: 4,
    marks: [],
  };
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

/** One row per submitted file of each registry township (registry order), one per missing township, then unattributed files. */
function submissionsTable(s: CountySummary, msg: Msg, county: string): SummaryTable {
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.townshipCode"), format: "text" },
    { header: msg("merge.col.township"), format: "general" },
    { header: msg("merge.col.files"), format: "general", maxWidth: 40 },
    { header: msg("merge.col.result"), format: "general" },
    { header: msg("merge.col.errors"), format: "integer" },
    { header: msg("merge.col.warnings"), format: "integer" },
    { header: msg("merge.col.rows"), format: "integer" },
    { header: msg("merge.col.mergedRows"), format: "integer" },
    { header: msg("merge.col.note"), format: "general", maxWidth: 80 },
  ];
  const rows: TableCell[][] = [];
  const marks: SummaryTable["marks"] = [];
  const add = (f: SubmittedFile, code: string | null, name: string | null) => {
    if (f.outcome !== "passed" && f.outcome !== "merged-with-errors") marks.push({ row: rows.length, column: 4, mark: "error" });
    else if (f.outcome === "merged-with-errors" || f.warningCount) marks.push({ row: rows.length, column: 4, mark: "warning" });
    rows.push([rows.length + 1, code, name, f.file, fileResult(f, msg), f.errorCount, f.warningCount, f.rows, f.mergedRows, f.reason || null]);
  };
  for (const tw of s.townships) {
    const own = s.files.filter((f) => f.townshipCode === tw.code);
    if (own.length === 0) {
      marks.push({ row: rows.length, column: 4, mark: "warning" });
      rows.push([rows.length + 1, tw.code, tw.name, null, msg("merge.fileStatus.missing"), null, null, null, null, null]);
    }
    for (const f of own) add(f, tw.code, tw.name);
  }
  for (const f of s.files) if (f.townshipCode === null) add(f, null, null);
  return {
    key: "submissions",
    name: msg("merge.sheet.submissions"),
    title: msg("merge.title.submissions", { county }),
    note: null,
    columns,
    rows,
    freezeColumns: 3,
    marks,
  };
}

function issuesTable(s: CountySummary, msg: Msg): SummaryTable {
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.file"), format: "general", maxWidth: 40 },
    { header: msg("merge.col.sheet"), format: "general" },
    { header: msg("merge.col.cell"), format: "general" },
    { header: msg("merge.col.row"), format: "integer" },
    { header: msg("merge.col.villageCode"), format: "text" },
    { header: msg("merge.col.severity"), format: "general" },
    { header: msg("merge.col.code"), format: "general" },
    { header: msg("merge.col.message"), format: "general", maxWidth: 100 },
    { header: msg("merge.col.explained"), format: "general" },
  ];
  const rows: TableCell[][] = s.issues.map((x, i) => [
    i + 1, x.file, x.sheet ?? null, x.cell ?? null, x.row ?? null, x.villageCode ?? null,
    x.severity === "error" ? msg("merge.severity.error") : msg("merge.severity.warning"),
    x.code, x.message,
    x.severity === "warning" ? (x.explained ? msg("merge.yes") : msg("merge.no")) : null,
  ]);
  const marks = s.issues.map((x, i) => ({ row: i, column: 6, mark: (x.severity === "error" ? "error" : "warning") as CellMark }));
  return { key: "issues", name: msg("merge.sheet.issues"), title: msg("merge.title.issues"), note: null, columns, rows, freezeColumns: 0, marks };
}

function rejectedTable(s: CountySummary, msg: Msg): SummaryTable {
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.file"), format: "general", maxWidth: 40 },
    { header: msg("merge.col.sheet"), format: "general" },
    { header: msg("merge.col.row"), format: "integer" },
    { header: msg("merge.col.villageCode"), format: "text" },
    { header: msg("merge.col.township"), format: "general" },
    { header: msg("merge.col.reason"), format: "general", maxWidth: 100 },
  ];
  const rows: TableCell[][] = s.rejected.map((r, i) => [i + 1, r.file, r.sheet ?? null, r.row, r.villageCode, r.township, r.reason]);
  return { key: "rejected", name: msg("merge.sheet.rejected"), title: msg("merge.title.rejected"), note: null, columns, rows, freezeColumns: 0, marks: [] };
}
