import { gridFromValues, type Scalar } from "../../../addin/grid";
import { validateGrid } from "../../../addin/validate";
import { codes, ctx, HEADER_SUB, HEADER_TOP, sheet, totalRow, villages } from "./t1";

describe("finding the data rows", () => {
  test("stops at the 合计 row and at the footer; spare blank rows before 合计 are no warning", () => {
    const rows = [...villages(), [5, null, null, null, null, null, null, null, null, null, null], [null, null, null]];
    const r = validateGrid(sheet({ rows, total: totalRow(villages()) }), "a.xlsx", ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.toArray().map((x) => x.row)).toEqual([5, 6, 7, 8]);
  });

  test.each(["合计", "合  计", "总计", "全镇合计"])("%j in the first column marks the total row", (label) => {
    const total = totalRow(villages());
    total[0] = label;
    const r = validateGrid(sheet({ total }), "a.xlsx", ctx);
    expect(r.issues).toEqual([]);
  });

  test("a 小计 row does not end the table: it is skipped, the villages below it are read, and it is not in the sums", () => {
    const v = villages();
    const sub = (rows: Scalar[][]): Scalar[] => ["小计", null, null, null, ...totalRow(rows).slice(4)];
    // 小计 after the first two villages, then two more villages, then 合计 over the four villages only.
    const rows = [v[0], v[1], sub([v[0], v[1]]), v[2], v[3]];
    const r = validateGrid(sheet({ rows, total: totalRow(v) }), "a.xlsx", ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.toArray().map((x) => x.row)).toEqual([5, 6, 8, 9]);
    // Were the 小计 counted, the 合计 of 总收入 would be off by 72.30 (52.3 + 20).
    const counted = [...v, sub([v[0], v[1]])];
    const wrong = validateGrid(sheet({ rows, total: totalRow(counted) }), "a.xlsx", ctx);
    expect(codes(wrong.issues)).toEqual(["total-mismatch@E10", "total-mismatch@F10", "total-mismatch@G10"]);
    // With no 合计 at all, a 小计 as the last row does not pass for one.
    const noTotal = validateGrid(sheet({ rows: [...v, sub(v)], total: null }), "a.xlsx", ctx);
    expect(codes(noTotal.issues)).toEqual(["total-missing"]);
    expect(noTotal.rows).toHaveLength(4);
  });

  test("合计 in the name column works too; with no 合计 the footer ends the data and total-missing is a warning", () => {
    const total = totalRow(villages());
    total[0] = null;
    total[2] = "合计";
    expect(validateGrid(sheet({ total }), "a.xlsx", ctx).issues).toEqual([]);
    const r = validateGrid(sheet({ total: null }), "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["total-missing"]);
    expect(r.issues[0]).toMatchObject({ severity: "warning" });
    expect(r.issues[0].message).toBe("a.xlsx 工作表“村级集体经济”：没有找到“合计”行，请在最后一个村下面加上合计行。");
    expect(r.rows).toHaveLength(4);
    expect(r.status).toBe("warnings");
  });

  test("a blank row inside the table is a blank-row warning on that row; a 序号 alone counts as blank", () => {
    const rows = villages();
    rows.splice(2, 0, [null], [9]);
    const r = validateGrid(sheet({ rows, total: totalRow(villages()) }), "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["blank-row", "blank-row"]);
    expect(r.issues.map((i) => i.row)).toEqual([7, 8]);
    expect(r.issues[0].message).toBe("村级集体经济 第 7 行：表格中间有空行，请删除该行（或填上数据）。");
    expect(r.rows.toArray().map((x) => x.row)).toEqual([5, 6, 9, 10]);
  });

  test("a hidden data row is a hidden-row warning, and its data is still read", () => {
    const r = validateGrid(sheet({ extra: { hiddenRows: [5] } }), "a.xlsx", ctx);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([["hidden-row", "warning", 6]]);
    expect(r.rows).toHaveLength(4);
  });

  test("a 栏次 row (甲 乙 1 2 …) under the header is skipped", () => {
    const numbering: Scalar[] = ["甲", "乙", "丙", "丁", 1, 2, 3, 4, 5, 6, 7];
    const grid = gridFromValues("S", [HEADER_TOP, HEADER_SUB, numbering, ...villages(), totalRow(villages())]);
    const r = validateGrid(grid, "a.xlsx", ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.at(0).row).toBe(4);
  });
});
