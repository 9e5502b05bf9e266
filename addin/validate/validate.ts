/**
 * validateBook / validateGrid: sheet → header → columns → rows → cells → row rules → registry → totals → year on year →
 * explanations → FileReport. Every problem is collected; nothing stops at the first.
 */
import { parseAddress, type Book, type Grid } from "../grid";
import { REPORT_YEAR, t, type Locale } from "../i18n";
import { compileTemplate, type CompiledTemplate } from "../templates";
import { Collector, type ValidateContext } from "./context";
import { explainer, markExplained } from "./explain";
import { locateHeader, type HeaderMatch } from "./locate-header";
import { hasContent, locateSheet } from "./locate-sheet";
import { mapColumns, reportMissingColumn } from "./map-columns";
import { INVALID, normaliseCell, type CellSite, type Value } from "./normalise-cell";
import { checkRegistry, determineTownship, registryColumns, registryIndex } from "./registry-checks";
import { fileIssue, statusOf, type FileReport, type Issue } from "./report";
import { RowTable } from "./row-table";
import { scanRows } from "./rows";
import { RowChecker, type RowValues } from "./rules";
import { checkTotals } from "./totals";
import { checkUnique } from "./unique";
import { checkYoy } from "./yoy";

/** Validates a whole file (already read into Grids by addin/io): finds the data sheet itself. */
export function validateBook(book: Book, ctx: ValidateContext): FileReport {
  const ct = compileTemplate(ctx.template);
  const found = locateSheet(book, ct);
  if (!found) {
    const out = new Collector(book.file, undefined, ctx.locale ?? "zh-CN");
    if (!book.sheets.some(hasContent)) out.add("sheet-not-found", "sheetNotFound", {});
    else headerNotFound(out, ct);
    return finish(book.file, book.format, undefined, out.issues, RowTable.empty());
  }
  return validateSheet(found.grid, found.header, book.file, book.format, ct, ctx);
}

/** Validates one sheet (the live sheet in Excel: format "office"). */
export function validateGrid(grid: Grid, file: string, ctx: ValidateContext, format = "office"): FileReport {
  const ct = compileTemplate(ctx.template);
  const header = locateHeader(grid, ct);
  if (!header) {
    const out = new Collector(file, grid.name, ctx.locale ?? "zh-CN", ctx.maxIssuesPerCode, grid);
    if (!hasContent(grid)) out.add("sheet-not-found", "sheetNotFound", {});
    else headerNotFound(out, ct);
    return finish(file, format, grid.name, out.issues, RowTable.empty());
  }
  return validateSheet(grid, header, file, format, ct, ctx);
}

/**
 * The report of a file that could not be checked because something unexpected went wrong (a bug, or a file the
 * readers choke on in a way they do not foresee): an `unreadable` report asking to send the file to the county,
 * so one such file never stops the others.
 */
export function internalErrorReport(file: string, error: unknown, format = "unknown", locale: Locale = "zh-CN"): FileReport {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const issue = fileIssue("internal-error", "internalError", file, t("validate.internalError", { file, detail: detail.slice(0, 200) }, locale));
  return { file, format, status: "unreadable", issues: [issue], rows: RowTable.empty() };
}

/** The report of a file that could not be read at all (addin/io's UnreadableError message). */
export function unreadableReport(file: string, message: string, format = "unknown"): FileReport {
  const issue = fileIssue("unreadable", "unreadable", file, message);
  return { file, format, status: "unreadable", issues: [issue], rows: RowTable.empty() };
}

function headerNotFound(out: Collector, ct: CompiledTemplate): void {
  const headers = ct.columns
    .filter((c) => c.required)
    .map((c) => out.msg("app.quoted", { text: c.header }))
    .join(out.msg("app.listSeparator", {}));
  out.add("header-not-found", "headerNotFound", { template: ct.template.name, headers });
}

function finish(file: string, format: string, sheet: string | undefined, issues: Issue[], rows: RowTable, township?: FileReport["township"]): FileReport {
  const report: FileReport = { file, format, status: statusOf(issues), issues, rows };
  if (sheet !== undefined) report.sheet = sheet;
  if (township) report.township = township;
  return report;
}

