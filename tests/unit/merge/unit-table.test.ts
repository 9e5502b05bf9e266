import fc from "fast-check";
import { mergeSubmissions, reconcile, summaryTables, UnitTable } from "../../../addin/merge";
import { cleanReport, demoRegistry, demoTargets, editRows } from "./helpers";

const registry = demoRegistry();
const targets = demoTargets(registry);
const merge = (present: number[]) => mergeSubmissions(present.map((i) => cleanReport(registry.townships[i])), { registry, targets, locale: "zh-CN" });

describe("UnitTable: the merged units as columns", () => {
  test("a unit as an object is its columns' values, keyed as the merge always gave them; a blank number is NaN in its column, null in the object", () => {
    const reports = registry.townships.map((tw) => cleanReport(tw));
    editRows(reports[0], (rows) => {
      rows[0].values.subsidyIncome = null;
      rows[0].values.remarks = "年底新增厂房租金";
    });
    const d = mergeSubmissions(reports, { registry, targets, locale: "zh-CN" }).detail;
    expect(d.column("totalIncome")).toBeInstanceOf(Float64Array);
    expect(d.column("remarks")).toBeInstanceOf(Array);
    expect(Number.isNaN((d.column("subsidyIncome") as Float64Array)[0])).toBe(true);
    const u = d.at(0);
    // Template 1's code and name columns are keyed villageCode and villageName: the registry's, once.
    expect(Object.keys(u)).toEqual([...new Set(["townshipCode", "townshipName", "villageCode", "villageName", "reportedName", "source", ...d.keys])]);
    expect(u).toMatchObject({ townshipCode: registry.townships[0].code, villageCode: registry.townships[0].villages[0].code, subsidyIncome: null, remarks: "年底新增厂房租金" });
    expect(u.source).toEqual({ file: reports[0].file, fileIndex: 0, sheet: "Sheet1", row: 5 });
    expect(d.toArray()).toHaveLength(d.length);
  });

  test("UnitTable.from of its own units is the same units: a summary holding it reconciles and lays out the same tables", () => {
    fc.assert(
      fc.property(fc.subarray(registry.townships.map((_, i) => i), { minLength: 1 }), (present) => {
        const s = merge(present);
        const units = s.detail.toArray();
        const rebuilt = UnitTable.from(units, s.detail.keys);
        expect(rebuilt.toArray()).toEqual(units);
        const tables = summaryTables(s, { county: "示例县" }).map((t) => t.rows);
        s.detail = rebuilt;
        expect(reconcile(s)).toEqual([]);
        expect(summaryTables(s, { county: "示例县" }).map((t) => t.rows)).toEqual(tables);
      }),
      { numRuns: 15 },
    );
  });
});
