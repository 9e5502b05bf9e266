/**
 * A validated sheet's data rows as columns (FileReport.rows): one array of values per template column, the sheet rows
 * and the error flags as typed arrays. A province's 1,000 files are 200,000 rows held from validation to the merge; as
 * an object per row (and a values object each) they were ~300 bytes a row of objects for the collector to copy and the
 * system to fault in, and a worker thread sent them back as 200,000 objects to clone. As columns they are a few arrays
 * per file, and a clone of them is a few arrays too (RowTable.revive gives it its methods back).
 *
 * `at(i)` and iterating give rows as objects ({ row, values, hasErrors }), for code where a row at a time reads
 * clearer than columns and for tests; `RowTable.from(rows)` makes a table of such objects.
 */
import type { DataRow, RowValue } from "./report";

export class RowTable {
  /** Each data row's 1-based sheet row. */
  readonly row: Int32Array;
  /** 1 where the row has at least one error, so it cannot be merged as it is. */
  readonly hasErrors: Uint8Array;
  /** Each key's values, in `keys` order: the value of row i for keys[k] is columns[k][i]. */
  readonly columns: RowValue[][];

  constructor(
    /** The template's column keys, in its column order. */
    readonly keys: readonly string[],
    readonly length: number,
  ) {
    this.row = new Int32Array(length);
    this.hasErrors = new Uint8Array(length);
    // Made at their length and filled by index (push to the length cost many times more at 200,000 rows).
    this.columns = keys.map(() => new Array<RowValue>(length).fill(null));
  }

  /** A table of no rows (an unreadable file's). */
  static empty(): RowTable {
    return new RowTable([], 0);
  }

  /** The table again after a structured clone (from a worker thread), which keeps the fields but not the class. */
  static revive(table: RowTable): RowTable {
    if (table instanceof RowTable) return table;
    return Object.setPrototypeOf(table, RowTable.prototype) as RowTable;
  }

  /** A table of rows given as objects, keyed by `keys` (else every key of the rows, in first-seen order); a key a row lacks is null. */
  static from(rows: readonly DataRow[], keys?: readonly string[]): RowTable {
    let ks = keys;
    if (!ks) {
      const seen = new Set<string>();
      for (const r of rows) for (const k of Object.keys(r.values)) seen.add(k);
      ks = [...seen];
    }
    const table = new RowTable(ks, rows.length);
    rows.forEach((r, i) => {
      table.row[i] = r.row;
      table.hasErrors[i] = r.hasErrors ? 1 : 0;
      ks.forEach((k, c) => {
        const v = Object.prototype.hasOwnProperty.call(r.values, k) ? r.values[k] : null;
        table.columns[c][i] = v === undefined ? null : v;
      });
    });
    return table;
  }

  /** The values of a key's column; undefined when the table has no such key. */
  column(key: string): readonly RowValue[] | undefined {
    const k = this.keys.indexOf(key);
    return k < 0 ? undefined : this.columns[k];
  }

  /** Row i's value for a key; undefined when the table has no such key. */
  value(i: number, key: string): RowValue | undefined {
    return this.column(key)?.[i];
  }

  /** Row i as an object (a copy: changing it does not change the table). */
  at(i: number): DataRow {
    const values = Object.create(null) as Record<string, RowValue>;
    this.keys.forEach((k, c) => (values[k] = this.columns[c][i]));
    return { row: this.row[i], values, hasErrors: this.hasErrors[i] === 1 };
  }

  *[Symbol.iterator](): IterableIterator<DataRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toArray(): DataRow[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}
