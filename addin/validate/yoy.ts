/**
 * Year on year: a change of more than ±yoyMaxChange (50%) in a watched column (经营性收入) against last year's report
 * of the same village is a warning that a written explanation in 备注 clears. A village with 0 last year has no
 * percentage change and is not compared.
 */
import { address } from "../grid";
import type { CompiledTemplate } from "../templates";
import { formatNumber, type Collector } from "./context";
import type { ColumnMap } from "./map-columns";
import type { FileReport } from "./report";
import type { RowTable } from "./row-table";

export function checkYoy(ct: CompiledTemplate, rows: RowTable, previous: FileReport, map: ColumnMap, out: Collector): void {
  const y = ct.template.yoy;
  if (!y) return;
  const max = ct.template.parameters.yoyMaxChange ?? 0.5;
  // Last year's row of each village (its first), by its place in last year's rows.
  const before = new Map<string, number>();
  previous.rows.column(y.by)?.forEach((k, j) => {
    if (typeof k === "string" && !before.has(k)) before.set(k, j);
  });
  const by = rows.column(y.by) ?? [];
  const names = y.name ? rows.column(y.name) : undefined;
  const watched = y.columns.map((key) => ({ key, now: rows.column(key), then: previous.rows.column(key) }));
  for (let j = 0; j < rows.length; j++) {
    const k = by[j];
    if (typeof k !== "string") continue;
    const prev = before.get(k);
    if (prev === undefined) continue;
    const row = rows.row[j];
    for (const { key, now, then } of watched) {
      const cur = now?.[j];
      const was = then?.[prev];
      if (typeof cur !== "number" || typeof was !== "number" || was <= 0) continue;
      const change = (cur - was) / was;
      if (Math.abs(change) <= max + 1e-9) continue;
      const column = ct.byKey[key];
      const gc = map.colOf[column.index];
      const name = names?.[j];
      out.add(
        "yoy-change",
        "yoyChange",
        {
          name: typeof name === "string" ? name : k,
          previous: formatNumber(was, column.decimals),
          current: formatNumber(cur, column.decimals),
          change: `${change > 0 ? "+" : ""}${(change * 100).toFixed(1)}%`,
          max: `${Math.round(max * 1000) / 10}%`,
        },
        { cell: gc < 0 ? undefined : address(row - 1, gc), row, column, villageCode: k },
      );
    }
  }
}
