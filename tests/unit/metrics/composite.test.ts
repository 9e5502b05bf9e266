import fc from "fast-check";
import { bottomShareFlags, compositeIndex, inBottomShare, MetricError, rank, stars, weighted } from "../../../addin/metrics";

const code = (fn: () => unknown) => {
  try {
    fn();
    return "none";
  } catch (e) {
    return e instanceof MetricError ? `${e.code}: ${e.detail}` : "other";
  }
};

describe("综合指数 (compositeIndex), hand-checked", () => {
  test("three villages: 经营性收入 10/20/30 → 0/50/100, 总收入 40/40/80 → 0/0/100; 60% + 40% → 0, 30, 100", () => {
    expect(compositeIndex([[10, 20, 30], [40, 40, 80]], [0.6, 0.4])).toEqual([0, 30, 100]);
  });

  test("a unit missing a component has no index and does not move the others' scaling", () => {
    // 99 would be the highest 总收入; it belongs to the incomplete unit, so 80 stays the top.
    expect(compositeIndex([[10, null, 20, 30], [40, 99, 40, 80]], [0.6, 0.4])).toEqual([0, null, 30, 100]);
  });

  test("all units equal on a component: every unit scores 100 on it", () => {
    expect(compositeIndex([[5, 5], [1, 3]], [0.5, 0.5])).toEqual([50, 100]);
    expect(compositeIndex([[7]], [1])).toEqual([100]);
  });

  test("weights: one per component, else value; a non-finite weight is value", () => {
    expect(code(() => compositeIndex([[1, 2]], [0.5, 0.5]))).toBe("value: length-mismatch");
    expect(code(() => compositeIndex([], []))).toBe("value: length-mismatch");
    expect(code(() => compositeIndex([[1, 2], [1]], [0.5, 0.5]))).toBe("value: length-mismatch");
    expect(code(() => compositeIndex([[1, 2]], [NaN]))).toBe("value: weight");
  });
});

describe("综合得分 and 评星定级, hand-checked", () => {
  test("weighted: 实绩 86.5 × 70% + 测评 83.3 × 30% = 85.54", () => {
    expect(weighted([86.5, 83.3], [0.7, 0.3])).toBeCloseTo(86.5 * 0.7 + 83.3 * 0.3, 12);
    expect(weighted([86.5, 83.3], [0.7, 0.3])).toBeCloseTo(85.54, 10);
    expect(code(() => weighted([1, 2], [1]))).toBe("value: length-mismatch");
  });

  test("stars: 90/80/70/60 by default, 5 at the first threshold down to 1 under the last; thresholds descending", () => {
    expect([100, 90, 89.99, 80, 70, 60, 59.99, 0, -5].map((s) => stars(s))).toEqual([5, 5, 4, 4, 3, 2, 1, 1, 1]);
    expect([95, 85, 70].map((s) => stars(s, [90, 80]))).toEqual([3, 2, 1]);
    expect(code(() => stars(80, [60, 70, 80, 90]))).toBe("value: thresholds-order");
    expect(code(() => stars(80, [90, 90, 80]))).toBe("value: thresholds-order");
    expect(code(() => stars(80, []))).toBe("value: thresholds-empty");
  });
});

/** k components of n units each, with k weights in [0, 1]. */
function components<T>(value: fc.Arbitrary<T>) {
  return fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 30 })).chain(([k, n]) =>
    fc.record({
      cs: fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: k, maxLength: k }),
      ws: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }),
    }),
  );
}
// Small integers make ties (and equal components) common.
const int = fc.integer({ min: -1000, max: 1000 });
const close = (a: (number | null)[], b: (number | null)[], tol = 1e-7) => a.every((x, i) => (x === null ? b[i] === null : b[i] !== null && Math.abs(x - (b[i] as number)) <= tol));

