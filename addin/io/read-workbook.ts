import * as XLSX from "@e965/xlsx";
import type { Book, Cell, Grid } from "../grid";
import type { ReadLimits } from "./limits";
import { UnreadableError } from "./unreadable";
import { formulaText } from "./xlsx-text";

type SheetCell = XLSX.CellObject & { w?: string; z?: string | number; f?: string };

/**
 * An .xlsx/.xlsm (zip) or .xls (BIFF8, OLE) workbook as Grids, through SheetJS: values as stored (cached formula
 * results), the text Excel displays, number formats, formulas, error values, merged areas, hidden rows, columns
 * and sheets. Dense mode keeps rows as arrays, which is both faster and what a Grid is.
 */
export function readWorkbook(bytes: Uint8Array, file: string, format: "xlsx" | "xls" | "ods", limits: ReadLimits): Book {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: "array",
      dense: true,
      cellNF: true,
      cellText: true,
      cellFormula: true,
      cellStyles: true, // needed for hidden rows and columns
      cellDates: false, // dates stay serial numbers, as stored
      sheetRows: limits.maxRows + 1,
    });
  } catch (e) {
    throw new UnreadableError(file, classify(e));
  }
  if (!wb.SheetNames?.length) throw new UnreadableError(file, "not-spreadsheet");
  const meta = wb.Workbook?.Sheets ?? [];
  let cells = 0;
  const sheets = wb.SheetNames.map((name, i): Grid => {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { "!data"?: SheetCell[][]; "!fullref"?: string }) | undefined;
    // A sheet listed in the workbook whose part SheetJS cannot find (a package laid out other than it expects).
    if (!ws) throw new UnreadableError(file, "not-spreadsheet");
    if (ws["!fullref"] && ws["!fullref"] !== ws["!ref"]) {
      const full = XLSX.utils.decode_range(ws["!fullref"]);
      if (full.e.r >= limits.maxRows) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxRows });
    }
    const range = ws["!ref"] ? XLSX.utils.decode_range(ws["!ref"]) : null;
    const data = ws["!data"] ?? [];
    const rows: (Cell | undefined)[][] = new Array(data.length);
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) {
        rows[r] = [];
        continue;
      }
      const row: (Cell | undefined)[] = new Array(src.length);
      for (let c = 0; c < src.length; c++) {
        const sc = src[c];
        if (!sc || (sc.t === "z" && !sc.f)) continue; // an empty styled cell; a formula never calculated is kept
        row[c] = toCell(sc);
        cells++;
      }
      rows[r] = row;
    }
    if (cells > limits.maxCells) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxCells });
    const hiddenRows: number[] = [];
    (ws["!rows"] ?? []).forEach((info, r) => info?.hidden && hiddenRows.push(r));
    const hiddenCols: number[] = [];
    (ws["!cols"] ?? []).forEach((info, c) => info?.hidden && hiddenCols.push(c));
    return {
      name,
      rows,
      rowCount: range ? range.e.r + 1 : 0,
      colCount: range ? range.e.c + 1 : 0,
      merges: (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c })),
      hiddenRows,
      hiddenCols,
      hidden: !!meta[i]?.Hidden,
    };
  });
  return { file, format, sheets };
}

function toCell(sc: SheetCell): Cell {
  const cell: Cell =
    sc.t === "z"
      ? { value: null, text: "" }
      : sc.t === "e"
      ? { value: null, text: sc.w ?? XLSX.SSF.format("General", 0), error: sc.w ?? errorText(sc.v) }
      : { value: sc.v === undefined ? null : (sc.v as string | number | boolean), text: sc.w ?? (sc.v === undefined ? "" : String(sc.v)) };
  if (sc.z !== undefined) cell.format = String(sc.z);
  // SheetJS removes _xlfn. in .xlsx formulas only; the Grid has it removed whatever the format.
  if (sc.f) cell.formula = formulaText(sc.f);
  return cell;
}

const ERROR_CODES: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

function errorText(v: unknown): string {
  return typeof v === "number" ? (ERROR_CODES[v] ?? "#N/A") : String(v ?? "#N/A");
}

/** SheetJS says why it gave up only in its message. */
function classify(e: unknown): "encrypted" | "truncated" | "not-spreadsheet" {
  const msg = e instanceof Error ? e.message : String(e);
  if (/password|encrypt/i.test(msg)) return "encrypted";
  if (/end of|truncat|unexpected end|offset|out of range|bad|corrupt|invalid/i.test(msg)) return "truncated";
  return "not-spreadsheet";
}
