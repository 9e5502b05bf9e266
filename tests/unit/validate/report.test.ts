import { validateBook, validateGrid, unreadableReport } from "../../../addin/validate";
import { ctx, sheet, villages } from "./t1";

describe("the report", () => {
  test("collects every problem (never stops at the first), file-level first, then by row and column", () => {
    const rows = villages();
    rows[3][5] = "abc"; // F8 type
    rows[0][3] = "X"; // D5 enum
    rows[0][4] = -3; // E5 range
    rows.splice(1, 1); // 后口村 missing
    const r = validateGrid(sheet({ rows }), "a.xlsx", ctx);
    expect(r.issues.map((i) => `${i.code}${i.cell ? "@" + i.cell : ""}`)).toEqual([
      "missing-village",
      "enum@D5",
      "range@E5",
      "type@F7",
    ]);
    expect(r.status).toBe("errors");
    expect(r.rows.toArray().map((x) => x.hasErrors)).toEqual([true, false, true]);
  });

  test("messages follow ctx.locale", () => {
    const rows = villages();
    rows[2][4] = 48;
    rows[2][5] = 52.3;
    rows[2][6] = 0;
    const r = validateGrid(sheet({ rows }), "a.xlsx", { ...ctx, locale: "en-US" });
    expect(r.issues.map((i) => i.message)).toEqual([
      "村级集体经济!F7: operating income 52.30 is greater than total income 48.00; please check",
    ]);
  });

  test("an unknown township code given by the caller is unknown-township", () => {
    const r = validateBook({ file: "a.xlsx", format: "xlsx", sheets: [sheet()] }, { ...ctx, township: "999999999" });
    expect(r.issues.map((i) => i.code)).toEqual(["unknown-township"]);
    expect(r.township).toBeUndefined();
  });

  test("unreadableReport makes the report of a file that is not a spreadsheet", () => {
    const r = unreadableReport("x.pdf", "x.pdf：不是 Excel 或 CSV 文件。");
    expect(r.rows.length).toBe(0);
    expect({ ...r, rows: r.rows.toArray() }).toEqual({
      file: "x.pdf",
      format: "unknown",
      status: "unreadable",
      rows: [],
      issues: [{ code: "unreadable", severity: "error", file: "x.pdf", message: "x.pdf：不是 Excel 或 CSV 文件。" }],
    });
  });
});
