import fc from "fast-check";
import type { Grid } from "../../../addin/grid";
import { compactText, type Registry } from "../../../addin/templates";
import { determineTownship } from "../../../addin/validate/registry-checks";

/** A sheet whose only row above the header holds the title. */
function titled(title: string): Grid {
  return { name: "表", rows: [[{ value: title, text: title }]], rowCount: 1, colCount: 1, merges: [], hiddenRows: [], hiddenCols: [], hidden: false };
}

describe("the township named in a file's title rows", () => {
  test("is the longest registry name the title contains, and of names as long the first in the registry (as searching every name would find)", () => {
    // Names from a few characters, so that names contain one another (湖镇 in 东湖镇) and titles contain several.
    const name = fc.array(fc.constantFrom("东", "湖", "镇", "乡", "西", "山", " "), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom("东", "湖", "镇", "乡", "西", "山", "填", "报"), { maxLength: 14 }), (names, title) => {
        const registry: Registry = { townships: names.map((n, i) => ({ code: String(330000001 + i), name: n, villages: [] })) };
        const text = compactText(title.join(""));
        // The definition: every township's name searched for, longest first, registry order among names as long.
        const expected = registry.townships
          .map((township, order) => ({ township, order, compact: compactText(township.name) }))
          .filter((x) => x.compact !== "" && text.includes(x.compact))
          .sort((a, b) => b.compact.length - a.compact.length || a.order - b.order)[0]?.township;
        const got = determineTownship(registry, titled(title.join("")), 1, [], "无名.xlsx");
        expect(got?.code).toBe(expected?.code);
      }),
      { numRuns: 500 },
    );
  });
});
