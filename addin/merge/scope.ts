/**
 * The scope a summary expression reads a unit through: the parameters in effect, then the unit's columns and derived
 * values that some summary expression reads, copied into one reused object (no per-unit allocation). Expressions read
 * only keys checked at template load.
 */
import type { CompiledTemplate, Scope, ScopeValue } from "../templates";
import { valueAt, type UnitColumn, type UnitTable } from "./unit-table";

export interface UnitScope {
  scope: Scope;
  /** Makes `scope` show unit i of this table (its columns looked up once). */
  loadRow(table: UnitTable): (i: number) => Scope;
}

export function unitScope(ct: CompiledTemplate, params: Record<string, ScopeValue>): UnitScope {
  const keys = ct.summary.reads;
  const scope = fastScope([...Object.keys(params), ...keys]);
  Object.assign(scope, params);
  return { scope, loadRow: (table) => rowLoader(scope, keys, keys.map((k) => table.column(k))) };
}

/** rowLoader's read of one value (null where a number column has none). */
const cell = (column: UnitColumn, i: number): ScopeValue => valueAt(column, i) as ScopeValue;

/**
 * Copies unit i's `keys` into the scope, each from its column. Up to four keys (what most summaries read) each have
 * their own read and write in the code, so each stays fast for its one key; a loop over more keys reads them all at one
 * place.
 */
function rowLoader(scope: Scope, keys: readonly string[], columns: readonly UnitColumn[]): (i: number) => Scope {
  const [a, b, c, d] = keys;
  const [A, B, C, D] = columns;
  switch (keys.length) {
    case 0:
      return () => scope;
    case 1:
      return (i) => ((scope[a] = cell(A, i)), scope);
    case 2:
      return (i) => ((scope[a] = cell(A, i)), (scope[b] = cell(B, i)), scope);
    case 3:
      return (i) => ((scope[a] = cell(A, i)), (scope[b] = cell(B, i)), (scope[c] = cell(C, i)), scope);
    case 4:
      return (i) => ((scope[a] = cell(A, i)), (scope[b] = cell(B, i)), (scope[c] = cell(C, i)), (scope[d] = cell(D, i)), scope);
  }
  return (i) => {
    for (let k = 0; k < keys.length; k++) scope[keys[k]] = cell(columns[k], i);
    return scope;
  };
}

/**
 * An object with these keys (all null), fast to read and write: Object.create(null) itself would be a dictionary (a
 * hash lookup per read); an object over a null-prototype one has fast properties, and a key such as "__proto__" is
 * still only a key (no Object.prototype in its chain).
 */
export function fastScope(keys: readonly string[]): Scope {
  const scope = Object.create(Object.create(null) as object) as Scope;
  for (const k of keys) scope[k] = null;
  return scope;
}

/** The parameters in effect: the template's, with the caller's over them. */
export function effectiveParameters(ct: CompiledTemplate, overrides: Record<string, number> = {}): Record<string, number | readonly (number | string)[]> {
  return Object.assign(Object.create(null) as Record<string, number | readonly (number | string)[]>, ct.params, overrides);
}
