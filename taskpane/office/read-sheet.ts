/**
 * The live sheet as a Grid, exactly like a file becomes one: raw values, displayed text, number formats,
 * formulas, error values, merged areas and hidden rows/columns, at the sheet's own addresses (a used range
 * starting at B3 still gives cells at row 2, column 1).
 *
 * Round trips: ONE sync for a sheet of up to `blockRows` rows (the used range's size, its merged areas,
 * its visible cells and the first block of cell data are all queued before the first sync), then one sync
 * per further block of `blockRows` rows, so huge sheets never ask Excel for one giant payload.
 */
import type { Cell, Grid, Range } from "../../addin/grid";
import { parseAreas } from "./addresses";
import type { Capabilities } from "./capabilities";

export const BLOCK_ROWS = 5000;
const CELL_PROPS = ["values", "text", "numberFormat", "valueTypes", "formulas"];

interface BlockData {
  values: unknown[][];
  text: string[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
}

export interface ReadOptions {
  caps: Capabilities;
  blockRows?: number;
}

/** The active worksheet as a Grid. Errors from Excel are not caught: the caller shows them. */
export async function readActiveSheetGrid(context: Excel.RequestContext, opts: ReadOptions): Promise<Grid> {
  const { caps } = opts;
  const blockRows = Math.max(1, opts.blockRows ?? BLOCK_ROWS);
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name,visibility");
  const used = sheet.getUsedRange();
  used.load("address,rowIndex,columnIndex,rowCount,columnCount");

  // The first block: the used range's rows 0..blockRows-1 (only ExcelApi 1.1 calls: getCell, getOffsetRange,
  // getBoundingRect, getEntireRow, getIntersection), trimmed to the used range by the intersection.
  const corner = used.getCell(0, 0);
  const first = corner.getBoundingRect(corner.getOffsetRange(blockRows - 1, 0)).getEntireRow().getIntersection(used);
  first.load(CELL_PROPS);

  const merged = caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  const visible = caps.multiRanges ? used.getSpecialCellsOrNullObject("Visible") : undefined;
  visible?.load("address");
  await context.sync();

  const top = used.rowIndex;
  const left = used.columnIndex;
  const height = used.rowCount;
  const width = used.columnCount;

  const blocks: { start: number; data: BlockData }[] = [{ start: 0, data: first as unknown as BlockData }];
  for (let start = blockRows; start < height; start += blockRows) {
    const end = Math.min(height, start + blockRows) - 1;
    const block = used.getCell(start, 0).getBoundingRect(used.getCell(end, width - 1));
    block.load(CELL_PROPS);
    await context.sync();
    blocks.push({ start, data: block as unknown as BlockData });
  }

  const rows: (Cell | undefined)[][] = new Array(top + height);
  for (let r = 0; r < top; r++) rows[r] = [];
  for (const { start, data } of blocks) {
    const n = data.values.length;
    for (let i = 0; i < n; i++) rows[top + start + i] = rowCells(data, i, left);
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];

  const grid: Grid = {
    name: sheet.name,
    rows,
    rowCount: top + height,
    colCount: left + width,
    merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
    hiddenRows: [],
    hiddenCols: [],
  };
  if (sheet.visibility !== "Visible") grid.hidden = true;
  if (visible) {
    const areas = visible.isNullObject ? [] : parseAreas(visible.address);
    grid.hiddenRows = uncovered(top, height, areas, "top", "bottom");
    grid.hiddenCols = uncovered(left, width, areas, "left", "right");
  } else if (caps.rowHidden) {
    await readHiddenFlags(context, used, grid, blockRows);
  }
  return grid;
}

/**
 * ExcelApi 1.2–1.8 (no visible-cells areas): the rowHidden flag of every row and columnHidden of every
 * column, one proxy each, one sync per block of rows. Excel 2016 (1.1) has no flags at all.
 */
async function readHiddenFlags(context: Excel.RequestContext, used: Excel.Range, grid: Grid, blockRows: number): Promise<void> {
  const top = used.rowIndex;
  const left = used.columnIndex;
  const cols = Array.from({ length: used.columnCount }, (_, j) => used.getColumn(j).load("columnHidden"));
  for (let start = 0; start < used.rowCount; start += blockRows) {
    const end = Math.min(used.rowCount, start + blockRows);
    const rows: Excel.Range[] = [];
    for (let i = start; i < end; i++) rows.push(used.getRow(i).load("rowHidden"));
    await context.sync();
    rows.forEach((r, k) => r.rowHidden && grid.hiddenRows.push(top + start + k));
  }
  cols.forEach((c, j) => c.columnHidden && grid.hiddenCols.push(left + j));
}

function rowCells(data: BlockData, i: number, left: number): (Cell | undefined)[] {
  const values = data.values[i];
  const out: (Cell | undefined)[] = new Array(left + values.length);
  for (let c = 0; c < values.length; c++) {
    const type = data.valueTypes[i][c];
    const formula = data.formulas[i][c];
    const format = data.numberFormat[i][c];
    const text = data.text[i][c] ?? "";
    const raw = values[c];
    const hasFormula = typeof formula === "string" && formula.startsWith("=");
    const fmt = typeof format === "string" && format !== "General" ? format : undefined;
    if (type === "Empty" && !hasFormula && fmt === undefined) continue;
    let cell: Cell;
    if (type === "Error") cell = { value: null, text, error: String(raw) };
    else if (type === "Empty") cell = { value: null, text: "" };
    else cell = { value: raw as Cell["value"], text };
    if (typeof format === "string") cell.format = format;
    if (hasFormula) cell.formula = (formula as string).slice(1);
    out[left + c] = cell;
  }
  return out;
}

/** Indexes in [start, start+count) that no area covers. */
function uncovered(start: number, count: number, areas: Range[], lo: "top" | "left", hi: "bottom" | "right"): number[] {
  const covered = new Uint8Array(count);
  for (const a of areas) {
    for (let i = Math.max(a[lo], start); i <= Math.min(a[hi], start + count - 1); i++) covered[i - start] = 1;
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!covered[i]) out.push(start + i);
  return out;
}
