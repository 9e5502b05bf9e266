import fc from "fast-check";
import { RowTable, validateGrid, type DataRow, type RowValue } from "../../../addin/validate";
import { ctx, sheet, template } from "./t1";

const value: fc.Arbitrary<RowValue> = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: true }), fc.string(), fc.constantFrom("339901101201", "__proto__"));
const keys = ["villageCode", "__proto__", "totalIncome", "remarks"];
const dataRow: fc.Arbitrary<DataRow> = fc.record({
  row: fc.integer({ min: 1, max: 1_048_576 }),
  values: fc.array(value, { minLength: keys.length, maxLength: keys.length }).map((vs) => {
    const values = Object.create(null) as Record<string, RowValue>;
    keys.forEach((k, i) => (values[k] = vs[i]));
    return values;
  }),
  hasErrors: fc.boolean(),
});

describe("RowTable: a report's rows as columns", () => {
  test("rows given as objects come back the same, by index, by iterating and by column; a clone revived is the same table", () => {
    fc.assert(
      fc.property(fc.array(dataRow, { maxLength: 30 }), (rows) => {
        const table = RowTable.from(rows, keys);
        expect(table.length).toBe(rows.length);
        expect(table.toArray()).toEqual(rows);
        expect([...table]).toEqual(rows);
        rows.forEach((r, i) => {
          expect(table.at(i)).toEqual(r);
          expect(table.value(i, "remarks")).toBe(r.values.remarks);
        });
        expect(table.column("totalIncome")).toEqual(rows.map((r) => r.values.totalIncome));
        expect(table.column("other")).toBeUndefined();
        // What a worker thread's report becomes on the way back: its fields, not its class.
        const clone = structuredClone(table);
        expect(clone).not.toBeInstanceOf(RowTable);
        const revived = RowTable.revive(clone);
        expect(revived).toBeInstanceOf(RowTable);
        expect(revived.toArray()).toEqual(rows);
      }),
    );
  });

  test("a row as an object is a copy, with a null prototype: changing it does not change the table", () => {
    const table = RowTable.from([{ row: 5, values: { villageCode: "339901101201", totalIncome: 40 }, hasErrors: false }]);
    const row = table.at(0);
    expect(Object.getPrototypeOf(row.values)).toBeNull();
    row.values.totalIncome = 99;
    row.hasErrors = true;
    expect(table.at(0)).toEqual({ row: 5, values: { villageCode: "339901101201", totalIncome: 40 }, hasErrors: false });
  });

  test("without keys given, a table has every key of its rows in first-seen order; a key a row lacks is null", () => {
    const table = RowTable.from([
      { row: 5, values: { a: 1 }, hasErrors: false },
      { row: 6, values: { b: "x", a: 2 }, hasErrors: true },
    ]);
    expect(table.keys).toEqual(["a", "b"]);
    expect(table.toArray().map((r) => ({ ...r.values }))).toEqual([{ a: 1, b: null }, { a: 2, b: "x" }]);
    expect(Array.from(table.hasErrors)).toEqual([0, 1]);
  });

  test("a validated sheet's table has the template's keys in its column order, each row's values and sheet row", () => {
    const rows = validateGrid(sheet(), "东湖镇.xlsx", ctx, "xlsx").rows;
    expect(rows.keys).toEqual(template.columns.map((c) => c.key));
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 0; i < rows.length; i++) {
      const r = rows.at(i);
      expect(r.row).toBe(rows.row[i]);
      for (const k of rows.keys) expect(r.values[k]).toBe(rows.value(i, k));
    }
    // The table rebuilt from its own rows is the same table.
    expect(RowTable.from(rows.toArray(), rows.keys)).toEqual(rows);
  });
});
