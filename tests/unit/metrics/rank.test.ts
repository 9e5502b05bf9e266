import fc from "fast-check";
import { groupRank, MetricError, rank, rankOf, RANK_METHODS, type RankMethod } from "../../../addin/metrics";

const r = (values: number[], method: RankMethod, descending = true) => Array.from(rank(values, { method, descending }));

describe("ranking, hand-checked", () => {
  test("90, 90, 80: 中国式 1,1,2; RANK.EQ 1,1,3; RANK.AVG 1.5,1.5,3; ordinal 1,2,3", () => {
    expect(r([90, 90, 80], "dense")).toEqual([1, 1, 2]);
    expect(r([90, 90, 80], "competition")).toEqual([1, 1, 3]);
    expect(r([90, 90, 80], "average")).toEqual([1.5, 1.5, 3]);
    expect(r([90, 90, 80], "ordinal")).toEqual([1, 2, 3]);
  });

  test("ascending, and ordinal ties follow list order", () => {
    expect(r([3, 1, 2, 1], "competition", false)).toEqual([4, 1, 3, 1]);
    expect(r([5, 7, 5, 5], "ordinal", true)).toEqual([2, 1, 3, 4]);
    expect(r([5, 7, 5, 5], "ordinal", false)).toEqual([1, 4, 2, 3]);
  });

  test("12 townships' 消除率 ranked 中国式", () => {
    const rates = [0.75, 0.625, 0.667, 0.8, 0.5, 0.667, 0.5, 0.6, 0.667, 0.5, 0.75, 0.4];
    expect(r(rates, "dense")).toEqual([2, 4, 3, 1, 6, 3, 6, 5, 3, 6, 2, 7]);
  });

  test("rankOf: one value; a value not in the list is na", () => {
    expect(rankOf(90, [90, 90, 80], { method: "competition" })).toBe(1);
    expect(rankOf(80, [90, 90, 80])).toBe(2);
    expect(rankOf(80, [90, 90, 80], { method: "average" })).toBe(3);
    expect(() => rankOf(70, [90, 80])).toThrow(MetricError);
    try {
      rankOf(70, [90, 80]);
    } catch (e) {
      expect((e as MetricError).code).toBe("na");
    }
  });

  test("NaN is refused", () => {
    expect(() => rank([1, NaN])).toThrow(MetricError);
  });
});

// Small integer values make ties common.
const list = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 });
const method = fc.constantFrom<RankMethod>(...RANK_METHODS);

describe("ranking, properties against the definitions", () => {
  test("competition = 1 + number strictly better (Excel RANK.EQ)", () => {
    fc.assert(fc.property(list, fc.boolean(), (xs, desc) => {
      const got = r(xs, "competition", desc);
      return xs.every((x, i) => got[i] === 1 + xs.filter((y) => (desc ? y > x : y < x)).length);
    }));
  });

  test("average = mean of the positions the tie occupies (Excel RANK.AVG)", () => {
    fc.assert(fc.property(list, fc.boolean(), (xs, desc) => {
      const got = r(xs, "average", desc);
      return xs.every((x, i) => {
        const better = xs.filter((y) => (desc ? y > x : y < x)).length;
        const ties = xs.filter((y) => y === x).length;
        return Math.abs(got[i] - (better + (ties + 1) / 2)) < 1e-9;
      });
    }));
  });

  test("dense = the SUMPRODUCT((r>=x)/COUNTIF(r,r)) formula: distinct values at least as good", () => {
    fc.assert(fc.property(list, (xs) => {
      const got = r(xs, "dense", true);
      return xs.every((x, i) => {
        let s = 0;
        for (const y of xs) if (y >= x) s += 1 / xs.filter((z) => z === y).length;
        return got[i] === Math.round(s);
      });
    }));
  });

  test("dense ranks have no gaps; ordinal is a permutation of 1..n", () => {
    fc.assert(fc.property(list, fc.boolean(), (xs, desc) => {
      const d = new Set(r(xs, "dense", desc));
      const o = r(xs, "ordinal", desc).sort((a, b) => a - b);
      return [...d].sort((a, b) => a - b).every((v, i) => v === i + 1) && o.every((v, i) => v === i + 1);
    }));
  });

  test("better value ⇒ better rank; equal values ⇒ equal rank (all but ordinal)", () => {
    fc.assert(fc.property(list, method, fc.boolean(), (xs, m, desc) => {
      const got = r(xs, m, desc);
      for (let i = 0; i < xs.length; i++)
        for (let j = 0; j < xs.length; j++) {
          const better = desc ? xs[i] > xs[j] : xs[i] < xs[j];
          if (better && !(got[i] < got[j])) return false;
          if (xs[i] === xs[j] && m !== "ordinal" && got[i] !== got[j]) return false;
        }
      return true;
    }));
  });

  test("rankOf agrees with rank for every value in the list (except ordinal, which needs a position)", () => {
    fc.assert(fc.property(list, fc.constantFrom<RankMethod>("competition", "dense", "average"), fc.boolean(), (xs, m, desc) => {
      const all = r(xs, m, desc);
      return xs.every((x, i) => rankOf(x, xs, { method: m, descending: desc }) === all[i]);
    }));
  });

  test("group ranks equal ranking each group on its own", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom("东湖镇", "西山镇", "南溪镇")), { maxLength: 40 }), method, (pairs, m) => {
      const values = pairs.map((p) => p[0]);
      const groups = pairs.map((p) => p[1]);
      const got = Array.from(groupRank(values, groups, { method: m }));
      for (const g of new Set(groups)) {
        const idx = groups.flatMap((x, i) => (x === g ? [i] : []));
        const own = r(idx.map((i) => values[i]), m);
        if (!idx.every((i, k) => got[i] === own[k])) return false;
      }
      return true;
    }));
  });
});

describe("ranking large lists (the radix-sort path, n ≥ 2048)", () => {
  /** Reference ranks by definition, via a comparator sort: independent of the implementation under test. */
  function reference(xs: number[], method: RankMethod, desc: boolean): number[] {
    const norm = xs.map((x) => (x === 0 ? 0 : x));
    const distinct = [...new Set(norm)].sort((a, b) => (desc ? b - a : a - b));
    const denseOf = new Map(distinct.map((v, i) => [v, i + 1]));
    const sorted = [...norm].sort((a, b) => (desc ? b - a : a - b));
    const firstPos = new Map<number, number>();
    const count = new Map<number, number>();
    sorted.forEach((v, i) => {
      if (!firstPos.has(v)) firstPos.set(v, i + 1);
      count.set(v, (count.get(v) ?? 0) + 1);
    });
    const seen = new Map<number, number>();
    return norm.map((v) => {
      const first = firstPos.get(v)!;
      if (method === "dense") return denseOf.get(v)!;
      if (method === "competition") return first;
      if (method === "average") return first + (count.get(v)! - 1) / 2;
      const k = seen.get(v) ?? 0;
      seen.set(v, k + 1);
      return first + k;
    });
  }

  test("every method agrees with the definition on lists of thousands with ties, negatives, -0 and extremes", () => {
    const value = fc.oneof(
      fc.integer({ min: -50, max: 50 }).map((i) => i / 10),
      fc.constantFrom(0, -0, 1e300, -1e300, Number.MIN_VALUE, -Number.MIN_VALUE, Infinity, -Infinity),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 2048, maxLength: 6000 }), method, fc.boolean(), (xs, m, desc) => {
        const got = Array.from(rank(xs, { method: m, descending: desc }));
        const want = reference(xs, m, desc);
        return got.every((g, i) => g === want[i]);
      }),
      { numRuns: 25 },
    );
  });
});
