/**
 * Computed columns (实绩得分, 测评得分, 综合得分, 等次, 达标条数 …): a blank cell gets the value the template's expression
 * gives (so the merge and the summary see it); a filled cell is checked against it, within the column's tolerance, and
 * a disagreement is an error at that cell naming both values and how the value is computed. Columns are taken in the
 * order compiled (each after the computed columns it reads), so 综合得分 sees the 实绩得分 just computed.
 */
import { NO, YES } from "../i18n";
import { formatDate, normaliseText, textOf, type CompiledColumn, type CompiledTemplate, type ExprValue, type RowScope } from "../templates";
import { formatNumber, type Collector } from "./context";
import type { Value } from "./normalise-cell";

const round = (x: number, decimals: number | undefined) => (decimals === undefined ? x : Math.round(x * 10 ** decimals) / 10 ** decimals);

/** The computed value as a cell value (lists are not cell values). */
function asValue(v: ExprValue, column: CompiledColumn): Value {
  if (typeof v === "number") return Number.isFinite(v) ? round(v, column.type === "integer" ? 0 : column.decimals) : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return null;
}

function agrees(filled: Value, computed: Value, tolerance: number): boolean {
  if (typeof filled === "number" && typeof computed === "number") return Math.abs(filled - computed) <= tolerance + 1e-9;
  if (typeof filled === "string" && typeof computed === "string") return normaliseText(filled) === normaliseText(computed);
  return filled === computed;
}

function show(v: Value, column: CompiledColumn): string {
  if (typeof v === "number") return column.type === "date" ? formatDate(v) : formatNumber(v, column.decimals);
  if (typeof v === "boolean") return v ? YES : NO;
  return v ?? "";
}

/**
 * Fills or checks every computed column of one row (`values` and `scope` by column index); `scope` already holds the
 * row's values. `cellOf` gives the cell of a column in this row (undefined when the column is not in the sheet).
 */
export function applyComputed(
  ct: CompiledTemplate,
  values: Value[],
  bad: Uint8Array,
  scope: RowScope,
  out: Collector,
  where: { row: number; villageCode?: string; cellOf(column: CompiledColumn): string | undefined },
): void {
  for (const col of ct.computed) {
    if (bad[col.index]) continue;
    const computed = asValue(col.computeExpr!.fn(scope), col);
    const filled = values[col.index];
    if (filled === null) {
      values[col.index] = computed;
      scope[col.index] = computed;
      continue;
    }
    if (computed === null || agrees(filled, computed, col.compute!.tolerance)) continue;
    // The columns computed from this one see the right value, so one wrong cell is one error, not a cascade.
    scope[col.index] = computed;
    const formula = col.compute!.formula ? textOf(col.compute!.formula, out.locale) : col.compute!.expr;
    out.add("computed-mismatch", "computedMismatch", { filled: show(filled, col), expected: show(computed, col), formula }, {
      cell: where.cellOf(col),
      row: where.row,
      column: col,
      villageCode: where.villageCode,
    });
  }
}