describe("综合指数, properties", () => {
  test("with nonnegative weights every index lies within [0, Σw × 100]", () => {
    const value = fc.oneof(int, fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(fc.property(components(value), ({ cs, ws }) => {
      const top = ws.reduce((s, w) => s + w, 0) * 100;
      return compositeIndex(cs, ws).every((x) => x !== null && x >= 0 && x <= top * (1 + 1e-12) + 1e-12);
    }));
  });

  test("adding a constant to a component, or scaling it by a positive factor, leaves every index unchanged", () => {
    const change = fc.record({ k: fc.nat(), add: int, times: fc.double({ min: 1e-3, max: 1e3, noNaN: true }) });
    fc.assert(fc.property(components(int), change, ({ cs, ws }, { k, add, times }) => {
      const j = k % cs.length;
      const base = compositeIndex(cs, ws);
      const shifted = cs.map((c, i) => (i === j ? c.map((v) => v + add) : c));
      const scaled = cs.map((c, i) => (i === j ? c.map((v) => v * times) : c));
      return close(compositeIndex(shifted, ws), base) && close(compositeIndex(scaled, ws), base);
    }));
  });

  test("weight 1 on one component and 0 on the others ranks the units as that component does", () => {
    fc.assert(fc.property(components(int), fc.nat(), fc.boolean(), ({ cs }, k, desc) => {
      const j = k % cs.length;
      const ws = cs.map((_, i) => (i === j ? 1 : 0));
      const index = compositeIndex(cs, ws) as number[];
      const opts = { method: "dense" as const, descending: desc };
      expect(Array.from(rank(index, opts))).toEqual(Array.from(rank(cs[j], opts)));
    }));
  });

  test("a unit missing any component gets null and leaves the other units' indices exactly as without it", () => {
    fc.assert(fc.property(components(int), fc.nat(), fc.nat(), (x, at, gap) => {
      const { cs, ws } = x;
      const n = cs[0].length;
      const i = at % (n + 1);
      const missing = gap % cs.length;
      const withUnit = cs.map((c, k) => [...c.slice(0, i), k === missing ? null : 1e9, ...c.slice(i)]);
      const got = compositeIndex(withUnit, ws);
      expect(got[i]).toBeNull();
      expect([...got.slice(0, i), ...got.slice(i + 1)]).toEqual(compositeIndex(cs, ws));
    }));
  });
});

describe("后20% of a whole list (bottomShareFlags)", () => {
  test("each flag equals inBottomShare of that value, on random lists with ties", () => {
    const list = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 });
    const share = fc.oneof(fc.constantFrom(0, 0.1, 0.2, 0.25, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(fc.property(list, share, fc.boolean(), (xs, sh, desc) => {
      const got = bottomShareFlags(xs, sh, desc);
      return got.length === xs.length && xs.every((x, i) => got[i] === inBottomShare(x, xs, sh, desc));
    }));
  });

  test("hand-checked: 10 units, the 2 lowest and any tied with the 2nd lowest; a share outside [0, 1] is num", () => {
    expect(bottomShareFlags([10, 9, 8, 7, 6, 5, 4, 3, 2, 2])).toEqual([false, false, false, false, false, false, false, false, true, true]);
    expect(bottomShareFlags([10, 9, 8, 7, 6, 5, 4, 3, 3, 2])).toEqual([false, false, false, false, false, false, false, true, true, true]);
    expect(bottomShareFlags([1, 2, 3], 0.2, false)).toEqual([false, false, true]);
    expect(bottomShareFlags([])).toEqual([]);
    expect(code(() => bottomShareFlags([1], 1.5))).toBe("num: share-range");
  });
});

describe("roundTo: figures as reported", () => {
  test("halves away from zero, to the places asked", async () => {
    const { roundTo } = await import("../../../addin/metrics");
    expect([roundTo(84.445, 2), roundTo(-0.5, 0), roundTo(0.5, 0), roundTo(81.41944, 2), roundTo(12, 2)]).toEqual([84.45, -1, 1, 81.42, 12]);
  });
});
