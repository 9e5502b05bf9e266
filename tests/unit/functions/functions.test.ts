import { excelErrorOf, StubError } from "./custom-functions-stub";
import * as XB from "../../../functions/functions";
import { DETAILS } from "../../../functions/excel-errors";
import { catalogue, setLocale } from "../../../addin/i18n";

/** The Excel error and its message (message "" when it returns). */
function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
    return { code: "", message: "" };
  } catch (e) {
    if (e instanceof StubError) return { code: e.code, message: e.code === e.message ? "" : e.message };
    throw e;
  }
}
const N = null as unknown as number;

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

  test("ELIMRATE on ranges of counts sums both sides (one row per township), not 是/否", () => {
    expect(XB.ELIMRATE(col(3, 2), col(4, 4))).toBe(5 / 8);
    expect(XB.ELIMRATE([[3, 2]], [[4, 4]])).toBe(5 / 8);
    expect(XB.ELIMRATE(col(3, null, 0), col(4, null, 2))).toBe(3 / 6);
    expect(XB.ELIMRATE(col(0, 0), col(4, 4))).toBe(0);
    // 0/1 counts read the same as 是/否 codes
    expect(XB.ELIMRATE(col(1, 0, 1), col(1, 1, 1))).toBeCloseTo(2 / 3, 12);
  });

  test("ELIMRATE: more eliminated than baseline (in any row) or a negative count is #NUM!; no baseline #DIV/0!", () => {
    expect(excelErrorOf(() => XB.ELIMRATE([[5]], [[4]]))).toBe("#NUM!");
    expect(excelErrorOf(() => XB.ELIMRATE(col(5, 0), col(4, 4)))).toBe("#NUM!");
    expect(excelErrorOf(() => XB.ELIMRATE(col(1, 0), col(0, 1)))).toBe("#NUM!");
    expect(excelErrorOf(() => XB.ELIMRATE(col(-1), col(4)))).toBe("#NUM!");
    expect(excelErrorOf(() => XB.ELIMRATE(col(0, 0), col(0, null)))).toBe("#DIV/0!");
  });

  test("ELIMRATE: 是/否 columns may use 1/0 and TRUE/FALSE; counts against a 是/否 column, or 是/否 mixed with other numbers, are #VALUE!", () => {
    expect(XB.ELIMRATE(col(true, false, 1), col("是", "是", 1))).toBeCloseTo(2 / 3, 12);
    expect(XB.ELIMRATE(col("是", 0), col(1, 1))).toBe(0.5);
    const mixed = failure(() => XB.ELIMRATE(col(3, 2), col("是", "是")));
    expect(mixed.code).toBe("#VALUE!");
    expect(mixed.message).toContain("同为数字");
    expect(mixed.message).toContain("已消除");
    const ambiguous = failure(() => XB.ELIMRATE(col("是", 3), col("是", "是")));
    expect(ambiguous.code).toBe("#VALUE!");
    expect(ambiguous.message).toContain("3");
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

  test("CONVRATE: the denominator is the whole baseline; a baseline village with blank or text income is not 达标", () => {
    expect(XB.CONVRATE(col("是", "是", "否"), col(31, 20, 99), col(16, 10, 99))).toBe(0.5);
    expect(XB.CONVRATE(col("是", "是", "是", "否"), col(31, null, "缺报", 99), col(16, 20, 20, 99))).toBeCloseTo(1 / 3, 12);
    expect(XB.CONVRATE(col("是", "", "否"), col(31, 1, 99), col(16, 1, 99))).toBe(1);
    expect(excelErrorOf(() => XB.CONVRATE(col("否", ""), col(31, 1), col(16, 1)))).toBe("#DIV/0!");
    expect(excelErrorOf(() => XB.CONVRATE(col("是", 2), col(31, 1), col(16, 1)))).toBe("#VALUE!");
  });

  test("SHAREABOVE skips blanks and text", () => {
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

  test("descending: TRUE/FALSE (and 是/否, 降序/升序) as declared; a number is #VALUE! telling to use TRUE/FALSE; unknown text #VALUE!", () => {
    const r = col(90, 80, 70);
    expect(XB.RANK(90, r, true)).toBe(1);
    expect(XB.RANK(90, r, false)).toBe(3);
    expect(XB.RANK(90, r, "FALSE")).toBe(3);
    expect(XB.RANK(90, r, "否")).toBe(3);
    expect(XB.RANK(90, r, "升序")).toBe(3);
    expect(XB.RANK(90, r, "降序")).toBe(1);
    for (const n of [0, 1, -1, 2]) {
      const f = failure(() => XB.RANK(90, r, n));
      expect(f.code).toBe("#VALUE!");
      expect(f.message).toContain("TRUE");
      expect(f.message).toContain("降序");
    }
    expect(failure(() => XB.RANK(90, r, "maybe")).code).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.RANKS(r, 0))).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.GROUPRANK(r, col("a", "a", "a"), 1))).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.FLAG(90, r, N, N, 0))).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.INBOTTOM(90, r, N, "x"))).toBe("#VALUE!");
    expect(XB.INBOTTOM(90, col(90, 80, 70, 60, 50), N, false)).toBe(true);
  });

  test("FLAG and INBOTTOM: a value not in the range is #N/A with its message", () => {
    const xs = col(0.9, 0.8, "缺报", null);
    for (const f of [failure(() => XB.FLAG(0.5, xs)), failure(() => XB.INBOTTOM(0.5, xs))]) {
      expect(f.code).toBe("#N/A");
      expect(f.message).toContain("0.5");
    }
    expect(excelErrorOf(() => XB.INBOTTOM(0.5, col("", "x")))).toBe("#N/A");
  });

  test("TOTAL skips a pair where either side is blank or text, as the issue's Excel semantics say", () => {
    expect(XB.TOTAL(col(18, "缺", 20, null, 5), col(20, 30, "满分", 25, 10), N, N, N)).toBe(23);
    expect(XB.TOTAL(col("", true), col(10, 10))).toBe(0);
    expect(excelErrorOf(() => XB.TOTAL(col(18, 31), col(20, 30)))).toBe("#NUM!");
  });

  test("VOTESCORE points of the wrong length: #VALUE! naming 分值 and the count, in Chinese", () => {
    const f = failure(() => XB.VOTESCORE(1, 1, 1, 1, [[100, 80, 60]]));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toContain("分值");
    expect(f.message).toContain("3");
    expect(f.message).not.toMatch(/points-length/);
    expect(excelErrorOf(() => XB.VOTESCORE(0, 0, 0, 0))).toBe("#DIV/0!");
  });

  test("GRADE errors: labels of the wrong length, thresholds out of order, a score that is text", () => {
    const labels = failure(() => XB.GRADE(75, [[80], [70]], [["优秀"], ["合格"]]));
    expect(labels.code).toBe("#VALUE!");
    expect(labels.message).toContain("等次名称");
    expect(labels.message).toContain("分数线");
    expect(labels.message).not.toMatch(/labels-length/);
    const order = failure(() => XB.GRADE(75, [[70], [80]], [["a"], ["b"], ["c"]]));
    expect(order.code).toBe("#VALUE!");
    expect(order.message).toContain("从高到低");
    const text = failure(() => XB.GRADE("良" as unknown as number));
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toContain("分数");
  });

  test("#VALUE! messages name arguments by their zh-CN names (functions-zh-cn.json), not the JS names", () => {
    const f = failure(() => XB.TASKRATE("三", 2));
    expect(f.message).toContain("已消除数");
    expect(f.message).not.toContain("done");
    expect(failure(() => XB.MEETS(col(1), col(1), "高")).message).toContain("总收入标准");
    expect(failure(() => XB.TOTAL(col(1), col(1, 2))).message).toContain("满分");
    setLocale("en-US");
    try {
      expect(failure(() => XB.TASKRATE("三", 2)).message).toContain("“done”");
    } finally {
      setLocale("zh-CN");
    }
  });

  test("every engine detail has its own Chinese message; no message prints a detail code", () => {
    for (const key of Object.values(DETAILS)) expect(catalogue[key!]["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(Object.values(DETAILS)).size).toBe(Object.keys(DETAILS).length);
    for (const [key, msg] of Object.entries(catalogue)) if (key.startsWith("fn.")) expect(msg["zh-CN"]).not.toContain("{detail}");
  });

  test("scalars: numeric text is read as the number; other text and TRUE/FALSE are #VALUE! (their parameters are declared any, so this message is what Excel shows)", () => {
    expect(XB.GROWTH(" 15 ", "10")).toBe(0.5);
    expect(excelErrorOf(() => XB.GROWTH(true, 10))).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.SHAREABOVE(col(1), "十五"))).toBe("#VALUE!");
    expect(excelErrorOf(() => XB.RANK("九十", col(90)))).toBe("#VALUE!");
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

describe("=XB.WEIGHTED (综合得分) with Excel's argument conventions", () => {
  test("WEIGHTED: 综合得分 = 实绩得分 86.5 × 70% + 测评得分 83.3 × 30% = 85.54, weights as a row or a column", () => {
    expect(XB.WEIGHTED([[86.5, 83.3]], [[0.7, 0.3]])).toBeCloseTo(86.5 * 0.7 + 83.3 * 0.3, 12);
    expect(XB.WEIGHTED([[86.5, 83.3]], [[0.7, 0.3]])).toBeCloseTo(85.54, 10);
    expect(XB.WEIGHTED([[86.5, 83.3]], col(0.7, 0.3))).toBeCloseTo(85.54, 10);
    expect(XB.WEIGHTED(col(90, 80, 70), col(0.5, 0.3, 0.2))).toBeCloseTo(83, 12);
  });

  test("WEIGHTED: a pair with a blank (desktop 0, web null), text or TRUE/FALSE on either side adds nothing, as in TOTAL", () => {
    const w = [[0.7, 0.3]];
    expect(XB.WEIGHTED([[86.5, 0]], w)).toBeCloseTo(60.55, 10); // desktop blank
    expect(XB.WEIGHTED([[86.5, null]], w)).toBeCloseTo(60.55, 10); // web blank
    expect(XB.WEIGHTED([[86.5, "缺考"]], w)).toBeCloseTo(60.55, 10);
    expect(XB.WEIGHTED([[86.5, true]], w)).toBeCloseTo(60.55, 10);
    expect(XB.WEIGHTED([[86.5, 83.3]], [[0.7, null]])).toBeCloseTo(60.55, 10);
    expect(XB.WEIGHTED([[86.5, 83.3]], [[0.7, "三成"]])).toBeCloseTo(60.55, 10);
    // a row not yet filled in: 0 on both hosts
    expect(XB.WEIGHTED([[0, 0]], w)).toBe(0);
    expect(XB.WEIGHTED([[null, null]], w)).toBe(0);
  });

  test("WEIGHTED: scores and weights with different numbers of cells are #VALUE! naming both arguments and the counts", () => {
    const f = failure(() => XB.WEIGHTED([[86.5, 83.3, 90]], [[0.7, 0.3]]));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toContain("各项得分");
    expect(f.message).toContain("权重");
    expect(f.message).toContain("3");
    expect(f.message).toContain("2");
    expect(excelErrorOf(() => XB.WEIGHTED(col(1, 2), [[1]]))).toBe("#VALUE!");
    setLocale("en-US");
    try {
      const en = failure(() => XB.WEIGHTED([[1, 2]], [[1]]));
      expect(en.message).toContain("“values”");
      expect(en.message).toContain("“weights”");
    } finally {
      setLocale("zh-CN");
    }
  });
});

describe("=XB.STARS (评星定级) with Excel's argument conventions", () => {
  test("STARS: one score, default 90/80/70/60 → 5 … 1; thresholds omitted (null) mean the default", () => {
    const one = (s: unknown) => XB.STARS([[s]], N as unknown as unknown[][]);
    expect([100, 90, 89.9, 86, 70, 60, 59.9, -1].map(one)).toEqual([[[5]], [[5]], [[4]], [[4]], [[3]], [[2]], [[1]], [[1]]]);
    expect(XB.STARS([[75]])).toEqual([[3]]);
    expect(one(" 75 ")).toEqual([[3]]); // numeric text, as GRADE reads its score
    expect(one(0)).toEqual([[1]]); // a blank cell on desktop
    expect(one(null)).toEqual([[1]]); // a blank cell on the web: 0 as well
  });

  test("STARS: a single score that is text is #VALUE! naming 分数", () => {
    const f = failure(() => XB.STARS([["良"]]));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toContain("分数");
    expect(f.message).toContain("良");
    expect(excelErrorOf(() => XB.STARS([[true]]))).toBe("#VALUE!");
  });

  test("STARS: a range of scores spills one star count per cell, \"\" (never null) for web blanks, text and TRUE/FALSE", () => {
    const out = XB.STARS(col(95, 85, 75, 65, 10, null, "缺考", true));
    expect(out).toEqual(col(5, 4, 3, 2, 1, "", "", ""));
    expect(out.flat().includes(null)).toBe(false);
    expect(XB.STARS(col(95, 0))).toEqual(col(5, 1)); // desktop passes a blank as 0: 1 star
    expect(XB.STARS([[95, 85], [75, ""]])).toEqual([[5, 4], [3, ""]]);
  });

  test("STARS: thresholds of the user's own; n thresholds give n + 1 stars at the top", () => {
    expect(XB.STARS(col(95, 85, 70), col(90, 80))).toEqual(col(3, 2, 1));
    expect(XB.STARS(col(95, 85, 70), [[90, 80]])).toEqual(col(3, 2, 1));
    expect(XB.STARS(col(96, 91, 30), col(95, 90, 85, 80))).toEqual(col(5, 4, 1));
  });

  test("STARS: thresholds not in descending order, repeated, or with no number are #VALUE! naming 分数线", () => {
    for (const th of [col(60, 70, 80, 90), col(90, 90, 80), col("高", "低")]) {
      const f = failure(() => XB.STARS([[80]], th));
      expect(f.code).toBe("#VALUE!");
      expect(f.message).toContain("分数线");
      expect(f.message).not.toMatch(/thresholds-/);
    }
    expect(failure(() => XB.STARS([[80]], col(60, 70))).message).toContain("从高到低");
    expect(failure(() => XB.STARS([[80]], col("高"))).message).toContain("没有数字");
    // even when no score needs them
    expect(excelErrorOf(() => XB.STARS(col(null, "缺考"), col(60, 70)))).toBe("#VALUE!");
  });
});

describe("=XB.COMPOSITE (综合指数) with Excel's argument conventions", () => {
  test("COMPOSITE: 强村富民指数 of four villages, 经营性收入 × 60% + 总收入 × 40%, each scaled 0–100; one column spilled", () => {
    // 经营性收入 12 … 30 (span 18), 总收入 35 … 80 (span 45)
    const villages = [[12, 35], [18.5, 42], [30, 80], [25, 60]];
    const out = XB.COMPOSITE(villages, [[0.6, 0.4]]);
    expect(out.map((r) => r.length)).toEqual([1, 1, 1, 1]);
    const want = [0, 0.6 * (6.5 / 18) * 100 + 0.4 * (7 / 45) * 100, 100, 0.6 * (13 / 18) * 100 + 0.4 * (25 / 45) * 100];
    out.forEach(([x], i) => expect(x).toBeCloseTo(want[i], 10));
    expect(want[1]).toBeCloseTo(27.889, 3);
    // weights as a column: one per column of values, whatever their shape
    expect(XB.COMPOSITE(villages, col(0.6, 0.4))).toEqual(out);
  });

  test("COMPOSITE: a row with a web blank (null), text or TRUE/FALSE gets \"\" and does not move the others' scaling", () => {
    const w = [[0.6, 0.4]];
    expect(XB.COMPOSITE([[10, 40], [20, 40], [30, 80]], w)).toEqual(col(0, 30, 100));
    for (const gap of [null, "", "缺报", true]) {
      const out = XB.COMPOSITE([[10, 40], [gap, 99], [20, 40], [30, 80]], w);
      expect(out).toEqual(col(0, "", 30, 100));
      expect(out.flat().includes(null)).toBe(false);
    }
    expect(XB.COMPOSITE([[null, 40], [20, "缺报"]], w)).toEqual(col("", ""));
  });

  test("COMPOSITE: Excel desktop passes a blank cell as 0, and a 0 is a value that takes part in the scaling", () => {
    // 经营性收入 10, 0, 20, 30 → 33.3, 0, 66.7, 100; 总收入 40, 99, 40, 80 → 0, 100, 0, 40/59 × 100
    const out = XB.COMPOSITE([[10, 40], [0, 99], [20, 40], [30, 80]], [[0.6, 0.4]]).map(([x]) => x);
    [20, 40, 40, 60 + 0.4 * (40 / 59) * 100].forEach((x, i) => expect(out[i]).toBeCloseTo(x, 10));
  });

  test("COMPOSITE: one row, or all rows equal, scores Σ weights × 100; a blank weight is 0", () => {
    expect(XB.COMPOSITE([[5, 7]], [[0.5, 0.5]])).toEqual([[100]]);
    expect(XB.COMPOSITE([[5, 7], [5, 7]], [[0.7, 0.3]])).toEqual(col(100, 100));
    expect(XB.COMPOSITE([[10, 40], [20, 80]], [[1, null]])).toEqual(col(0, 100));
    expect(XB.COMPOSITE([[10, 40], [20, 80]], [[" 1 ", 0]])).toEqual(col(0, 100));
  });

  test("COMPOSITE: weights not one per column are #VALUE! naming 权重 and 各项指标 with the counts; text weights #VALUE!", () => {
    const f = failure(() => XB.COMPOSITE([[10, 40, 1], [20, 80, 2]], [[0.6, 0.4]]));
    expect(f.code).toBe("#VALUE!");
    expect(f.message).toContain("权重");
    expect(f.message).toContain("各项指标");
    expect(f.message).toContain("3");
    expect(f.message).toContain("2");
    expect(excelErrorOf(() => XB.COMPOSITE([[10, 40]], [[1]]))).toBe("#VALUE!");
    const text = failure(() => XB.COMPOSITE([[10, 40]], [[0.6, "四成"]]));
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toContain("权重");
    expect(text.message).toContain("四成");
  });
});
