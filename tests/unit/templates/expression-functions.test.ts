/** Expressions over text and lists, and the metrics functions they may call (the same definitions as =XB.…). */
import { compileExpression, ExpressionError } from "../../../addin/templates";
import { VOTESCORE, GRADE } from "../../../functions/functions";

const known = new Set(["s1", "s2", "s3", "mode", "a", "b", "bonus", "maxima", "points", "weights"]);
const run = (src: string, scope: Record<string, unknown>) => compileExpression(src, known).fn(scope as never);

describe("text and lists in expressions", () => {
  test("text compares with text only; with a number it is not applicable (null)", () => {
    expect(run('mode == "大会述职"', { mode: "大会述职" })).toBe(true);
    expect(run('mode != "大会述职"', { mode: "书面述职" })).toBe(true);
    expect(run('mode == "大会述职"', { mode: null })).toBeNull();
    expect(run("mode == 1", { mode: "1" })).toBeNull();
    expect(run("mode + 1", { mode: "2" })).toBeNull();
  });

  test("count([…], value): 达标条数 among columns; blanks are not counted", () => {
    expect(run('count([s1, s2, s3], "达标")', { s1: "达标", s2: "未达标", s3: "达标" })).toBe(2);
    expect(run('count([s1, s2, s3], "达标")', { s1: null, s2: null, s3: "达标" })).toBe(1);
  });

  test("at(list, n): the n-th item from 1; outside the list, none", () => {
    const labels = { weights: ["好", "较好", "一般", "差"] };
    expect(run("at(weights, 2)", labels)).toBe("较好");
    expect(run('mode == at(weights, 1)', { ...labels, mode: "好" })).toBe(true);
    expect(run("at(weights, 5)", labels)).toBeNull();
    expect(run("at(weights, 1.5)", labels)).toBeNull();
  });

  test("null is a value: a conditional may give none", () => {
    expect(run("a > 0 ? a : null", { a: -1 })).toBeNull();
    expect(run("a > 0 ? a : null", { a: 2 })).toBe(2);
  });

  test("a text alone, an unknown function or a wrong number of arguments is refused at load", () => {
    const kind = (src: string) => {
      try {
        compileExpression(src, known);
        return "ok";
      } catch (e) {
        return (e as ExpressionError).kind;
      }
    };
    expect(kind('"达标"')).toBe("unsupported");
    expect(kind("median([a, b])")).toBe("unsupported");
    expect(kind("voteScore(a)")).toBe("arity");
    expect(kind("count([a, b])")).toBe("arity");
  });
});

describe("the metrics functions, as =XB.… computes them", () => {
  test("cappedTotal: Σ items + min(bonus, cap) − deduction; an item above its maximum gives no value", () => {
    expect(run("cappedTotal([a, b], maxima, bonus, 5, 1)", { a: 18, b: 19.5, maxima: [20, 20], bonus: 7 })).toBe(18 + 19.5 + 5 - 1);
    expect(run("cappedTotal([a, b], maxima)", { a: 21, b: 1, maxima: [20, 20] })).toBeNull();
    expect(run("cappedTotal([a, b], maxima)", { a: null, b: 1, maxima: [20, 20] })).toBeNull();
  });

  test("voteScore and grade agree with XB.VOTESCORE and XB.GRADE", () => {
    const v = run("voteScore(a, b, 3, 0, points)", { a: 12, b: 5, points: [100, 80, 60, 0] });
    expect(v).toBe(VOTESCORE(12, 5, 3, 0));
    expect(run("grade(a)", { a: 85.5 })).toBe(GRADE(85.5));
    expect(run("voteScore(a, 0, 0, 0)", { a: 0 })).toBeNull(); // no votes: no score, not 0
  });

  test("weighted and stars; sum/mean/min/max over lists", () => {
    expect(run("weighted([a, b], weights)", { a: 86.5, b: 83.3, weights: [0.7, 0.3] })).toBeCloseTo(86.5 * 0.7 + 83.3 * 0.3, 12);
    expect(run("stars(a, [95, 90, 80, 70])", { a: 91 })).toBe(4);
    expect(run("sum([a, b], 1)", { a: 2, b: 3 })).toBe(6);
    expect(run("mean([a, b])", { a: 2, b: 3 })).toBe(2.5);
    expect(run("max([a, b], 10)", { a: 2, b: 30 })).toBe(30);
  });
});
