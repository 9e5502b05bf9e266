import fc from "fast-check";
import {
  cappedTotal, conversionRate, eliminationRate, flags, grade, growthRate, inBottomShare, meetsStandard, MetricError,
  shareAtLeast, stars, taskCompletionRate, villageStatus, voteScore, weighted,
} from "../../../addin/metrics";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "none";
  } catch (e) {
    return e instanceof MetricError ? e.code : "other";
  }
};

describe("消薄 rates", () => {
  test("消除率 = 已消除 ÷ 基数; 任务完成率 = 已消除 ÷ 任务数; zero denominators are div0", () => {
    expect(eliminationRate(3, 4)).toBe(0.75);
    expect(taskCompletionRate(3, 2)).toBe(1.5);
    expect(code(() => eliminationRate(1, 0))).toBe("div0");
    expect(code(() => taskCompletionRate(0, 0))).toBe("div0");
    expect(code(() => eliminationRate(-1, 4))).toBe("num");
  });

  test("增长率 divides by |上期|; 上期 0 is div0", () => {
    expect(growthRate(15, 10)).toBe(0.5);
    expect(growthRate(-5, -10)).toBe(0.5);
    expect(code(() => growthRate(1, 0))).toBe("div0");
  });

  test("达标 at the demo county's 30/15, both required; or; operating alone", () => {
    expect(meetsStandard(30, 15)).toBe(true);
    expect(meetsStandard(29.99, 20)).toBe(false);
    expect(meetsStandard(40, 14.99)).toBe(false);
    expect(meetsStandard(29, 16, { mode: "or" })).toBe(true);
    expect(meetsStandard(5, 16, { mode: "operating" })).toBe(true);
    expect(meetsStandard(10, 5, { totalMin: 10, operatingMin: 5 })).toBe(true); // Zhejiang 2017–2019
  });

  test("village status and conversion rate", () => {
    expect(villageStatus(false, 1, 1)).toBe("non-weak");
    expect(villageStatus(true, 31, 16)).toBe("eliminated");
    expect(villageStatus(true, 31, 14)).toBe("not-eliminated");
    const villages = [
      { baseline: true, total: 31, operating: 16 },
      { baseline: true, total: 20, operating: 10 },
      { baseline: false, total: 99, operating: 99 },
    ];
    expect(conversionRate(villages)).toBe(0.5);
    expect(code(() => conversionRate([{ baseline: false, total: 1, operating: 1 }]))).toBe("div0");
    // a baseline village without reported incomes stays in the denominator, as not 达标
    expect(conversionRate([...villages, { baseline: true, total: null, operating: 20 }])).toBeCloseTo(conversionRate(villages) * (2 / 3), 12);
  });

  test("shares lie in [0, 1]", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1 }), fc.double({ min: 0, max: 100, noNaN: true }), (xs, t) => {
      const s = shareAtLeast(xs, t);
      return s >= 0 && s <= 1 && s === xs.filter((x) => x >= t).length / xs.length;
    }));
  });
});

describe("flags and the bottom share", () => {
  test("red to the top 3 and yellow to the bottom 3, ties included", () => {
    expect(flags([0.9, 0.8, 0.7, 0.7, 0.6, 0.5, 0.4, 0.4])).toEqual(["red", "red", "red", "red", null, "yellow", "yellow", "yellow"]);
  });

  test("a unit is never both: red wins in a short list", () => {
    expect(flags([3, 2, 1], { top: 3, bottom: 3 })).toEqual(["red", "red", "red"]);
  });

  test("后20%: ceil(n × 20%) lowest, ties included", () => {
    const xs = [10, 9, 8, 7, 6, 5, 4, 3, 2, 2];
    expect(xs.map((x) => inBottomShare(x, xs))).toEqual([false, false, false, false, false, false, false, false, true, true]);
    expect(inBottomShare(3, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(false);
    expect(inBottomShare(2, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toBe(true);
    expect(code(() => inBottomShare(11, xs))).toBe("na");
  });
});

describe("assessment", () => {
  test("民主测评: 12 好, 5 较好, 2 一般, 1 差 at 100/80/60/0 → 86", () => {
    expect(voteScore(12, 5, 2, 1)).toBe(86);
    expect(voteScore(1, 1, 0, 0, [100, 90, 60, 0])).toBe(95);
    expect(code(() => voteScore(0, 0, 0, 0))).toBe("div0");
  });

  test("capped total: bonus capped at 5, deductions subtracted, a score above its maximum is num", () => {
    expect(cappedTotal([18, 25, 20], [20, 30, 20], 8, 5, 2)).toBe(66);
    expect(code(() => cappedTotal([21], [20]))).toBe("num");
  });

  test("weighted 实绩 70% + 测评 30%, graded 好/较好/一般/差 and in stars", () => {
    const total = weighted([88, 86], [0.7, 0.3]);
    expect(total).toBeCloseTo(87.4, 10);
    expect(grade(total)).toBe("较好");
    expect([95, 90, 89.9, 80, 60, 59.9].map((s) => grade(s))).toEqual(["好", "好", "较好", "较好", "一般", "差"]);
    expect(grade(75, [80, 70], ["优秀", "合格", "不合格"])).toBe("合格");
    expect([95, 85, 75, 65, 10].map((s) => stars(s))).toEqual([5, 4, 3, 2, 1]);
  });
});
