import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { writeSummaryWorkbook } from "../../../addin/io/summary-workbook";
import { mergeSubmissions, summaryTables, type CountySummary } from "../../../addin/merge";
import { parseRegistry, parseTargets } from "../../../addin/templates";
import { editRows, errorIssue, report, SMALL_REGISTRY_CSV, SMALL_TARGETS_CSV, smallReports, warningIssue } from "./helpers";

const registry = parseRegistry(SMALL_REGISTRY_CSV);
const targets = parseTargets(SMALL_TARGETS_CSV, "targets.csv", registry);

const DANGEROUS = ["=HYPERLINK(\"http://example.com\",\"点我\")", "+1+2", "-3+4", "@SUM(A1:A2)", "\t=1+1", "\r=2+2"];

function summary(): CountySummary {
  const reports = smallReports();
  // Formula-looking text in user-supplied strings: remarks, a village name as written, issue messages, file names.
  editRows(reports[0], (rows) => {
    rows[0].values.remarks = DANGEROUS[0];
    rows[1].values.remarks = DANGEROUS[1];
    rows[2].values.incomePath = DANGEROUS[2];
  });
  reports[0].issues.push(warningIssue("甲镇.xlsx", 6, DANGEROUS[3], true));
  const strange = report(DANGEROUS[4], undefined, [{ code: "339901101201", remarks: DANGEROUS[5] }]);
  const failing = report("丁乡.xlsx", { code: "339901201", name: "丁乡" }, [{ code: "339901201201" }, { code: "339901201202" }]);
  failing.issues.push(errorIssue("丁乡.xlsx", 5, "=1+1 错误"));
  failing.status = "errors";
  return mergeSubmissions([...reports.slice(0, 3), failing, strange], { registry, targets, locale: "zh-CN", flagTop: 1, flagBottom: 1 });
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("writeSummaryWorkbook", () => {
  let s: CountySummary;
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    s = summary();
    bytes = await writeSummaryWorkbook(summaryTables(s, { county: "示例县", year: 2024 }), s.locale);
    wb = await readBack(bytes);
  });

  test("returns xlsx bytes with the six sheets", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // PK: a zip
    expect(wb.worksheets.map((w) => w.name)).toEqual(["乡镇汇总", "村级明细", "强村富民指数榜", "报送情况", "审核问题", "未汇总行"]);
  });

  test("乡镇汇总: merged title, frozen header, headers, formats, flags, 全县合计", () => {
    const ws = wb.getWorksheet("乡镇汇总")!;
    expect(ws.getCell("A1").value).toBe("示例县2024年度村级集体经济消薄工作汇总表");
    expect(ws.getCell("R1").isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 2 });
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      "序号", "乡镇", "报送状态", "村数", "已报村数", "薄弱村基数", "已消除数", "消除率", "年度任务数", "任务完成率",
      "总收入合计", "经营性收入合计", "村均经营性收入", "经营性收入≥15万元村数", "占比", "消除率排名", "红黄旗", "说明",
    ]);
    // 甲镇 (row 4): rate 0.5 as a fraction shown as 0.0%, money with two decimals, rank 1, red flag.
    expect(ws.getCell("H4").value).toBe(0.5);
    expect(ws.getCell("H4").numFmt).toBe("0.0%");
    expect(ws.getCell("J4").numFmt).toBe("0.0%");
    expect(ws.getCell("K4").value).toBe(110.65);
    expect(ws.getCell("K4").numFmt).toBe("0.00");
    expect(ws.getCell("P4").value).toBe(1);
    expect(ws.getCell("Q4").value).toBe("红旗");
    expect((ws.getCell("Q4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFF0000");
    expect(ws.getCell("Q6").value).toBe("黄旗");
    expect((ws.getCell("Q6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    // 丁乡 failed: status with its error count; 已消除数, money, counts and rates blank (not 0), no rank; a note says why.
    expect(ws.getCell("C7").value).toBe("未通过审核（1 个错误）");
    expect((ws.getCell("C7").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(["D7", "E7", "F7"].map((a) => ws.getCell(a).value)).toEqual([2, 0, 0]);
    for (const a of ["G7", "H7", "J7", "K7", "L7", "M7", "N7", "O7", "P7", "Q7"]) expect(ws.getCell(a).value).toBeNull();
    expect(ws.getCell("R7").value).toBe("未汇总，各项留空（不计入全县合计）");
    expect(ws.getCell("R4").value).toBeNull();
    expect(ws.getCell("R8").value).toBe("只计已汇总的村；村数、薄弱村基数和任务数为全县");
    // 全县合计 (row 8).
    expect(ws.getCell("B8").value).toBe("全县合计");
    expect(ws.getCell("D8").value).toBe(14);
    expect(ws.getCell("E8").value).toBe(12);
    expect(ws.getCell("F8").value).toBe(10);
    expect(ws.getCell("G8").value).toBe(4);
    expect(ws.getCell("H8").value).toBe(0.4);
    expect(ws.getCell("K8").value).toBe(s.county.totalIncome);
    expect(ws.getCell("K8").value).toBe(259.98);
    expect(ws.getCell("L8").value).toBe(94.81);
    expect(ws.getCell("B8").font?.bold).toBe(true);
    // Chinese headers get room: 村均经营性收入 is 7 CJK characters = 14 units.
    expect(ws.getColumn(13).width).toBeGreaterThanOrEqual(14);
    // A header longer than its column wraps, and its row is tall enough for the wrapped lines.
    const widest = (ws.getRow(3).values as unknown[]).slice(1).reduce<number>((most, h, k) => Math.max(most, (String(h).length * 2) / (ws.getColumn(k + 1).width! - 1)), -Infinity);
    expect(widest).toBeGreaterThan(1);
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(30);
  });

  test("村级明细: 乡镇 column, registry order, Template 1 fields, code as text", () => {
    const ws = wb.getWorksheet("村级明细")!;
    expect((ws.getRow(3).values as unknown[]).slice(1, 13)).toEqual([
      "序号", "乡镇", "村（社区）代码", "村（社区）名称", "是否薄弱村基数", "总收入", "经营性收入", "上级补助收入", "是否已消薄", "消薄年份", "主要增收途径", "备注",
    ]);
    expect(ws.getCell("B4").value).toBe("甲镇");
    expect(ws.getCell("C4").value).toBe("339901101201");
    expect(ws.getCell("C4").numFmt).toBe("@");
    expect(ws.getCell("E4").value).toBe("是");
    expect(ws.getCell("I4").value).toBe("是");
    expect(ws.getCell("F4").numFmt).toBe("0.00");
    const codes: unknown[] = [];
    for (let r = 4; r < 4 + s.detail.length; r++) codes.push(ws.getCell(r, 3).value);
    expect(codes).toEqual(s.detail.toArray().map((d) => d.villageCode));
    expect(s.detail.length).toBe(12);
  });

  test("报送情况: every registry township, with its result and counts; unattributed files after", () => {
    const ws = wb.getWorksheet("报送情况")!;
    const rows = [3, 4, 5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => r[2])).toEqual(["甲镇", "乙镇", "丙镇", "丁乡", undefined]);
    expect(rows.map((r) => r[4])).toEqual(["通过", "通过", "通过", "未通过审核", "乡镇不明"]);
    expect(rows[3][5]).toBe(1);
    expect(rows[4][3]).toBe(DANGEROUS[4]);
  });

  test("审核问题: every issue with 错误/警告 and 已说明", () => {
    const ws = wb.getWorksheet("审核问题")!;
    expect(ws.rowCount).toBe(2 + s.issues.length);
    const severities = s.issues.map((_, i) => ws.getCell(3 + i, 7).value);
    expect(severities).toEqual(s.issues.map((x) => (x.severity === "error" ? "错误" : "警告")));
    const explainedRow = 3 + s.issues.findIndex((x) => x.explained);
    expect(ws.getCell(explainedRow, 10).value).toBe("是");
    expect(s.issues.some((x) => x.code === "unknown-township")).toBe(true);
  });

  test("未汇总行: every rejected row with its reason", () => {
    const ws = wb.getWorksheet("未汇总行")!;
    expect(ws.rowCount).toBe(2 + s.rejected.length);
    expect(s.rejected.length).toBe(3);
    expect(String(ws.getCell("G3").value)).toContain("文件未通过审核");
  });

  test("nothing a spreadsheet would execute: formula-looking text is stored as plain strings", async () => {
    const seen = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string") seen.add(cell.value);
        }),
      );
    }
    for (const d of DANGEROUS.slice(0, 4)) expect([...seen].some((v) => v.includes(d))).toBe(true);
    expect(seen.has(DANGEROUS[4])).toBe(true);
    // A second reader agrees: no cell carries a formula.
    const book = XLSX.read(bytes, { type: "array", cellFormula: true });
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name];
      for (const key of Object.keys(sheet)) {
        if (key.startsWith("!")) continue;
        expect((sheet[key] as XLSX.CellObject).f).toBeUndefined();
      }
    }
  });

  test("English locale: sheet names and headers in English", async () => {
    const en = mergeSubmissions(smallReports(), { registry, targets, locale: "en-US" });
    const back = await readBack(await writeSummaryWorkbook(summaryTables(en), en.locale));
    expect(back.worksheets.map((w) => w.name)).toEqual(["Townships", "Villages", "Strong-village index", "Submissions", "Issues", "Rejected rows"]);
    expect(back.getWorksheet("Townships")!.getCell("B8").value).toBe("County total");
  });
});

