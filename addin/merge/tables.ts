/**
 * The county summary laid out as tables (乡镇汇总, 村级明细, 报送情况, 审核问题, 未汇总行), host-independent:
 * the ExcelJS writer (addin/io/summary-workbook.ts) renders them to a file, the task pane can write the same
 * tables into the live workbook. Values are plain numbers and strings (never formulas): a host that would
 * evaluate text starting with = + - @ (Office.js range.values does) must write such strings as text.
 */
import { t, type MessageKey, type Params } from "../i18n";
import { compileTemplate, formatDate, textOf, type CompiledColumn, type CompiledMeasure, type CompiledTemplate, type FigureFormat } from "../templates";
import { sourcedTable, type CellMark, type ColumnFormat, type SummaryColumn, type SummaryTable, type TableCell } from "../grid";
import { boundRejected } from "./bounded-rejected";
import { chartData } from "./chart";
import { measureHeader } from "./reconcile";
import { unitScope } from "./scope";
import { townshipStatusText } from "./status";
import type { CountySummary, SubmittedFile, TownshipSummary, UnitRankingResult, UnitValue } from "./types";
import { valueAt, type UnitTable } from "./unit-table";

export interface SummaryTableOptions {
  county?: string;
  year?: number;
}

type Msg = (key: MessageKey, params?: Params) => string;

/**
 * The summary's tables, in the summary's locale: 乡镇汇总 and the unit detail, the template's unit rankings, breakdowns
 * and lists, then 报送情况, 审核问题 and 未汇总行.
 */
export function summaryTables(summary: CountySummary, options: SummaryTableOptions = {}): SummaryTable[] {
  const msg: Msg = (key, params = {}) => t(key, params, summary.locale);
  const ct = compileTemplate(summary.template);
  const county = options.county ?? summary.registry.county ?? "";
  const year = options.year !== undefined ? msg("merge.title.year", { year: options.year }) : "";
  const ctx: TableContext = { summary, ct, msg, county, year };
  return [
    townshipsTable(ctx),
    detailTable(ctx),
    ...summary.unitRankings.map((r, i) => rankingTable(ctx, r, i)),
    ...ct.summary.breakdowns.map((_, i) => breakdownTable(ctx, i)),
    ...ct.summary.lists.map((_, i) => listTable(ctx, i)),
    submissionsTable(summary, msg, county),
    issuesTable(summary, msg),
    rejectedTable(summary, msg),
  ];
}

interface TableContext {
  summary: CountySummary;
  ct: CompiledTemplate;
  msg: Msg;
  county: string;
  year: string;
}

/** A template text with {county} and {year} filled in. */
function titled(ctx: TableContext, text: Parameters<typeof textOf>[0]): string {
  return textOf(text, ctx.summary.locale).replace(/\{county\}/g, ctx.county).replace(/\{year\}/g, ctx.year);
}

const FIGURE_COLUMN: Record<FigureFormat, ColumnFormat> = { integer: "integer", money: "money", decimal: "decimal", percent: "percent", goal: "general" };

/** A figure as a cell: a goal as its words (达到 / 未达到). */
function figureCell(m: CompiledMeasure, v: unknown): TableCell {
  if (typeof v !== "number") return null;
  if (m.spec.kind === "goal") return v ? m.spec.labels[0] : m.spec.labels[1];
  return v;
}

/** The 说明 cell: why a township has no rank, or what its figures leave out. */
function townshipNote(tw: TownshipSummary, ctx: TableContext, rankHeader: string | null): string | null {
  const { msg } = ctx;
  const p = { errors: tw.errorCount, rejected: tw.rejectedRows, reported: tw.reported, villages: tw.villages, measure: rankHeader ?? "" };
  if (tw.status === "partial") {
    const flags = !!ctx.ct.summary.spec.rank?.flags;
    return msg(rankHeader === null ? "merge.note.partialNoRank" : tw.rank !== null ? "merge.note.partialRanked" : flags ? "merge.note.partial" : "merge.note.partialNoFlags", p);
  }
  if (tw.status === "failed" || tw.status === "missing") return msg("merge.note.notMerged");
  const notes = [];
  const rank = ctx.ct.summary.rank;
  if (rank && tw.rank === null && rankHeader !== null) {
    const own = ctx.ct.summary.spec.rank?.unrankedNote;
    notes.push(own ? textOf(own, ctx.summary.locale) : msg("merge.note.unranked", p));
  }
  if (tw.rejectedRows > 0) notes.push(msg("merge.note.otherRows", { rejected: tw.rejectedRows }));
  return notes.length ? notes.join(msg("merge.messageSeparator")) : null;
}

