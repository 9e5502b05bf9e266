/**
 * From the recognised header cells to a column map: template key → sheet column. Extra columns are kept in the sheet
 * and ignored; a column recognised twice is a duplicate-column error (the first one is used); a required column that is
 * not there is a missing-column error naming the header to add.
 */
import type { CompiledColumn, CompiledTemplate } from "../templates";
import type { Collector } from "./context";
import type { HeaderMatch } from "./locate-header";

export interface ColumnMap {
  /** Sheet column (0-based) of each template column, -1 when the sheet does not have it; indexed like ct.columns. */
  colOf: Int32Array;
  /** The template columns the sheet has, in sheet order. */
  present: CompiledColumn[];
  /** A1 of each present column's header cell, by key. */
  headerCell: Record<string, string>;
}

export function mapColumns(header: HeaderMatch, ct: CompiledTemplate, out: Collector): ColumnMap {
  const colOf = new Int32Array(ct.columns.length).fill(-1);
  const headerCell: Record<string, string> = Object.create(null);
  const present: CompiledColumn[] = [];
  for (const h of header.cells) {
    const first = headerCell[h.column.key];
    if (first !== undefined) {
      out.add("duplicate-column", "duplicateColumn", { first: `${out.sheet}!${first}` }, { cell: h.cell, row: Number(h.cell.replace(/^[A-Z]+/, "")), column: h.column });
      continue;
    }
    colOf[h.column.index] = h.col;
    headerCell[h.column.key] = h.cell;
    present.push(h.column);
  }
  for (const c of ct.columns) {
    if (c.required && colOf[c.index] < 0) reportMissingColumn(c, out);
  }
  return { colOf, present, headerCell };
}

export function reportMissingColumn(c: CompiledColumn, out: Collector): void {
  const where = c.group ? out.msg("validate.missingColumn.group", { group: c.group }) : "";
  out.add("missing-column", "missingColumn", { where }, { column: c });
}
