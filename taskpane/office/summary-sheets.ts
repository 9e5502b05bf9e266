/**
 * Writing the county summary into the workbook as NEW sheets: every table given, in order, whatever the template's
 * summary makes (Template 1: 乡镇汇总, 村级明细, 强村富民指数榜, 报送情况, 审核问题, 未汇总行; another template its own
 * rankings, breakdowns and lists). Nothing here knows a sheet name.
 * A sheet of the same name is never overwritten silently: without `overwrite` the result is a "conflict"
 * naming the sheets, which the pane turns into a confirmation dialog.
 * A table with a chart (乡镇汇总: the ranked measure, addin/io/summary-chart.ts) gets a column chart below it, flagged
 * bars red/yellow — what 县汇总.xlsx shows — with the figures it draws, in rank order, under the chart.
 * Round trips: 1 sync to list the sheets, 1 sync to write every value of every sheet (1 more when a replaced sheet's
 * old charts are removed). Only ExcelApi 1.1 calls (charts included), plus autofitColumns (1.2) where the capability
 * flags allow it.
 */
import { address, type Scalar } from "../../addin/grid";
import type { Capabilities } from "./capabilities";

export interface SheetTable {
  name: string;
  /** First row is the header. */
  rows: Scalar[][];
  /** Number format per column (e.g. "0.00%" for rates, "0.00" for 万元), "" or missing for General. */
  formats?: string[];
  /** A column chart to draw on the sheet. */
  chart?: SheetChart;
}

export interface SheetChart {
  title: string;
  /** Headers of the chart's two data columns: 乡镇 and the measure. */
  headers: [string, string];
  /** Number format of the measure ("0.0%"). */
  format: string;
  /** The bars, in rank order. */
  points: { name: string; value: number; flag: "red" | "yellow" | null }[];
}

/** The flags' bar colours, as in 县汇总.xlsx. */
export const FLAG_COLOURS = { red: "#FF0000", yellow: "#FFC000" } as const;

export type WriteSummaryResult = { kind: "written"; sheets: string[] } | { kind: "conflict"; sheets: string[] };

export async function writeSummarySheets(
  context: Excel.RequestContext,
  tables: readonly SheetTable[],
  opts: { overwrite?: boolean; caps: Pick<Capabilities, "autofit"> },
): Promise<WriteSummaryResult> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const existing = new Map(sheets.items.map((ws) => [ws.name, ws] as const));
  const clash = tables.map((t) => t.name).filter((n) => existing.has(n));
  if (clash.length && !opts.overwrite) return { kind: "conflict", sheets: clash };

  // clear() leaves charts: the ones a previous summary drew on a replaced sheet are listed here and removed below.
  const charted = tables.filter((t) => t.chart && existing.has(t.name)).map((t) => existing.get(t.name)!.charts);
  if (charted.length) {
    for (const c of charted) c.load("items");
    await context.sync();
  }
  // A replaced sheet is emptied and reused rather than deleted (a workbook cannot lose its last sheet).
  let firstSheet: Excel.Worksheet | undefined;
  for (const table of tables) {
    const old = existing.get(table.name);
    if (old) old.getRange().clear();
    if (old && table.chart) for (const c of old.charts.items) c.delete();
    const ws = old ?? sheets.add(table.name);
    firstSheet ??= ws;
    const width = table.rows.reduce((m, r) => Math.max(m, r.length), 0);
    if (table.rows.length === 0 || width === 0) continue;
    const values = table.rows.map((r) => Array.from({ length: width }, (_, c) => toOffice(r[c])));
    const range = ws.getRange(`A1:${address(values.length - 1, width - 1)}`);
    // Every string goes into a cell formatted as Text ("@") BEFORE the values are set: Excel would otherwise run
    // a clerk's 备注 such as "=HYPERLINK(…)" as a formula. Numbers get their column's format (0.0%, 0.00).
    range.numberFormat = values.map((row, r) =>
      row.map((v, c) => (typeof v === "string" ? "@" : (r > 0 && table.formats?.[c]) || "General")),
    );
    range.values = values;
    ws.getRange(`A1:${address(0, width - 1)}`).format.font.bold = true;
    // Column widths to fit need ExcelApi 1.2; Excel 2016 volume (1.1) keeps its default widths.
    if (opts.caps.autofit) range.format.autofitColumns();
    if (table.chart) addChart(ws, table.chart, values.length, width);
  }
  firstSheet?.activate();
  await context.sync();
  return { kind: "written", sheets: tables.map((t) => t.name) };
}

/**
 * The column chart below the table, and under it the figures it draws in rank order (ExcelApi 1.1 charts take their
 * series from one range, and the table is in the registry's order): 乡镇 and the measure, a header and a row per bar.
 */
function addChart(ws: Excel.Worksheet, chart: SheetChart, rows: number, width: number): void {
  if (chart.points.length === 0) return;
  const top = rows + 1;
  const height = 22;
  const dataTop = top + height + 1;
  const data = ws.getRange(`${address(dataTop, 0)}:${address(dataTop + chart.points.length, 1)}`);
  data.numberFormat = [["@", "@"], ...chart.points.map(() => ["@", chart.format || "General"])];
  data.values = [chart.headers, ...chart.points.map((p) => [p.name, p.value])];
  const c = ws.charts.add("ColumnClustered", data, "Columns");
  c.title.text = chart.title;
  c.legend.visible = false;
  c.dataLabels.showValue = true;
  c.setPosition(address(top, 0), address(top + height - 1, Math.max(7, Math.min(width - 2, 19))));
  const points = c.series.getItemAt(0).points;
  chart.points.forEach((p, i) => {
    if (p.flag) points.getItemAt(i).format.fill.setSolidColor(FLAG_COLOURS[p.flag]);
  });
}

function toOffice(v: Scalar | undefined): string | number | boolean {
  return v === null || v === undefined ? "" : v;
}
