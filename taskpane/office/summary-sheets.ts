/**
 * Writing the county summary into the workbook as NEW sheets: every table given, in order, whatever the template's
 * summary makes (Template 1: 乡镇汇总, 村级明细, 强村富民指数榜, 报送情况, 审核问题, 未汇总行; another template its own
 * rankings, breakdowns and lists). Nothing here knows a sheet name.
 * A sheet of the same name is never overwritten silently: without `overwrite` the result is a "conflict"
 * naming the sheets, which the pane turns into a confirmation dialog.
 * Round trips: 1 sync to list the sheets, 1 sync to write every value of every sheet. Only ExcelApi 1.1 calls, plus
 * autofitColumns (1.2) where the capability flags allow it.
 */
import { address, type Scalar } from "../../addin/grid";
import type { Capabilities } from "./capabilities";

export interface SheetTable {
  name: string;
  /** First row is the header. */
  rows: Scalar[][];
  /** Number format per column (e.g. "0.00%" for rates, "0.00" for 万元), "" or missing for General. */
  formats?: string[];
}

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

  // A replaced sheet is emptied and reused rather than deleted (a workbook cannot lose its last sheet).
  let firstSheet: Excel.Worksheet | undefined;
  for (const table of tables) {
    const old = existing.get(table.name);
    if (old) old.getRange().clear();
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
  }
  firstSheet?.activate();
  await context.sync();
  return { kind: "written", sheets: tables.map((t) => t.name) };
}

function toOffice(v: Scalar | undefined): string | number | boolean {
  return v === null || v === undefined ? "" : v;
}
