/**
 * The one place the pane calls the engine. The file libraries (addin/io) and the validation and merge
 * engines are loaded with dynamic import() the first time they are needed, so the pane's first load stays
 * small; the UI never imports them itself. Reading (SheetJS), the county workbook writer and ExcelJS (annotated
 * copies) are separate chunks: choosing files loads the reader only, the county workbook needs no ExcelJS, and
 * ExcelJS comes only when an annotated copy is asked for.
 */
import type { Book, Grid } from "../addin/grid";
import { annotatedName } from "../addin/io/annotated-name";
import type { ChartData } from "../addin/grid";
import { t } from "../addin/i18n";
import type { CountySummary } from "../addin/merge";
import type { FileReport } from "../addin/validate";
import type { SheetTable } from "./office/summary-sheets";
import type { EngineConfig } from "./settings";

const reading = () => import("../addin/io/reading");
const writing = () => import("../addin/io/writing");
const summaryWriting = () => import("../addin/io/summary-workbook");
const validation = () => import("../addin/validate");
const merging = () => import("../addin/merge");

/** A chosen file, read: its Book (and its bytes, for the annotated copy), or why it could not be read. */
export interface ReadResult {
  file: string;
  book?: Book;
  bytes?: Uint8Array;
  error?: string;
}

/** What readFiles needs of a File (a browser File, or a stand-in in tests). */
export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads every file; a file that is not a readable spreadsheet becomes an error, never a crash. */
export async function readFiles(files: readonly FileLike[], onProgress?: (done: number, total: number) => void): Promise<ReadResult[]> {
  const { readBook, UnreadableError } = await reading();
  const out: ReadResult[] = [];
  let done = 0;
  for (const f of files) {
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      out.push({ file: f.name, book: readBook(bytes, f.name), bytes });
    } catch (e: unknown) {
      if (!(e instanceof UnreadableError)) throw e;
      out.push({ file: f.name, error: (e as Error).message });
    }
    onProgress?.(++done, files.length);
    // Let the progress bar paint between files.
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

export async function validate(results: readonly ReadResult[], config: EngineConfig): Promise<FileReport[]> {
  const { validateBook, unreadableReport } = await validation();
  const ctx = { template: config.template, registry: config.registry };
  return results.map((r) => (r.book ? validateBook(r.book, ctx) : unreadableReport(r.file, r.error ?? "")));
}

/** The live sheet, validated like a file (the file name is the workbook's sheet). */
export async function validateSheet(grid: Grid, fileName: string, config: EngineConfig): Promise<FileReport> {
  const { validateGrid } = await validation();
  return validateGrid(grid, fileName, { template: config.template, registry: config.registry });
}

export async function merge(reports: readonly FileReport[], config: EngineConfig): Promise<CountySummary> {
  const { mergeSubmissions } = await merging();
  return mergeSubmissions([...reports], { registry: config.registry, targets: config.targets, template: config.template });
}

/** 县汇总.xlsx as bytes. */
export async function summaryWorkbook(summary: CountySummary, config: EngineConfig): Promise<Uint8Array> {
  const [{ writeSummaryWorkbook }, { summaryTables }] = await Promise.all([summaryWriting(), merging()]);
  return writeSummaryWorkbook(summaryTables(summary, { county: config.registry.county }), summary.locale);
}

/**
 * The summary as sheets for the live workbook: the very workbook 县汇总.xlsx would be, read back into
 * values and number formats, so the sheets written into Excel cannot drift from the downloaded file. Every sheet
 * of it, in its order: the template's summary decides which (addin/merge's summaryTables). The first (乡镇汇总) carries
 * the workbook's chart.
 */
export async function summaryTables(summary: CountySummary, config: EngineConfig): Promise<SheetTable[]> {
  const { readBook } = await reading();
  const bytes = await summaryWorkbook(summary, config);
  const book = readBook(bytes, "summary.xlsx");
  const chart = await resultChart(summary);
  const tables = book.sheets.map((g: Grid): SheetTable => {
    const rows = Array.from({ length: g.rowCount }, (_, r) => Array.from({ length: g.colCount }, (_, c) => {
      const cell = g.rows[r]?.[c];
      return cell ? (cell.error ?? cell.value) : null;
    }));
    const formats = Array.from({ length: g.colCount }, (_, c) => {
      for (let r = g.rowCount - 1; r >= 0; r--) {
        const f = g.rows[r]?.[c]?.format;
        if (f && f !== "General" && typeof g.rows[r]?.[c]?.value === "number") return f;
      }
      return "";
    });
    return { name: g.name, rows, formats };
  });
  if (chart && tables.length) {
    tables[0].chart = {
      title: chart.title,
      headers: [t("merge.col.township", {}, summary.locale), chart.measure],
      format: chart.numFmt === "General" ? "" : chart.numFmt,
      points: chart.points.map((p) => ({ name: p.name, value: p.value, flag: p.flag })),
    };
  }
  return tables;
}

/** The township figures the chart draws (the ranked measure, in rank order), for the pane and the sheets. */
export async function resultChart(summary: CountySummary): Promise<ChartData | undefined> {
  const { chartData } = await merging();
  return chartData(summary);
}

/** Text of a chosen CSV/JSON file, whatever its encoding (UTF-8 with or without BOM, GBK/GB18030). */
export async function decodeText(bytes: Uint8Array): Promise<string> {
  const mod = await reading();
  return mod.decodeText(bytes);
}

/**
 * The chosen file with every problem cell filled and noted (addin/io's annotateWorkbook, as `xiaobo validate
 * --annotate` makes it). An .xls or .csv comes back as a new .xlsx. Undefined when the file was not read or has no
 * problem in a cell.
 */
export async function annotatedCopy(read: ReadResult, report: FileReport): Promise<{ bytes: Uint8Array; fileName: string } | undefined> {
  if (!read.book || !read.bytes || !hasCellProblems(report)) return undefined;
  const { annotateWorkbook } = await writing();
  return annotateWorkbook(read.bytes, read.book, report.issues);
}

/** The file name annotatedCopy will give (known before ExcelJS is loaded). */
export const annotatedFileName = annotatedName;

/** Whether a report has anything annotateWorkbook would mark (a problem in a cell that is not an explained warning). */
export function hasCellProblems(report: FileReport): boolean {
  return report.issues.some((i) => !!i.cell && !!i.sheet && !(i.severity === "warning" && i.explained));
}
