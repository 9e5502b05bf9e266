/**
 * The `date` column type: Excel date serials in date-formatted cells, 8-digit numbers and text dates are read as one
 * comparable number yyyymmdd; anything else is an error naming the cell and the forms expected. Also: a template
 * written without column keys names its 序号 and other section columns by header.
 */
import ExcelJS from "exceljs";
import { gridFromValues, type Cell, type Grid, type Scalar } from "../../../addin/grid";
import { readBook } from "../../../addin/io";
import {
  checkDateNumber,
  dateFromSerial,
  formatDate,
  isDateFormat,
  loadTemplate,
  parseDateText,
  serialOfDate,
} from "../../../addin/templates";
import { validateBook, validateGrid, type FileReport } from "../../../addin/validate";

describe("dates as yyyymmdd numbers", () => {
  test("text in the forms a clerk writes", () => {
    for (const s of ["2026-06-30", "2026/6/30", "2026.6.30", "2026年6月30日", "2026年6月30号", "2026年06月30", "20260630", " ２０２６－０６－３０ ", "2026 年 6 月 30 日", "2026/6/30 0:00", "2026-06-30 00:00:00"]) {
      expect([s, parseDateText(s)]).toEqual([s, 20260630]);
    }
    expect(parseDateText("2024-02-29")).toBe(20240229);
  });

  test("text that is not a real day, or not a date at all, is null", () => {
    for (const s of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "6月30日", "2026-6", "六月底", "2026/6/30/1", "1899-12-31", "202606301", "2026-06-30 下午"]) {
      expect([s, parseDateText(s)]).toEqual([s, null]);
    }
  });

  test("Excel serials in the 1900 date system, and back", () => {
    expect(dateFromSerial(46203)).toBe(20260630);
    expect(dateFromSerial(46203.75)).toBe(20260630); // a time of day is dropped
    expect(dateFromSerial(1)).toBe(19000101);
    expect(dateFromSerial(59)).toBe(19000228);
    expect(dateFromSerial(60)).toBeNull(); // Excel's 1900-02-29, a day that never was
    expect(dateFromSerial(61)).toBe(19000301);
    expect(dateFromSerial(0)).toBeNull();
    expect(dateFromSerial(-3)).toBeNull();
    for (const d of [19000101, 19000228, 19000301, 20000229, 20260630, 20261231]) expect(dateFromSerial(serialOfDate(d))).toBe(d);
  });

  test("8-digit numbers, formatting, date formats", () => {
    expect(checkDateNumber(20261231)).toBe(20261231);
    expect(checkDateNumber(20261232)).toBeNull();
    expect(checkDateNumber(46203)).toBeNull();
    expect(formatDate(20260630)).toBe("2026-06-30");
    for (const f of ["yyyy-mm-dd", "m/d/yy", "YYYY/MM/DD", 'yyyy"年"m"月"d"日"', "[$-F800]dddd, mmmm dd, yyyy", "mm-dd-yy", "d-mmm"]) expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of [undefined, "General", "0.00", "@", "h:mm:ss", "0.0%", '0"天"', "#,##0.00_);[Red](#,##0.00)"]) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
});

/** A county's template written without keys: a date column with bounds, 序号 named by its header. */
const template = loadTemplate({
  id: "dates",
  name: "整改台账",
  sequenceColumn: "序号",
  columns: [
    { header: "序号", type: "integer" },
    { header: "事项", type: "text", required: true },
    { header: "完成时限", type: "date", required: true, min: 20200101, max: 20301231 },
    { header: "实际完成日期", type: "date" },
  ],
  rules: [
    { id: "done-in-time", expr: "{实际完成日期} <= {完成时限}", column: "实际完成日期", severity: "warning", message: "{事项}实际完成日期 {实际完成日期} 晚于完成时限 {完成时限}" },
  ],
  parameters: { reportDate: 20261231 },
});

function grid(rows: (Scalar | Cell)[][]): Grid {
  const g = gridFromValues("台账", [["整改台账"], ["序号", "事项", "完成时限", "实际完成日期"], ...rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v)))]);
  rows.forEach((r, i) => r.forEach((v, c) => v !== null && typeof v === "object" && (g.rows[i + 2][c] = v)));
  return g;
}