function townshipsTable(ctx: TableContext): SummaryTable {
  const { summary: s, ct, msg } = ctx;
  const spec = ct.summary.spec;
  const shown = ct.summary.measures.filter((m) => !m.spec.hidden);
  const rank = spec.rank;
  const rankMeasure = ct.summary.rank?.measure;
  const rankHeader = rankMeasure ? measureHeader(rankMeasure, s) : null;
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.township"), format: "general" },
    { header: msg("merge.col.status"), format: "general" },
    ...shown.map((m): SummaryColumn => {
      const header = measureHeader(m, s);
      return { header, format: FIGURE_COLUMN[m.format], ...(header.length > 7 ? { maxWidth: 14 } : {}) };
    }),
  ];
  // Rank, 红黄旗, 后20% and 星级, as the summary's rank asks.
  const extra: { column: SummaryColumn; cell: (tw: TownshipSummary) => TableCell; flag?: boolean }[] = [];
  if (rank && rankHeader !== null) {
    const header = rank.header ? textOf(rank.header, s.locale) : msg("merge.col.rankOf", { measure: rankHeader });
    extra.push({ column: { header, format: "integer" }, cell: (tw) => tw.rank });
    if (rank.flags) {
      const flagText = (f: TownshipSummary["flag"]) => (f === "red" ? msg("merge.flag.red") : f === "yellow" ? msg("merge.flag.yellow") : null);
      extra.push({ column: { header: msg("merge.col.flag"), format: "general" }, cell: (tw) => flagText(tw.flag), flag: true });
    }
    if (rank.bottomShare !== undefined) {
      const bottom = msg("merge.col.bottom", { share: Math.round(rank.bottomShare * 100) });
      extra.push({ column: { header: bottom, format: "general" }, cell: (tw) => (tw.bottom ? bottom : null) });
    }
    if (rank.stars !== undefined) extra.push({ column: { header: msg("merge.col.stars"), format: "integer" }, cell: (tw) => tw.stars ?? null });
  }
  const firstExtra = columns.length;
  for (const e of extra) columns.push(e.column);
  columns.push({ header: msg("merge.col.note"), format: "general", maxWidth: 60 });

  // Failed and missing townships have null figures: blank cells, never a 0 that looks real.
  const rows: TableCell[][] = s.townships.map((tw, i) => [
    i + 1, tw.name, townshipStatusText(tw, s.locale), ...shown.map((m) => figureCell(m, tw[m.spec.key])), ...extra.map((e) => e.cell(tw)), townshipNote(tw, ctx, rankHeader),
  ]);
  const c = s.county;
  const countyNote = spec.countyNote ? textOf(spec.countyNote, s.locale) : msg("merge.note.countyTotal");
  rows.push([
    null, msg("merge.countyTotal"), null, ...shown.map((m) => figureCell(m, c[m.spec.key])), ...extra.map(() => null),
    s.townships.every((tw) => tw.status === "merged") ? null : countyNote,
  ]);
  const flagColumn = extra.findIndex((e) => e.flag);
  const statusColumn = 2;
  const marks: SummaryTable["marks"] = [];
  s.townships.forEach((tw, i) => {
    if (tw.flag && flagColumn >= 0) marks.push({ row: i, column: firstExtra + flagColumn, mark: tw.flag });
    if (tw.status === "partial") marks.push({ row: i, column: statusColumn, mark: "warning" });
    else if (tw.status === "failed") marks.push({ row: i, column: statusColumn, mark: "error" });
  });
  for (let k = 0; k < columns.length; k++) marks.push({ row: s.townships.length, column: k, mark: "total" });
  return {
    key: "townships",
    name: msg("merge.sheet.townships"),
    title: titled(ctx, spec.title),
    note: spec.note ? textOf(spec.note, s.locale) : null,
    columns,
    rows,
    freezeColumns: 2,
    marks,
    chart: chartData(s),
  };
}

/** The detail's columns: the template's (all but 序号), each in the format its type asks for. */
function unitColumns(ct: CompiledTemplate): CompiledColumn[] {
  return ct.columns.filter((c) => c.key !== ct.template.sequenceColumn);
}

function columnFormat(c: CompiledColumn): SummaryColumn {
  if (c.type === "code" || c.type === "date") return { header: c.header, format: "text" };
  if (c.type === "integer" || c.type === "year") return { header: c.header, format: "integer" };
  if (c.type === "number") return { header: c.header, format: c.decimals === 2 ? "money" : c.decimals !== undefined ? "decimal" : "general" };
  if (c.type === "text") return { header: c.header, format: "general", maxWidth: 50 };
  return { header: c.header, format: "general" };
}

/**
 * Unit i's cells for these columns, written into `row` from position `at`, 是/否 in words (looked up once per table,
 * not per cell), a date as 2026-06-30. Rows are made at their full width (no growing by push).
 */
