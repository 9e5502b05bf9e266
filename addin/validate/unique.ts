/**
 * Columns marked unique: a value seen twice is a duplicate at the later row (naming the first), and both rows count as
 * having errors. The registry-linked village code column is left to registry-checks when there is a registry (it names
 * the village as well).
 */
import { NO, YES } from "../i18n";
import { address } from "../grid";
import type { CompiledTemplate } from "../templates";
import type { Collector } from "./context";
import type { ColumnMap } from "./map-columns";
import type { RowTable } from "./row-table";

export function checkUnique(ct: CompiledTemplate, rows: RowTable, map: ColumnMap, withRegistry: boolean, out: Collector, errorRows: Set<number>): void {
  for (const col of ct.columns) {
    const gc = map.colOf[col.index];
    if (!col.unique || gc < 0 || (withRegistry && col.registry === "villageCode")) continue;
    const seen = new Map<string | number | boolean, number>();
    const values = rows.columns[col.index];
    for (let j = 0; j < rows.length; j++) {
      const v = values[j];
      if (v === null) continue;
      const row = rows.row[j];
      const first = seen.get(v);
      if (first === undefined) {
        seen.set(v, row);
        continue;
      }
      out.add(
        "duplicate-village",
        "duplicateValue",
        { value: typeof v === "boolean" ? (v ? YES : NO) : String(v), first },
        { cell: address(row - 1, gc), row, column: col, villageCode: col.registry === "villageCode" ? String(v) : undefined },
      );
      errorRows.add(first);
    }
  }
}
