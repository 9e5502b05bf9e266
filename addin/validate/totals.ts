/**
 * The 合计 row: each number column's total equals the sum of the data rows, within the template's tolerance (0.01 万元).
 * A column with an unreadable data cell is not compared (its cells are reported already). No 合计 row at all is
 * total-missing, a warning by default (the county re-adds the rows anyway; the template still asks for it).
 */
import { address, type Grid } from "../grid";
import type { CompiledColumn, CompiledTemplate } from "../templates";
import { formatNumber } from "./context";
import type { ColumnMap } from "./map-columns";
import { INVALID, normaliseCell, type CellSite } from "./normalise-cell";
import type { RowTable } from "./row-table";

export function checkTotals(
  grid: Grid,
  totalRow: number | undefined,
  ct: CompiledTemplate,
  map: ColumnMap,
  rows: RowTable,
  badColumns: Uint8Array,
  site: CellSite,
): void {
  const out = site.out;
  const { missing, tolerance } = ct.template.totals;
  if (!ct.columns.some((c) => c.inTotal && map.colOf[c.index] >= 0)) return;
  if (totalRow === undefined) {
    if (missing !== "ignore") out.add("total-missing", missing, {});
    return;
  }
  const cells = grid.rows[totalRow];
  for (const col of ct.columns) {
    const gc = map.colOf[col.index];
    if (!col.inTotal || gc < 0 || badColumns[col.index]) continue;
    let sum = 0;
    for (const v of rows.columns[col.index]) if (typeof v === "number") sum += v;
    sum = Math.round(sum * 1e6) / 1e6;
    // A total is not a village: the per-village range does not apply to it.
    const totalColumn: CompiledColumn = { ...col, min: undefined, max: undefined };
    site.r = totalRow;
    site.c = gc;
    site.total = true;
    const v = normaliseCell(cells?.[gc], totalColumn, site);
    site.total = false;
    if (v === INVALID) continue;
    const cell = address(totalRow, gc);
    const where = { cell, row: totalRow + 1, column: col };
    const sumText = formatNumber(sum, col.decimals);
    if (v === null) {
      if (Math.abs(sum) > tolerance) out.add("total-mismatch", "totalBlank", { sum: sumText }, where);
    } else if (typeof v === "number" && Math.abs(v - sum) > tolerance + 1e-9) {
      out.add("total-mismatch", "totalMismatch", { value: formatNumber(v, col.decimals), sum: sumText, diff: formatNumber(Math.abs(v - sum), col.decimals) }, where);
    }
  }
}