describe("summaryTables (what the task pane writes into the live workbook)", () => {
  test("six tables (the 强村富民指数榜 among them); rows as wide as the columns; flag marks and the 全县合计 row", async () => {
    const { summaryTables } = await import("../../../addin/merge");
    const s = mergeSubmissions(smallReports(), { registry, targets, locale: "zh-CN", flagTop: 1, flagBottom: 1 });
    const tables = summaryTables(s, { county: "示例县" });
    expect(tables.map((x) => x.key)).toEqual(["townships", "detail", "ranking", "submissions", "issues", "rejected"]);
    for (const table of tables) for (const row of table.rows) expect(row.length).toBe(table.columns.length);
    const tw = tables[0];
    expect(tw.rows.length).toBe(5);
    expect(tw.rows[4].slice(1, 8)).toEqual(["全县合计", null, 14, 14, 10, 4, 0.4]);
    expect(tw.marks.filter((m) => m.mark === "error" || m.mark === "warning")).toEqual([]);
    expect(tw.marks.filter((m) => m.mark === "red" || m.mark === "yellow")).toEqual([
      { row: 0, column: 16, mark: "red" },
      { row: 1, column: 16, mark: "red" },
      { row: 2, column: 16, mark: "yellow" },
    ]);
    expect(tw.columns[7].format).toBe("percent");
  });
});

describe("summaryTables: a partial township (merged with errors)", () => {
  test("its own status and a note; not ranked or flagged; its figures are what was merged", async () => {
    const { summaryTables } = await import("../../../addin/merge");
    const reports = smallReports();
    reports[1].issues.push(errorIssue("乙镇.xlsx", 6, "错"));
    reports[1].rows.hasErrors[1] = 1;
    reports[1].status = "errors";
    const s = mergeSubmissions(reports, { registry, targets, allowErrors: true, locale: "zh-CN" });
    const [tw] = summaryTables(s);
    const yi = tw.rows[1];
    expect(yi.slice(1, 8)).toEqual(["乙镇", "部分汇总（退回 1 行）", 4, 3, 4, 1, 0.25]);
    expect(yi.slice(15)).toEqual([null, null, "文件有 1 个错误、退回 1 行，仅汇总了 3/4 个村；各项只计已汇总的村，消除率不可与其他乡镇比较，未参与排名和红黄旗"]);
    expect(tw.marks).toContainEqual({ row: 1, column: 2, mark: "warning" });
    expect(tw.rows.slice(0, 4).map((r) => r[15])).toEqual([1, null, 2, null]);
  });
});
