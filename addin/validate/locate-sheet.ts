/**
 * Finding the data sheet: the sheet whose header matches the template best. An instructions sheet (填表说明) has no
 * header row and loses; hidden sheets are only considered when no visible sheet has a header.
 */
import { isBlank, type Book, type Grid } from "../grid";
import type { CompiledTemplate } from "../templates";
import { locateHeader, type HeaderMatch } from "./locate-header";

export interface SheetMatch {
  grid: Grid;
  header: HeaderMatch;
}

export function hasContent(grid: Grid): boolean {
  for (const row of grid.rows) if (row) for (const cell of row) if (!isBlank(cell)) return true;
  return false;
}

/** The best-matching sheet (visible first, then hidden), or undefined when no sheet has the template's header. */
export function locateSheet(book: Book, ct: CompiledTemplate): SheetMatch | undefined {
  for (const hidden of [false, true]) {
    let best: SheetMatch | undefined;
    for (const grid of book.sheets) {
      if (!!grid.hidden !== hidden) continue;
      const header = locateHeader(grid, ct);
      if (header && (!best || header.score > best.header.score)) best = { grid, header };
    }
    if (best) return best;
  }
  return undefined;
}
