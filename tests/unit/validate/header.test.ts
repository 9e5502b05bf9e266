import { gridFromValues, type Book, type Scalar } from "../../../addin/grid";
import { validateBook, validateGrid } from "../../../addin/validate";
import { codes, ctx, HEADER_SUB, HEADER_TOP, sheet, totalRow, villages } from "./t1";

const book = (...sheets: ReturnType<typeof sheet>[]): Book => ({ file: "东湖镇.xlsx", format: "xlsx", sheets });

describe("locating the sheet and the header", () => {
  test("a clean two-level header with merged cells under a title: no issues, data from row 5", () => {
    const r = validateBook(book(sheet()), ctx);
    expect(r.issues).toEqual([]);
    expect(r.status).toBe("ok");
    expect(r.sheet).toBe("村级集体经济");
    expect(r.rows.toArray().map((x) => x.row)).toEqual([5, 6, 7, 8]);
    expect(r.township).toEqual({ code: "339901101", name: "东湖镇" });
  });

  test("a two-level header without merges (as a CSV has it) is found too", () => {
    const r = validateBook({ file: "a.csv", format: "csv", sheets: [sheet({ extra: { merges: [] } })] }, ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows).toHaveLength(4);
  });

  test("a single-level header, no title rows, synonyms, stray spaces, line breaks and full-width brackets", () => {
    const header: Scalar[] = ["序 号", "村代码", "行政村名称", "是否薄弱村\n基数", "总收入（万元）", " 经营性收入 ", "上级补助", "是否已消薄", "消薄年份", "增收途径", "备注"];
    const grid = gridFromValues("Sheet1", [header, ...villages(), totalRow(villages())]);
    const r = validateGrid(grid, "x.xlsx", ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.toArray().map((x) => x.row)).toEqual([2, 3, 4, 5]);
  });

  test("a one-level header two rows tall (cells merged down) under a 填报单位 line: data right below it, no blank row", () => {
    const header: Scalar[] = ["序号", "村（社区）代码", "村（社区）名称", "是否薄弱村基数", "总收入", "经营性收入", "上级补助收入", "是否已消薄", "消薄年份", "主要增收途径", "备注"];
    const grid = gridFromValues("Sheet1", [
      ["东湖镇村级集体经济发展情况统计表（2024年度）"],
      ["填报单位：东湖镇（盖章）", null, null, null, null, null, null, "填报日期：", null, null, "单位：万元"],
      header,
      header.map(() => null),
      ...villages(),
      totalRow(villages()),
    ], { merges: header.map((_, c) => ({ top: 2, left: c, bottom: 3, right: c })) });
    const r = validateGrid(grid, "x.xlsx", ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.toArray().map((x) => x.row)).toEqual([5, 6, 7, 8]);
    expect(r.township?.name).toBe("东湖镇");
  });

  test("an instructions sheet before the data sheet is skipped; a hidden copy is used only when nothing visible matches", () => {
    const instructions = gridFromValues("填表说明", [["填表说明"], ["1. 村（社区）代码填写 12 位统计用区划代码。"], ["2. 总收入、经营性收入单位为万元。"]]);
    expect(validateBook(book(instructions, sheet()), ctx).sheet).toBe("村级集体经济");
    const hidden = sheet({ name: "隐藏", extra: { hidden: true } });
    expect(validateBook(book(hidden, sheet({ name: "可见" })), ctx).sheet).toBe("可见");
    expect(validateBook(book(instructions, hidden), ctx).sheet).toBe("隐藏");
  });

  test("header-not-found names the file and the columns to use; sheet-not-found for an empty book", () => {
    const r = validateBook(book(gridFromValues("Sheet1", [["你好"], ["世界"]])), ctx);
    expect(codes(r.issues)).toEqual(["header-not-found"]);
    expect(r.issues[0].message).toBe(
      "东湖镇.xlsx：找不到“村级集体经济发展情况统计表”的表头（应有 “村（社区）代码”、“村（社区）名称”、“是否薄弱村基数”、“总收入”、“经营性收入” 等列）。请使用县里下发的模板填报，不要改动表头文字。",
    );
    expect(r.status).toBe("errors");
    expect(codes(validateBook(book(gridFromValues("Sheet1", [])), ctx).issues)).toEqual(["sheet-not-found"]);
  });
});

describe("mapping columns", () => {
  test("columns in any order and extra columns give the same rows", () => {
    const base = validateGrid(sheet(), "a.xlsx", ctx);
    // Move 备注 (K) to the front and add an extra column 联系人 at the end.
    const move = (r: Scalar[]) => [r[10] ?? null, ...r.slice(0, 10), "x"];
    const rows = villages().map(move);
    const grid = gridFromValues("S", [
      move(HEADER_TOP).map((v, i) => (i === 11 ? "联系人" : v)),
      move(HEADER_SUB).map((v, i) => (i === 11 ? null : v)),
      ...rows,
      move(totalRow(villages())),
    ]);
    const r = validateGrid(grid, "a.xlsx", ctx);
    expect(r.issues).toEqual([]);
    expect(r.rows.toArray().map((x) => x.values)).toEqual(base.rows.toArray().map((x) => x.values));
  });

  test("a missing required column is one missing-column error naming the header (and its group)", () => {
    const drop = (r: Scalar[]) => r.filter((_, i) => i !== 5);
    const grid = gridFromValues("S", [drop(HEADER_TOP), drop(HEADER_SUB), ...villages().map(drop), drop(totalRow(villages()))], {
      merges: [{ top: 0, left: 3, bottom: 0, right: 5 }],
    });
    const r = validateGrid(grid, "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["missing-column"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", column: "经营性收入", columnKey: "operatingIncome" });
    expect(r.issues[0].message).toBe("a.xlsx 工作表“S”：缺少“经营性收入”列，请在表头“集体经济收入”下加上“经营性收入”列并填写。");
    expect(r.rows.at(0).values.operatingIncome).toBeNull();
  });

  test("a missing optional column is fine; 是否已消薄 missing while there are baseline villages is missing-column once", () => {
    const drop = (r: Scalar[]) => r.filter((_, i) => i !== 7 && i !== 8);
    const grid = gridFromValues("S", [drop(HEADER_TOP), drop(HEADER_SUB), ...villages().map(drop), drop(totalRow(villages()))]);
    const r = validateGrid(grid, "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["missing-column"]);
    expect(r.issues[0].columnKey).toBe("eliminated");
  });

  test("the same column twice is duplicate-column at the second header cell; the first is used", () => {
    const grid = gridFromValues("S", [
      [...HEADER_TOP, "村名称"],
      [...HEADER_SUB, null],
      ...villages().map((r) => [...r, "别的名字"]),
      totalRow(villages()),
    ]);
    const r = validateGrid(grid, "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["duplicate-column@L1"]);
    expect(r.issues[0].message).toBe("S!L1：“村（社区）名称”列重复出现（S!C1 已有这一列），请删除多余的一列。");
    expect(r.rows.at(0).values.villageName).toBe("黄埠村");
  });
});