function validateSheet(grid: Grid, header: HeaderMatch, file: string, format: string, ct: CompiledTemplate, ctx: ValidateContext): FileReport {
  const out = new Collector(file, grid.name, ctx.locale ?? "zh-CN", ctx.maxIssuesPerCode, grid);
  const map = mapColumns(header, ct, out);
  const scan = scanRows(grid, header.top + header.depth, ct, map, out);

  const index = ctx.registry ? registryIndex(ctx.registry) : undefined;
  const checker = new RowChecker(ct, map, out, index ? (code) => index.byCode.get(code)?.weakBaseline : undefined, reportYearOf(grid, header.top, ctx));
  const site: CellSite = { out, r: 0, c: 0, csv: format === "csv" };
  const columns = ct.columns;
  const n = columns.length;
  const bad = new Uint8Array(n);
  const badColumns = new Uint8Array(n);
  const dataRows = scan.dataRows;
  const rows = new RowTable(columns.map((c) => c.key), dataRows.length);
  const cols = rows.columns;
  // Local copies for the per-cell loop: under tsx (the CLI) every imported binding is read through a getter.
  const normalise = normaliseCell;
  const invalid: typeof INVALID = INVALID;
  // The row being checked, by column index, as the rules read it; its values go to the table's columns (the computed
  // ones after the checks, which fill them in when blank).
  const values: RowValues = columns.map(() => null);
  for (let j = 0; j < dataRows.length; j++) {
    const r = dataRows[j];
    const cells = grid.rows[r];
    for (let i = 0; i < n; i++) {
      const col = columns[i];
      const gc = map.colOf[i];
      bad[i] = 0;
      let v: Value = null;
      if (gc >= 0) {
        site.r = r;
        site.c = gc;
        const w = normalise(cells?.[gc], col, site);
        if (w === invalid) {
          bad[i] = 1;
          badColumns[i] = 1;
        } else v = w;
      }
      values[i] = v;
      cols[i][j] = v;
    }
    checker.check(r, values, bad);
    for (const col of ct.computed) cols[col.index][j] = values[col.index];
    rows.row[j] = r + 1;
  }
  for (const col of checker.missingNeeded) reportMissingColumn(col, out);

  let township: FileReport["township"];
  const extraErrorRows = new Set<number>();
  checkUnique(ct, rows, map, !!ctx.registry, out, extraErrorRows);
  if (ctx.registry) {
    const cols = registryColumns(ct);
    const codes: string[] = [];
    const codeValues = cols.code ? rows.columns[cols.code.index] : [];
    for (const c of codeValues) if (typeof c === "string") codes.push(c);
    const tw = determineTownship(ctx.registry, grid, header.top, codes, file, ctx.township);
    if (tw) township = { code: tw.code, name: tw.name };
    else out.add("unknown-township", "unknownTownship", {});
    if (cols.code && map.colOf[cols.code.index] >= 0) for (const r of checkRegistry(ctx.registry, tw, rows, cols, map, out, ct.template.coverage !== "some")) extraErrorRows.add(r);
  }

  checkTotals(grid, scan.totalRow, ct, map, rows, badColumns, site);
  if (ctx.previous) checkYoy(ct, rows, ctx.previous, map, out);
  markExplained(out.issues, rows, ct);
  const errorRows = new Set<number>(extraErrorRows);
  out.errorRows(errorRows);
  out.summarise(explainer(rows, ct));
  for (let j = 0; j < rows.length; j++) if (errorRows.has(rows.row[j])) rows.hasErrors[j] = 1;
  return finish(file, format, grid.name, sortIssues(out.issues), rows, township);
}

/**
 * The year the report is for: the "（2026年度）" of its title rows, else the caller's `year`, else this calendar year
 * (a 消薄年份 in the future is wrong whatever the report).
 */
function reportYearOf(grid: Grid, top: number, ctx: ValidateContext): { year: number; fromTitle: boolean } {
  for (let r = 0; r < top && r < grid.rowCount; r++) {
    for (const cell of grid.rows[r] ?? []) {
      if (!cell || typeof cell.value !== "string") continue;
      const m = REPORT_YEAR.exec(cell.value);
      if (m) return { year: Number(m[1]), fromTitle: true };
    }
  }
  if (ctx.year !== undefined) return { year: ctx.year, fromTitle: true };
  return { year: new Date().getFullYear(), fromTitle: false };
}

/** File-level issues first (in the order found), then by row, then left to right, then the counts of omitted ones. Stable. */
function sortIssues(issues: Issue[]): Issue[] {
  const col = (i: Issue) => (i.cell ? parseAddress(i.cell).col : -1);
  return issues
    .map((issue, n) => ({ issue, n, row: issue.omitted ? Number.MAX_SAFE_INTEGER : (issue.row ?? 0), col: col(issue) }))
    .sort((a, b) => a.row - b.row || a.col - b.col || a.n - b.n)
    .map((x) => x.issue);
}
