import fc from "fast-check";
import { address, columnIndex, columnLetter, parseAddress, parseRange } from "../../../addin/grid";

describe("A1 addresses", () => {
  test("letters match Excel's column names", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
      "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD",
    ]);
    expect(address(6, 5)).toBe("F7");
  });

  test("letters and indexes round-trip", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetter(c)) === c));
  });

  test("parses absolute and relative addresses and ranges", () => {
    expect(parseAddress("$B$7")).toEqual({ row: 6, col: 1 });
    expect(parseRange("C3:A1")).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
    expect(() => parseAddress("7B")).toThrow(RangeError);
  });
});
