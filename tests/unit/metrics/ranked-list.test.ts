import fc from "fast-check";
import { bottomShareFlags, compositeIndex, compositeScores, rank, rankedList, type RankMethod } from "../../../addin/metrics";

/**
 * rankedList makes a whole ranking from one sort (county-wide rankings of 200,000 villages): its ranks must be rank()'s,
 * its listing order the ranks' order with ties in list order, its 后20% bottomShareFlags' — on short lists and on lists
 * long enough for the radix sort.
 */
const values = (min: number, max: number) => fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: min, maxLength: max });

function checkList(xs: number[], method: RankMethod, descending: boolean, bottomShare: number): void {
  const { ranks, order, bottom } = rankedList(xs, { method, descending, bottomShare });
  expect(Array.from(ranks)).toEqual(Array.from(rank(xs, { method, descending })));
  const expected = xs.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b] || a - b);
  expect(Array.from(order)).toEqual(expected);
  expect(Array.from(bottom!, (b) => b === 1)).toEqual(bottomShareFlags(xs, bottomShare, descending));
}

describe("rankedList against rank, the rank order and bottomShareFlags (fast-check)", () => {
  test("short lists", () => {
    fc.assert(
      fc.property(values(0, 60), fc.constantFrom<RankMethod>("competition", "dense", "average", "ordinal"), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), (xs, method, descending, share) => checkList(xs, method, descending, share)),
      { numRuns: 300 },
    );
  });
  test("lists of thousands (the radix-sort path), ties and -0 included", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2048, max: 5000 }), fc.nat(), fc.constantFrom<RankMethod>("competition", "dense", "average", "ordinal"), fc.boolean(), (n, seed, method, descending) => {
        let x = seed || 1;
        const xs = Array.from({ length: n }, (_, i) => {
          x = (x * 1103515245 + 12345) % 2147483648;
          return i % 97 === 0 ? -0 : (x % 400) / 4 - 50;
        });
        checkList(xs, method, descending, 0.2);
      }),
      { numRuns: 12 },
    );
  });
});

describe("compositeScores (compositeIndex's arithmetic over typed arrays)", () => {
  test("a unit without every component never moves the others' index, whatever stands in its place (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((k) =>
          fc.tuple(
            fc.array(fc.array(fc.option(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { nil: null, freq: 5 }), { minLength: 12, maxLength: 12 }), { minLength: k, maxLength: k }),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: k, maxLength: k }),
          ),
        ),
        fc.constantFrom(0, 1e9, -1e9, NaN),
        ([components, weights], filler) => {
          const index = compositeIndex(components, weights);
          const complete = Uint8Array.from(index, (v) => (v === null ? 0 : 1));
          const typed = components.map((c) => Float64Array.from(c, (v) => v ?? filler));
          const scores = compositeScores(typed, complete, weights);
          index.forEach((v, i) => {
            if (v !== null) expect(scores[i]).toBe(v);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
