/** One 是/否 reader (addin/i18n/words.ts) behind the submission's cells, the registry and the =XB.… functions. */
import fc from "fast-check";
import { readYesNo } from "../../../addin/i18n";

describe("readYesNo", () => {
  test("the words, with stray and full-width spaces, are read as words", () => {
    expect(readYesNo("是")).toEqual({ value: true, form: "word" });
    expect(readYesNo(" 否\u3000")).toEqual({ value: false, form: "word" });
  });
  test("TRUE/FALSE, Y/N, 1/0 and booleans are logical values, which a submission's column refuses and a formula takes", () => {
    for (const [v, value] of [["TRUE", true], ["false", false], ["Ｙ", true], ["n", false], [1, true], [0, false], [true, true], ["1", true]] as const)
      expect(readYesNo(v)).toEqual({ value, form: "logical" });
  });
  test("blank is null; anything else is neither (undefined)", () => {
    expect([readYesNo(null), readYesNo(""), readYesNo("  ")]).toEqual([null, null, null]);
    expect([readYesNo("对"), readYesNo(2), readYesNo("是的"), readYesNo({})]).toEqual([undefined, undefined, undefined, undefined]);
  });
  test("property: an answer read back from its word is the same answer", () => {
    fc.assert(fc.property(fc.boolean(), fc.constantFrom("", " ", "\u3000"), (b, pad) => expect(readYesNo(pad + (b ? "是" : "否") + pad)).toEqual({ value: b, form: "word" })));
  });
});