function unitCells(cols: readonly CompiledColumn[], msg: Msg, units: UnitTable): (i: number, row: TableCell[], at: number) => void {
  const yes = msg("merge.yes");
  const no = msg("merge.no");
  // The merge's number columns (Float64Array, NaN: none) read in one loop and every other column in another, so that
  // each load sees one kind of array: one load of both kinds made writing 200,000 villages' two sheets 0.08–0.13 s
  // slower (docs/decisions.md, "Seventh round"). A date column is never a number column of the merge's (buildUnits).
  const numbers: Float64Array[] = [];
  const numberAt: number[] = [];
  const others: UnitValue[][] = [];
  const otherAt: number[] = [];
  const dates: boolean[] = [];
  cols.forEach((c, k) => {
    const column = units.column(c.key);
    const date = c.type === "date";
    if (column instanceof Float64Array && !date) {
      numbers.push(column);
      numberAt.push(k);
    } else {
      others.push(column instanceof Float64Array ? Array.from(column, (v) => (v === v ? v : null)) : column);
      otherAt.push(k);
      dates.push(date);
    }
  });
  return (i, row, at) => {
    for (let j = 0; j < numbers.length; j++) {
      const v = numbers[j][i];
      row[at + numberAt[j]] = v === v ? v : null;
    }
    for (let j = 0; j < others.length; j++) {
      const v = others[j][i];
      // A date (20260630) as the text 2026-06-30: it reads as a date and sorts as one.
      row[at + otherAt[j]] = typeof v === "boolean" ? (v ? yes : no) : typeof v === "number" ? (dates[j] ? formatDate(v) : v) : typeof v === "string" ? v : null;
    }
  };
}

function detailTable(ctx: TableContext): SummaryTable {
  const { summary: s, ct, msg } = ctx;
  const cols = unitColumns(ct);
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: msg("merge.col.township"), format: "general" },
    ...cols.map(columnFormat),
    { header: msg("merge.col.sourceFile"), format: "general", maxWidth: 40 },
    { header: msg("merge.col.sourceRow"), format: "integer" },
  ];
  const d = s.detail;
  const cells = unitCells(cols, msg, d);
  const width = cols.length + 4;
  const fill = (i: number, row: TableCell[]) => {
    row[0] = i + 1;
    row[1] = d.townshipName[i];
    cells(i, row, 2);
    row[width - 2] = d.file[i];
    row[width - 1] = d.row[i];
  };
  const spec = ct.summary.spec;
  const table = {
    key: "detail" as const,
    name: msg("merge.sheet.detail"),
    title: spec.detailTitle ? titled(ctx, spec.detailTitle) : msg("merge.title.detailOf", { county: ctx.county, name: ct.template.name }),
    note: spec.note ? textOf(spec.note, s.locale) : null,
    columns,
    freezeColumns: 4,
    marks: [],
  };
  return sourcedTable(table, { count: s.detail.length, fill });
}

/** The columns a unit is named by in rankings and lists: 乡镇, code, name. */
function unitHead(ctx: TableContext): SummaryColumn[] {
  const { msg } = ctx;
  return [
    { header: msg("merge.col.township"), format: "general" },
    { header: msg("merge.col.villageCode"), format: "text" },
    { header: msg("merge.col.villageName"), format: "general" },
  ];
}

/** The i-th unit ranking of the summary (results and compiled spec are in the template's order). */
function rankingTable(ctx: TableContext, r: UnitRankingResult, i: number): SummaryTable {
  const { summary: s, ct, msg } = ctx;
  const spec = r.spec;
  const cols = ct.summary.unitRankings[i].columns;
  const bottom = spec.bottomShare !== undefined ? msg("merge.col.bottom", { share: Math.round(spec.bottomShare * 100) }) : null;
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.unitRank"), format: "integer" },
    ...unitHead(ctx),
    { header: textOf(spec.header, s.locale), format: FIGURE_COLUMN[spec.format] },
    ...(spec.stars !== undefined ? [{ header: msg("merge.col.stars"), format: "integer" as const }] : []),
    ...(bottom ? [{ header: bottom, format: "general" as const }] : []),
    ...cols.map(columnFormat),
  ];
  const marks: SummaryTable["marks"] = [];
  const bottomAt = bottom ? 5 + (spec.stars !== undefined ? 1 : 0) : -1;
  const d = s.detail;
  const cells = unitCells(cols, msg, d);
  const stars = spec.stars !== undefined;
  const head = 5 + (stars ? 1 : 0) + (bottom ? 1 : 0);
  const ranked = r.unit.length;
  let inBottom = 0;
  if (r.bottom && bottomAt >= 0) for (let i = 0; i < ranked; i++) if (r.bottom[i]) marks.push({ row: i, column: bottomAt, mark: "warning" });
  if (r.bottom) for (let i = 0; i < ranked; i++) inBottom += r.bottom[i];
  const fill = (i: number, row: TableCell[]) => {
    const u = r.unit[i];
    row[0] = r.rank[i];
    row[1] = d.townshipName[u];
    row[2] = d.villageCode[u];
    row[3] = d.villageName[u];
    row[4] = r.value[i];
    if (stars) row[5] = r.stars ? r.stars[i] : null;
    if (bottom) row[head - 1] = r.bottom?.[i] ? bottom : null;
    cells(u, row, head);
  };
  const note = [
    msg("merge.note.ranking", { ranked, method: msg(spec.method === "dense" ? "merge.method.dense" : "merge.method.competition") }),
    ...(bottom ? [msg("merge.note.rankingBottom", { bottom, n: inBottom })] : []),
    ...(r.unranked ? [msg("merge.note.rankingUnranked", { n: r.unranked })] : []),
  ].join(msg("merge.messageSeparator"));
  return sourcedTable({ key: "ranking", name: textOf(spec.sheet, s.locale), title: titled(ctx, spec.title), note, columns, freezeColumns: 4, marks }, { count: ranked, fill });
}