const codes = (r: FileReport) => r.issues.map((i) => `${i.code}@${i.cell}:${i.severity}`);

describe("a date column in validation", () => {
  test("keys derived, 序号 named by its header resolved to its key; the parameter is a number", () => {
    expect(template.columns.map((c) => c.key)).toEqual(["c1", "c2", "c3", "c4"]);
    expect(template.sequenceColumn).toBe("c1");
    expect(template.parameters.reportDate).toBe(20261231);
  });

  test("a serial in a date-formatted cell, text dates and 20260630 are all the same day", () => {
    const r = validateGrid(
      grid([
        [1, "甲", { value: 46203, text: "2026-06-30", format: "yyyy-mm-dd" }, { value: 46203, text: "6/30/26", format: "m/d/yy" }],
        [2, "乙", "2026年6月30日", "2026/6/30"],
        [3, "丙", 20260630, " 2026-06-30 "],
        [4, "丁", { value: 46203.5, text: "2026/6/30 12:00", format: "yyyy/m/d h:mm" }, null],
      ]),
      "台账.xlsx",
      { template },
      "xlsx",
    );
    expect(r.issues).toEqual([]);
    expect(r.rows.toArray().map((dr) => [dr.values.c3, dr.values.c4])).toEqual([
      [20260630, 20260630],
      [20260630, 20260630],
      [20260630, 20260630],
      [20260630, null],
    ]);
  });

  test("an invalid date is an error at its cell, in Chinese, naming the forms expected; the row's rules are not applied", () => {
    const r = validateGrid(
      grid([
        [1, "甲", "2026-02-30", "2026-01-01"],
        [2, "乙", "六月底", null],
        [3, "丙", { value: 6.3, text: "6.3", format: "General" }, null],
        [4, "丁", { value: 46203, text: "46203", format: "General" }, null],
        [5, "戊", true, null],
      ]),
      "台账.xlsx",
      { template },
      "xlsx",
    );
    expect(codes(r)).toEqual(["type@C3:error", "type@C4:error", "type@C5:error", "type@C6:error", "type@C7:error"]);
    expect(r.issues[0].message).toBe("台账!C3：完成时限“2026-02-30”不是有效日期，请填写如 2026-06-30、2026/6/30 或 2026年6月30日 的日期，或把单元格设为日期格式。");
    expect(r.issues[2].message).toContain("“6.3”不是有效日期");
    expect(r.rows.toArray().every((dr) => dr.hasErrors && dr.values.c3 === null)).toBe(true);
  });

  test("min and max are dates written yyyymmdd; a rule compares dates and shows them as dates", () => {
    const r = validateGrid(grid([[1, "甲", "2019-12-31", null], [2, "乙", "2031-01-01", null], [3, "丙", "2026-06-30", "2026-07-02"]]), "台账.xlsx", { template }, "xlsx");
    expect(codes(r)).toEqual(["range@C3:error", "range@C4:error", "rule@D5:warning"]);
    expect(r.issues[0].message).toBe("台账!C3：完成时限 2019-12-31 早于 2020-01-01，请核对。");
    expect(r.issues[1].message).toBe("台账!C4：完成时限 2031-01-01 晚于 2030-12-31，请核对。");
    expect(r.issues[2].message).toContain("丙实际完成日期 2026-07-02 晚于完成时限 2026-06-30");
  });

  test("a real .xlsx: a date written by ExcelJS (serial, date format) and a text date are read alike", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.addRow(["整改台账"]);
    ws.addRow(["序号", "事项", "完成时限", "实际完成日期"]);
    ws.addRow([1, "甲", new Date(Date.UTC(2026, 5, 30)), "2026年7月1日"]);
    ws.getCell("C3").numFmt = "yyyy-mm-dd";
    ws.addRow([2, "乙", "2026/6/30", new Date(Date.UTC(2026, 5, 29))]);
    ws.getCell("D4").numFmt = 'yyyy"年"m"月"d"日"';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = validateBook(readBook(bytes, "台账.xlsx"), { template });
    expect(codes(r)).toEqual(["rule@D3:warning"]);
    expect(r.rows.toArray().map((dr) => [dr.values.c3, dr.values.c4])).toEqual([
      [20260630, 20260701],
      [20260630, 20260629],
    ]);
  });
});
