/**
 * The merged units (村级明细) column by column: what the merge builds, the township and county figures, the unit
 * rankings, the workbook's detail and ranking sheets and reconcile() read. A province merges 200,000 villages, and an
 * object per village (with one for its source and a boxed number per money value) was most of what the merge
 * allocated, the garbage collector copied, and the sheets read back a key at a time (docs/decisions.md). `at(i)` and
 * `toArray()` give the units as MergedVillage objects, for a caller that wants objects (the tests); `UnitTable.from`
 * makes a table of objects, whatever they hold, so that a summary whose units were edited as objects is checked as it is.
 */
import type { MergedVillage, RowSource, UnitValue } from "./types";

/** A column's values: a number column's as numbers (NaN where it has none), any other's as they are. */
export type UnitColumn = Float64Array | UnitValue[];

/** Unit i's value in a column (null where a number column has none). */
export function valueAt(column: UnitColumn, i: number): UnitValue {
  if (column instanceof Float64Array) {
    const v = column[i];
    return v === v ? v : null;
  }
  const v = column[i];
  return v === undefined ? null : v;
}

// The columns are made at their length and filled by index: push, to 200,000, cost twenty times as much.
export class UnitTable {
  readonly townshipCode: string[];
  readonly townshipName: string[];
  readonly villageCode: string[];
  readonly villageName: string[];
  readonly reportedName: (string | null)[];
  /** The source of each unit's row (RowSource), field by field. */
  readonly file: string[];
  readonly fileIndex: number[];
  readonly sheet: (string | undefined)[];
  readonly row: number[];
  /** Each template column's and derived value's values, by key, in the order of the unit's keys. */
  readonly columns = new Map<string, UnitColumn>();

  constructor(
    /** How many units. */
    readonly length: number,
    /** The keys of the units' values: the template's columns (but 序号), then the summary's derived values. */
    readonly keys: readonly string[],
  ) {
    this.townshipCode = new Array(length);
    this.townshipName = new Array(length);
    this.villageCode = new Array(length);
    this.villageName = new Array(length);
    this.reportedName = new Array(length);
    this.file = new Array(length);
    this.fileIndex = new Array(length);
    this.sheet = new Array(length);
    this.row = new Array(length);
  }

  /** A key's column (an empty one for a key the units do not have). */
  column(key: string): UnitColumn {
    return this.columns.get(key) ?? [];
  }

  /** Unit i's source. */
  source(i: number): RowSource {
    return { file: this.file[i], fileIndex: this.fileIndex[i], sheet: this.sheet[i], row: this.row[i] };
  }

  /** Unit i as an object, its keys in the order the merge has always given them. */
  at(i: number): MergedVillage {
    const unit: Record<string, unknown> = {
      townshipCode: this.townshipCode[i],
      townshipName: this.townshipName[i],
      villageCode: this.villageCode[i],
      villageName: this.villageName[i],
      reportedName: this.reportedName[i],
      source: this.source(i),
    };
    for (const key of this.keys) unit[key] = valueAt(this.column(key), i);
    return unit as MergedVillage;
  }

  toArray(): MergedVillage[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /**
   * A table of these units, with the given value keys: every value as the objects hold it, whatever it is (each column a
   * plain array: a number column of the merge's own is a Float64Array, one made here need not hold numbers).
   */
  static from(units: readonly MergedVillage[], keys: readonly string[]): UnitTable {
    const table = new UnitTable(units.length, keys);
    units.forEach((u, i) => {
      table.townshipCode[i] = u.townshipCode;
      table.townshipName[i] = u.townshipName;
      table.villageCode[i] = u.villageCode;
      table.villageName[i] = u.villageName;
      table.reportedName[i] = u.reportedName;
      table.file[i] = u.source.file;
      table.fileIndex[i] = u.source.fileIndex;
      table.sheet[i] = u.source.sheet;
      table.row[i] = u.source.row;
    });
    for (const key of keys) table.columns.set(key, units.map((u) => (u[key] === undefined ? null : (u[key] as UnitValue))));
    return table;
  }
}