function listTable(ctx: TableContext, i: number): SummaryTable {
  const { summary: s, ct, msg } = ctx;
  const list = ct.summary.lists[i];
  const us = unitScope(ct, s.parameters);
  const columns: SummaryColumn[] = [{ header: msg("merge.col.seq"), format: "integer" }, ...unitHead(ctx), ...list.columns.map(columnFormat)];
  const d = s.detail;
  const cells = unitCells(list.columns, msg, d);
  const load = us.loadRow(d);
  const rows: TableCell[][] = [];
  for (let i = 0; i < d.length; i++) {
    if (list.where(load(i)) !== true) continue;
    const row: TableCell[] = new Array(4 + list.columns.length);
    row[0] = rows.length + 1;
    row[1] = d.townshipName[i];
    row[2] = d.villageCode[i];
    row[3] = d.villageName[i];
    cells(i, row, 4);
    rows.push(row);
  }
  return { key: "list", name: textOf(list.spec.sheet, s.locale), title: titled(ctx, list.spec.title), note: msg("merge.note.list", { n: rows.length }), columns, rows, freezeColumns: 4, marks: [] };
}

function breakdownTable(ctx: TableContext, i: number): SummaryTable {
  const { summary: s, ct, msg } = ctx;
  const b = ct.summary.breakdowns[i];
  const us = unitScope(ct, s.parameters);
  const load = us.loadRow(s.detail);
  const among: number[] = [];
  for (let i = 0; i < s.detail.length; i++) if (!b.among || b.among(load(i)) === true) among.push(i);
  const [item, base, hits, share] = b.spec.headers.map((h) => textOf(h, s.locale));
  const columns: SummaryColumn[] = [
    { header: msg("merge.col.seq"), format: "integer" },
    { header: item, format: "general" },
    { header: base, format: "integer" },
    { header: hits, format: "integer" },
    { header: share, format: "percent" },
  ];
  const rows: TableCell[][] = b.columns.map((c, k) => {
    const column = s.detail.column(c.key);
    let n = 0;
    for (const i of among) if (valueAt(column, i) === b.spec.value) n++;
    return [k + 1, c.header, among.length, n, among.length ? n / among.length : null];
  });
  return { key: "breakdown", name: textOf(b.spec.sheet, s.locale), title: titled(ctx, b.spec.title), note: null, columns, rows, freezeColumns: 2, marks: [] };
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
  // Each township's files, in input order: grouped once, not searched for per township.
  const filesOf = new Map<string, SubmittedFile[]>();
  for (const f of s.files) {
    if (f.townshipCode === null) continue;
    const list = filesOf.get(f.townshipCode);
    if (list) list.push(f);
    else filesOf.set(f.townshipCode, [f]);
  }
  for (const tw of s.townships) {
    const own = filesOf.get(tw.code) ?? [];
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
  const { listed, omitted } = boundRejected(s.rejected);
  const rows: TableCell[][] = listed.map((r, i) => [i + 1, r.file, r.sheet ?? null, r.row, r.villageCode, r.township, r.reason]);
  for (const o of omitted) {
    const reason = msg("merge.rejectedOmitted", { count: o.count.toLocaleString("en-US"), first: o.firstRow, last: o.lastRow, reason: o.reason });
    rows.push([rows.length + 1, o.file, o.sheet, null, null, o.township, reason]);
  }
  return { key: "rejected", name: msg("merge.sheet.rejected"), title: msg("merge.title.rejected"), note: null, columns, rows, freezeColumns: 0, marks: [] };
}
