import ExcelJS from "exceljs";
import type { Book } from "../grid";
import { parseAddress } from "../grid";
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
}

const FILL = {
  error: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } },
  warning: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } },
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
  const workbook = new ExcelJS.Workbook();
  let loaded = false;
  if (book.format === "xlsx") {
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      loaded = true;
    } catch {
      // ExcelJS is stricter than the reader; rebuild from the Grid instead of failing the clerk.
    }
  }
  if (!loaded) rebuildFromBook(workbook, book);

  // Several problems on one cell: one note listing all, the fill of the worst.
  const byCell = new Map<string, { sheet: string; cell: string; severity: "error" | "warning"; lines: string[] }>();
  for (const m of marks) {
    if (!m.cell || !m.sheet || m.explained) continue;
    const key = `${m.sheet}\u0000${m.cell}`;
    const entry = byCell.get(key) ?? { sheet: m.sheet, cell: m.cell, severity: m.severity, lines: [] };
    if (m.severity === "error") entry.severity = "error";
    entry.lines.push(`${m.severity === "error" ? t("io.annotate.error") : t("io.annotate.warning")}${m.message}`);
    byCell.set(key, entry);
  }
  for (const { sheet, cell, severity, lines } of byCell.values()) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) continue;
    const { row, col } = parseAddress(cell);
    const target = ws.getCell(row + 1, col + 1);
    target.fill = FILL[severity];
    target.note = { texts: [{ text: lines.join("\n") }] } as ExcelJS.Comment;
  }
  const out = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), fileName: annotatedName(book.file) };
}


function rebuildFromBook(workbook: ExcelJS.Workbook, book: Book): void {
  for (const grid of book.sheets) {
    const ws = workbook.addWorksheet(grid.name);
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
}
