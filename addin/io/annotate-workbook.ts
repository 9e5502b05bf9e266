import ExcelJS from "exceljs";
import type { Book } from "../grid";
import { cellCount, PALETTE, parseAddress } from "../grid";
import { t } from "../i18n";
import { annotatedName } from "./annotated-name";

export { annotatedName };

/** The part of a validation issue the annotator needs (kept structural: addin/io does not import addin/validate). */
export interface CellMark {
  sheet?: string;
  cell?: string;
  severity: "error" | "warning";
  message: string;
  explained?: boolean;
  /** A count of omitted issues (addin/validate's Issue.omitted): noted on the first cell of its range. */
  omitted?: { range: string };
}

/**
 * Most non-empty cells of a book that gets an annotated copy. ExcelJS holds a loaded workbook at about 1.7 KB a cell
 * (1.1 GB for a 60,000-row, 660,000-cell sheet); a township report has a few thousand cells. Over this, the report
 * (text, JSON, the pane) still lists the problems, and no copy is made.
 */
export const MAX_ANNOTATED_CELLS = 100_000;

/** A book too large to annotate: the message says so in Chinese. */
export class AnnotateTooLargeError extends Error {
  override name = "AnnotateTooLargeError";
}

/** Why a book of `cells` non-empty cells gets no annotated copy, or undefined when it gets one. */
export function tooLargeToAnnotate(file: string, cells: number): string | undefined {
  if (cells <= MAX_ANNOTATED_CELLS) return undefined;
  return t("io.annotate.tooLarge", { file, cells: cells.toLocaleString("en-US"), limit: MAX_ANNOTATED_CELLS.toLocaleString("en-US") });
}

const FILL = {
  error: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${PALETTE.error}` } },
  warning: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${PALETTE.warning}` } },
} as const;

/**
 * A copy of the submission with every problem cell filled (red for errors, yellow for warnings) and a note
 * on it, for the clerk to fix. An .xlsx keeps everything else as it was; an .xls or .csv (which ExcelJS
 * cannot edit) is rebuilt from its Grid values into a new .xlsx. Returns the bytes and the new file name.
 */
export async function annotateWorkbook(
  bytes: Uint8Array,
  book: Book,
  marks: readonly CellMark[],
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const tooLarge = tooLargeToAnnotate(book.file, cellCount(book));
  if (tooLarge) throw new AnnotateTooLargeError(tooLarge);
  const workbook = new ExcelJS.Workbook();
  /** The annotated copy's sheet name for each of the book's sheet names (they differ only when rebuilt). */
  let sheetNames = new Map<string, string>();
  let loaded = false;
  if (book.format === "xlsx") {
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      loaded = true;
    } catch {
      // ExcelJS is stricter than the reader; rebuild from the Grid instead of failing the clerk.
    }
  }
  if (!loaded) sheetNames = rebuildFromBook(workbook, book);

  // Several problems on one cell: one note listing all, the fill of the worst.
  const byCell = new Map<string, { sheet: string; cell: string; severity: "error" | "warning"; lines: string[] }>();
  for (const m of marks) {
    const cell = m.cell ?? (m.omitted?.range ? m.omitted.range.split(":")[0] : undefined);
    if (!cell || !m.sheet || m.explained) continue;
    const key = `${m.sheet}\u0000${cell}`;
    const entry = byCell.get(key) ?? { sheet: m.sheet, cell, severity: m.severity, lines: [] };
    if (m.severity === "error") entry.severity = "error";
    entry.lines.push(`${m.severity === "error" ? t("io.annotate.error") : t("io.annotate.warning")}${m.message}`);
    byCell.set(key, entry);
  }
  for (const { sheet, cell, severity, lines } of byCell.values()) {
    const ws = workbook.getWorksheet(sheetNames.get(sheet) ?? sheet);
    if (!ws) continue;
    const { row, col } = parseAddress(cell);
    const target = ws.getCell(row + 1, col + 1);
    target.fill = FILL[severity];
    target.note = { texts: [{ text: lines.join("\n") }] } as ExcelJS.Comment;
  }
  const out = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), fileName: annotatedName(book.file) };
}


/**
 * A name Excel accepts for a sheet: no * ? : \\ / [ ], no quote at either end, not "History", at most 31
 * characters, not empty, unique in the workbook (case-insensitive). A CSV's sheet is named after its file, which
 * may be anything ("东湖镇[2024年]", a long name).
 */
export function safeSheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[*?:\\/[\]]/g, "_").replace(/^'+|'+$/g, "").trim();
  if (base === "" || base.toLowerCase() === "history") base = `${base}Sheet`.trim();
  base = cut(base, 31);
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = cut(base, 31 - suffix.length) + suffix;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/** The first `n` UTF-16 units (Excel counts those), without splitting a surrogate pair. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

function rebuildFromBook(workbook: ExcelJS.Workbook, book: Book): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const grid of book.sheets) {
    const name = safeSheetName(grid.name, used);
    names.set(grid.name, name);
    const ws = workbook.addWorksheet(name);
    grid.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        // Values as stored, errors and formulas as the text the clerk saw: nothing a spreadsheet would execute.
        target.value = cell.error ? cell.error : cell.value === null ? cell.text : cell.value;
        if (cell.format && cell.format !== "General") target.numFmt = cell.format;
      });
    });
    for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of grid.hiddenRows) ws.getRow(r + 1).hidden = true;
  }
  return names;
}
