import fc from "fast-check";
import { groupRank, MetricError, rank, rankOf, RANK_METHODS, type RankMethod } from "../../../addin/metrics";
import { excelErrorOf, StubError } from "../functions/custom-functions-stub";
import * as XB from "../../../functions/functions";

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
// eslint-disable-next-line no-restricted-syntax -- four names
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

  test("dense = the SUMPRODUCT((r>=x)/COUNTIF(r,r)) formula, and SUMPRODUCT((r<=x)/COUNTIF(r,r)) ascending", () => {
    fc.assert(fc.property(list, fc.boolean(), (xs, desc) => {
      const got = r(xs, "dense", desc);
      return xs.every((x, i) => {
        let s = 0;
        for (const y of xs) if (desc ? y >= x : y <= x) s += 1 / xs.filter((z) => z === y).length;
        return got[i] === Math.round(s);
      });
    }));
  });

  test("permutation-consistent: the ranks of a shuffled list are the shuffled ranks (ordinal: when values are distinct)", () => {
    const shuffled = list.chain((xs) => fc.shuffledSubarray(xs.map((_, i) => i), { minLength: xs.length, maxLength: xs.length }).map((perm) => ({ xs, perm })));
    fc.assert(fc.property(shuffled, method, fc.boolean(), ({ xs, perm }, m, desc) => {
      const before = r(xs, m, desc);
      const after = r(perm.map((i) => xs[i]), m, desc);
      if (m === "ordinal" && new Set(xs).size !== xs.length) {
        // ties are broken by position, so only the multiset of ranks (1..n) is kept
        return [...after].sort((a, b) => a - b).every((v, i) => v === i + 1);
      }
      return perm.every((i, k) => after[k] === before[i]);
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

describe("=XB.RANKS / =XB.RANK over ranges with blanks, text and TRUE/FALSE (skipped, as RANK.EQ skips them)", () => {
  const cell = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -5, max: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", "缺报", "12", true, false) },
  );
  const cells = fc.array(cell, { minLength: 1, maxLength: 30 });
  const col = (xs: unknown[]) => xs.map((x) => [x]);

  test("RANKS ranks the numbers alone and leaves \"\" at every other cell", () => {
    fc.assert(fc.property(cells, method, fc.boolean(), (xs, m, desc) => {
      const nums = xs.filter((x): x is number => typeof x === "number");
      const want = r(nums, m, desc);
      const got = XB.RANKS(col(xs), desc, m).map((row) => row[0]);
      let k = 0;
      return xs.every((x, i) => (typeof x === "number" ? got[i] === want[k++] : got[i] === ""));
    }));
  });

  test("RANK with method competition = 1 + numbers strictly better (RANK.EQ); a number absent from the range is #N/A", () => {
    fc.assert(fc.property(cells, fc.integer({ min: -6, max: 6 }), fc.boolean(), (xs, x, desc) => {
      const nums = xs.filter((v): v is number => typeof v === "number");
      if (!nums.includes(x)) return excelErrorOf(() => XB.RANK(x, col(xs), desc, "competition")) === "#N/A";
      return XB.RANK(x, col(xs), desc, "competition") === 1 + nums.filter((y) => (desc ? y > x : y < x)).length;
    }));
  });

  test("SHAREABOVE, CONVRATE and ELIMRATE give shares in [0, 1] (or an Excel error, never a number outside)", () => {
    const inUnit = (f: () => number) => {
      try {
        const v = f();
        return v >= 0 && v <= 1;
      } catch (e) {
        // the only error these inputs can give is an empty denominator
        return e instanceof StubError && e.code === "#DIV/0!";
      }
    };
    const yn = fc.constantFrom<unknown>("是", "否", "", null);
    const income = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom<unknown>(null, "缺报"));
    const village = fc.tuple(yn, yn, income, income);
    fc.assert(fc.property(cells, fc.integer({ min: -6, max: 6 }), fc.array(village, { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 12 }), (xs, th, vs, counts) => {
      const done = vs.map((v) => [v[0]]);
      const base = vs.map((v) => [v[1]]);
      const total = vs.map((v) => [v[2]]);
      const operating = vs.map((v) => [v[3]]);
      const eliminated = counts.map(([a, b]) => [Math.min(a, b)]);
      const baseline = counts.map(([a, b]) => [Math.max(a, b)]);
      return (
        inUnit(() => XB.SHAREABOVE(col(xs), th)) &&
        inUnit(() => XB.CONVRATE(base, total, operating)) &&
        inUnit(() => XB.ELIMRATE(done, base)) &&
        inUnit(() => XB.ELIMRATE(eliminated, baseline))
      );
    }));
  });
});
