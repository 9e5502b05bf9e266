import fc from "fast-check";
import { parseCsvRecords, parseCsvText } from "../../../addin/grid";

/** The definition, a character at a time (RFC 4180 with LF, CR or CRLF line breaks): the model the parser must match. */
function reference(text: string, delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe("CSV parsing", () => {
  test("quoted fields, doubled quotes, delimiters and line breaks inside quotes, CRLF, a BOM", () => {
    expect(parseCsvText('\ufeff村代码,村名称\r\n"339901101201","黄埠村, 东"\r\n"a""b","多\n行"\n')).toEqual([
      ["村代码", "村名称"],
      ["339901101201", "黄埠村, 东"],
      ['a"b', "多\n行"],
    ]);
    expect(parseCsvText("a,b,\n,\n")).toEqual([["a", "b", ""], ["", ""]]);
    expect(parseCsvText("x\ty\n1\t2", "\t")).toEqual([["x", "y"], ["1", "2"]]);
    expect(parseCsvRecords("a,b\n\n,\n c,d\n")).toEqual([["a", "b"], [" c", "d"]]);
  });

  test("agrees with the character-at-a-time definition on any text", () => {
    const piece = fc.constantFrom(",", ";", "\t", '"', '""', "\n", "\r", "\r\n", "a", "村", " ", "12.5", "\ufeff");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join("")), fc.constantFrom(",", "\t", ";"), (text, d) => {
        expect(parseCsvText(text, d)).toEqual(reference(text, d));
      }),
      { numRuns: 5000 },
    );
  });
});
