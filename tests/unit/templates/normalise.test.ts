import fc from "fast-check";
import { compactText, normaliseText } from "../../../addin/templates";

const WHITESPACE = /[\s\u200b\u00a0\u3000\ufeff]+/g;

describe("text normalisation", () => {
  test("the fast path for plain ASCII and CJK text agrees with NFKC + whitespace removal on any text", () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom("是", "否", "村", "镇", "a", "1", " ", "\u3000", "１", "（", "(", "\n", "_", "\u00a0", "㈱", "①", "ｶ") }),
      fc.string({ unit: "grapheme" }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(compactText(s)).toBe(s.normalize("NFKC").replace(WHITESPACE, ""));
        expect(normaliseText(s)).toBe(s.normalize("NFKC").replace(WHITESPACE, " ").trim());
      }),
      { numRuns: 3000 },
    );
  });
});
