import type { Book } from "../../../addin/grid";

/** A Book as what the validator sees: every sheet's shape and flags, and every non-empty cell with its position. */
export function comparable(book: Book) {
  return book.sheets.map((g) => ({
    name: g.name,
    rowCount: g.rowCount,
    colCount: g.colCount,
    merges: g.merges,
    hiddenRows: g.hiddenRows,
    hiddenCols: g.hiddenCols,
    hidden: !!g.hidden,
    cells: g.rows.flatMap((row, r) => (row ?? []).flatMap((c, k) => (c ? [{ at: [r, k], ...c }] : []))),
  }));
}
