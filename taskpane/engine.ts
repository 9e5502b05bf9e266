/**
 * The one place the pane calls the engine. The file libraries (addin/io) and the validation and merge
 * engines are loaded with dynamic import() the first time they are needed, so the pane's first load stays
 * small; the UI never imports them itself.
 */
import type { Book, Grid } from "../addin/grid";
import type { CountySummary } from "../addin/merge/types";
import type { FileReport } from "../addin/validate/report";
import type { SheetTable } from "./office/summary-sheets";
import type { EngineConfig } from "./settings";

const io = () => import("../addin/io");
const validation = () => import("../addin/validate");
const merging = () => import("../addin/merge");

/** A chosen file, read: its Book, or why it could not be read. */
export interface ReadResult {
  file: string;
  book?: Book;
  error?: string;
}

/** What readFiles needs of a File (a browser File, or a stand-in in tests). */
export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads every file; a file that is not a readable spreadsheet becomes an error, never a crash. */
export async function readFiles(files: readonly FileLike[], onProgress?: (done: number, total: number) => void): Promise<ReadResult[]> {
  const { readBook, UnreadableError } = await io();
  const out: ReadResult[] = [];
  let done = 0;
  for (const f of files) {
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      out.push({ file: f.name, book: readBook(bytes, f.name) });
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
  const { writeSummaryWorkbook } = await io();
  return writeSummaryWorkbook(summary, { county: config.registry.county });
}

/**
 * The summary as sheets for the live workbook: the very workbook 县汇总.xlsx would be, read back into
 * values and number formats, so the sheets written into Excel cannot drift from the downloaded file.
 */
export async function summaryTables(summary: CountySummary, config: EngineConfig): Promise<SheetTable[]> {
  const { readBook } = await io();
  const bytes = await summaryWorkbook(summary, config);
  const book = readBook(bytes, "summary.xlsx");
  return book.sheets.map((g: Grid) => {
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
}

/** Text of a chosen CSV/JSON file, whatever its encoding (UTF-8 with or without BOM, GBK/GB18030). */
export async function decodeText(bytes: Uint8Array): Promise<string> {
  const mod = await io();
  return mod.decodeText(bytes);
}
