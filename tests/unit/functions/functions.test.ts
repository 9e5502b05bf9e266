import { excelErrorOf, StubError } from "./custom-functions-stub";
import * as XB from "../../../functions/functions";

/** A column as Excel passes it: one value per row. */
const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("=XB.… with Excel's argument conventions", () => {
  test("ELIMRATE from numbers, and from 是/否 columns (eliminated among baseline 是)", () => {
    expect(XB.ELIMRATE([[3]], [[4]])).toBe(0.75);
    expect(XB.ELIMRATE(col("是", "否", "", "是", null), col("是", "是", "否", "是", "否"))).toBeCloseTo(2 / 3, 12);
    expect(excelErrorOf(() => XB.ELIMRATE([[1]], [[0]]))).toBe("#DIV/0!");
    expect(excelErrorOf(() => XB.ELIMRATE(col("是", "否"), col("是")))).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.ELIMRATE(col("可能"), col("是")))).toBe("#VALUE!");
  });

  test("a scalar that is not a number is #VALUE! with a Chinese message; a blank counts as 0", () => {
    try {
      XB.TASKRATE("三" as unknown as number, 2);
      throw new Error("no error");
    } catch (e) {
      expect((e as StubError).code).toBe("#VALUE!");
      expect((e as StubError).message).toContain("应为数字");
    }
    expect(XB.TASKRATE(null as unknown as number, 2)).toBe(0);
    expect(excelErrorOf(() => XB.TASKRATE(2, 0))).toBe("#DIV/0!");
  });

  test("MEETS spills TRUE/FALSE; omitted optionals arrive as null and mean 30/15 and; blanks give an empty string", () => {
    expect(XB.MEETS(col(30, 29.99, null), col(15, 20, null), null as unknown as number, null as unknown as number, null as unknown as string)).toEqual(col(true, false, ""));
    expect(XB.MEETS(col(29), col(16), null as unknown as number, null as unknown as number, "or")).toEqual(col(true));
    expect(excelErrorOf(() => XB.MEETS(col(1), col(1), 30, 15, "both"))).toBe("#VALUE!");
  });

  test("STATUS spills 非薄弱村 / 已消薄 / 未消薄", () => {
    expect(XB.STATUS(col("否", "是", "是", ""), col(50, 31, 20, 1), col(30, 16, 10, 1))).toEqual(col("非薄弱村", "已消薄", "未消薄", ""));
  });

  test("CONVRATE and SHAREABOVE skip blanks and text", () => {
    expect(XB.CONVRATE(col("是", "是", "否"), col(31, 20, 99), col(16, 10, 99))).toBe(0.5);
    expect(XB.SHAREABOVE(col(10, 20, "", "文字", 30), 15)).toBeCloseTo(2 / 3, 12);
    expect(excelErrorOf(() => XB.SHAREABOVE(col("", "x"), 15))).toBe("#DIV/0!");
  });

  test("RANK: 中国式 by default, descending unless FALSE, methods by name or Chinese alias; absent value #N/A", () => {
    const r = col(90, 90, 80, "缺报", null);
    expect(XB.RANK(80, r, null as unknown as boolean, null as unknown as string)).toBe(2);
    expect(XB.RANK(80, r, true, "competition")).toBe(3);
    expect(XB.RANK(80, r, true, "美式")).toBe(3);
    expect(XB.RANK(90, r, true, "average")).toBe(1.5);
    expect(XB.RANK(80, r, false, "dense")).toBe(1);
    expect(excelErrorOf(() => XB.RANK(70, r))).toBe("#N/A");
    expect(excelErrorOf(() => XB.RANK(90, r, true, "best"))).toBe("#VALUE!");
  });

  test("RANKS keeps the input's shape, with \"\" (never null) where blanks and text were", () => {
    const out = XB.RANKS([[90, ""], [80, 90], ["文字", null]], null as unknown as boolean, null as unknown as string);
    expect(out).toEqual([[1, ""], [2, 1], ["", ""]]);
    expect(out.flat().includes(null)).toBe(false);
  });

  test("GROUPRANK ranks within each township", () => {
    expect(XB.GROUPRANK(col(5, 7, 7, 3, 9), col("东湖镇", "东湖镇", "西山镇", "西山镇", "东湖镇"))).toEqual(col(3, 2, 1, 2, 1));
  });

  test("FLAG and INBOTTOM", () => {
    const xs = col(0.9, 0.8, 0.7, 0.7, 0.6, 0.5, 0.4, 0.4);
    expect(XB.FLAG(0.7, xs)).toBe("红旗");
    expect(XB.FLAG(0.6, xs)).toBe("");
    expect(XB.FLAG(0.4, xs, 1, 1)).toBe("黄旗");
    expect(XB.INBOTTOM(0.4, xs)).toBe(true);
    expect(XB.INBOTTOM(0.5, xs, null as unknown as number)).toBe(false);
  });

  test("VOTESCORE, TOTAL (#NUM! above a maximum), GRADE, GROWTH (#DIV/0!)", () => {
    expect(XB.VOTESCORE(12, 5, 2, 1, null as unknown as number[][])).toBe(86);
    expect(XB.VOTESCORE(1, 1, 0, 0, [[100, 90, 60, 0]])).toBe(95);
    expect(XB.TOTAL([[18, 25, 20]], [[20, 30, 20]], 8, null as unknown as number, 2)).toBe(66);
    expect(excelErrorOf(() => XB.TOTAL([[21]], [[20]]))).toBe("#NUM!");
    expect(XB.GRADE(86, null as unknown as number[][], null as unknown as string[][])).toBe("较好");
    expect(XB.GRADE(75, [[80], [70]], [["优秀"], ["合格"], ["不合格"]])).toBe("合格");
    expect(XB.GROWTH(15, 10)).toBe(0.5);
    expect(excelErrorOf(() => XB.GROWTH(1, 0))).toBe("#DIV/0!");
  });
});
