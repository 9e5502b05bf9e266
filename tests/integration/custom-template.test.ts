/**
 * A county's own template, written only as JSON (tests/fixtures/custom-template/软弱涣散村整顿台账.json: no column
 * keys, rules and summary naming columns by `{表头}`, a date column, coverage "some"), taken through everything with no
 * code written for it: the blank workbook for a township → three townships fill it (ExcelJS; re-saved by LibreOffice
 * and by openpyxl: committed files, made by scripts/fixtures/custom-template.ts) with planted errors → validation → merge → the county workbook read back cell by
 * cell → conservation and reconcile → the CLI's merge --json, keyed by the template's headers.
 */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { readBook } from "../../addin/io";
import { blankTemplateWorkbook } from "../../addin/io/template-workbook";
import { writeSummaryWorkbook } from "../../addin/io/summary-workbook";
import { mergeSubmissions, reconcile, summaryTables, type CountySummary } from "../../addin/merge";
import { loadTemplate, parseRegistry, type Template } from "../../addin/templates";
import { validateBook, type FileReport } from "../../addin/validate";
import * as XLSX from "@e965/xlsx";
import { CUSTOM_SUBMISSIONS_DIR, ledgerFile, SUBMISSIONS } from "../../scripts/fixtures/custom-template";

const ROOT = join(__dirname, "..", "..");
const TEMPLATE_FILE = join(ROOT, "tests", "fixtures", "custom-template", "软弱涣散村整顿台账.json");
const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
const template: Template = loadTemplate(readFileSync(TEMPLATE_FILE, "utf8"));
const SHEET = "软弱涣散村整顿台账";
const YEAR = 2026;

function xiaobo(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "xiaobo.js"), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const submissions = CUSTOM_SUBMISSIONS_DIR;
const dir = mkdtempSync(join(tmpdir(), "xiaobo-custom-"));
const townshipOf = (name: string) => registry.townships.find((tw) => tw.name === name)!;
let blank: Uint8Array;
let reports: FileReport[];
let summary: CountySummary;
let county: ExcelJS.Workbook;

beforeAll(async () => {
  blank = await blankTemplateWorkbook(template, townshipOf("东湖镇"), YEAR);
  // The townships' files as committed (scripts/fixtures/custom-template.ts, `npm run fixtures`).
  reports = SUBMISSIONS.map((s) => {
    const file = ledgerFile(s.township);
    return validateBook(readBook(new Uint8Array(readFileSync(join(submissions, file))), file), { template, registry });
  });
  summary = mergeSubmissions(reports, { registry, template, allowErrors: true, locale: "zh-CN" });
  county = new ExcelJS.Workbook();
  await county.xlsx.load((await writeSummaryWorkbook(summaryTables(summary, { county: "示例县", year: YEAR }), summary.locale)) as unknown as ArrayBuffer);
}, 180_000);

describe("the template, from JSON only", () => {
  test("loads with keys derived from the headers, its {表头} names resolved, a date column and coverage some", () => {
    expect(template.columns.map((c) => [c.header, c.type])).toEqual([
      ["序号", "integer"], ["村（社区）代码", "code"], ["村（社区）名称", "text"], ["整顿措施", "text"],
      ["责任人", "text"], ["完成时限", "date"], ["是否销号", "yesno"], ["备注", "text"],
    ]);
    expect(template.coverage).toBe("some");
    expect(template.sequenceColumn).toBe(template.columns[0].key);
    expect(template.explanation?.column).toBe(template.columns[7].key);
    expect(template.parameters.reportDate).toBe(20261231);
  });

  test("the townships' files were written by three producers: ExcelJS, LibreOffice, openpyxl", () => {
    const props = (township: string) => XLSX.read(readFileSync(join(submissions, ledgerFile(township))), { type: "buffer", bookProps: true }).Props ?? {};
    expect(SUBMISSIONS.map((s) => [s.township, s.producer])).toEqual([["东湖镇", "exceljs"], ["西山镇", "libreoffice"], ["白云乡", "openpyxl"]]);
    expect(props("西山镇").Application).toMatch(/^LibreOffice/);
    for (const t of ["东湖镇", "白云乡"]) expect(props(t).Application ?? "").not.toMatch(/^LibreOffice/);
    // openpyxl writes inline strings (no shared-strings part), ExcelJS a shared-strings part.
    const raw = (township: string) => readFileSync(join(submissions, ledgerFile(township))).toString("latin1");
    expect(raw("东湖镇")).toContain("xl/sharedStrings.xml");
    expect(raw("白云乡")).not.toContain("xl/sharedStrings.xml");
  });
});

describe("the blank workbook of a township (coverage some)", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank as unknown as ArrayBuffer);
  });

  test("the ledger sheet: title, header, numbered blank rows, no 合计 row, no 单位 line; then the township's villages", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, "本乡镇村名册"]);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell("A1").value).toBe("东湖镇软弱涣散村（社区）党组织整顿台账（2026年度）");
    expect(ws.getCell("A2").value).toBe("填报单位：东湖镇（盖章）");
    expect(ws.getCell("H2").value).toBeNull();
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["序号", "村（社区）代码", "村（社区）名称", "整顿措施", "责任人", "完成时限", "是否销号", "备注"]);
    const seq: unknown[] = [];
    for (let r = 5; r < 5 + 18; r++) {
      seq.push(ws.getCell(r, 1).value);
      for (let c = 2; c <= 8; c++) expect(ws.getCell(r, c).value).toBeNull();
    }
    expect(seq).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(ws.getCell(23, 1).value).toBeNull(); // no 合计 row: nothing to add up
    expect(ws.getCell(24, 1).value).toMatch(/^填表人/);
    expect(ws.getCell("F5").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("C5").dataValidation).toMatchObject({ type: "list", formulae: ["'本乡镇村名册'!$B$3:$B$20"] });
    expect(ws.getCell("G5").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(ws.getCell("B5").protection?.locked).toBe(false);
    const villages = wb.getWorksheet("本乡镇村名册")!;
    expect((villages.getRow(2).values as unknown[]).slice(1)).toEqual(["村（社区）代码", "村（社区）名称"]);
    const listed: unknown[][] = [];
    for (let r = 3; r <= villages.rowCount; r++) listed.push([villages.getCell(r, 1).value, villages.getCell(r, 2).value]);
    expect(listed).toEqual(townshipOf("东湖镇").villages.map((v) => [v.code, v.name]));
  });

  test("sent back empty, it is a valid ledger with no rows: no 漏报 since only the villages concerned are listed", () => {
    const r = validateBook(readBook(blank, "东湖镇.xlsx"), { template, registry });
    expect(r.issues).toEqual([]);
    expect(r.rows.length).toBe(0);
    expect(r.township?.name).toBe("东湖镇");
  });
});

const codes = (r: FileReport) => r.issues.map((i) => `${i.code}@${i.cell}:${i.severity}${i.explained ? "(explained)" : ""}`);

describe("validation of the three filled files", () => {
  test("the planted errors exactly at their cells, the overdue warnings, nothing else; no 漏报", () => {
    expect(reports.map((r) => r.township?.name)).toEqual(["东湖镇", "西山镇", "白云乡"]);
    expect(codes(reports[0])).toEqual(["required@E6:error", "rule@F7:warning"]);
    expect(codes(reports[1])).toEqual(["type@F6:error", "rule@F7:warning(explained)"]);
    expect(codes(reports[2])).toEqual(["rule@F5:warning", "wrong-township@B6:error"]);
    for (const r of reports) expect(r.issues.some((i) => i.code === "missing-village")).toBe(false);
  });

  test("the messages are Chinese and name the cell", () => {
    expect(reports[0].issues[0].message).toBe(`${SHEET}!E6：责任人不能为空，请填写。`);
    expect(reports[0].issues[1].message).toBe(`${SHEET}!F7：新溪村完成时限 2026-10-31 已过，仍未销号，请在备注中写明原因和新的时限`);
    expect(reports[1].issues[0].message).toBe(`${SHEET}!F6：完成时限“2026-02-30”不是有效日期，请填写如 2026-06-30、2026/6/30 或 2026年6月30日 的日期，或把单元格设为日期格式。`);
    expect(reports[2].issues[1].message).toContain("339901101201");
    expect(reports[2].issues[1].message).toContain("东湖镇");
  });

  test("0 false errors: only the planted rows have errors, every clean row is read as written", () => {
    expect(reports.map((r) => r.rows.toArray().filter((dr) => dr.hasErrors).map((dr) => dr.row))).toEqual([[6], [6], [6]]);
    expect(reports.map((r) => r.rows.length)).toEqual([4, 5, 3]);
    const [, , , , , deadline, closed] = template.columns.map((c) => c.key);
    expect(reports[0].rows.toArray().map((dr) => [dr.values[deadline], dr.values[closed]])).toEqual([
      [20260630, true], [20270331, false], [20261031, false], [20270331, false],
    ]);
    expect(reports[1].rows.toArray().map((dr) => dr.values[deadline])).toEqual([20260331, null, 20261130, 20261231, 20260815]);
    expect(reports[2].rows.toArray().map((dr) => dr.values[deadline])).toEqual([20260531, 20261231, 20260630]);
  });
});

describe("merge and the county workbook", () => {
  test("township figures: 台账数, 已销号 and 销号率, 逾期未销号; county from the units", () => {
    const line = (name: string) => summary.townships.find((tw) => tw.name === name)!;
    const figures = (l: Record<string, unknown>) => [l.ledger, l.closed, l.closedShare, l.overdueCount];
    expect(figures(line("东湖镇"))).toEqual([3, 1, 1 / 3, 1]);
    expect(figures(line("西山镇"))).toEqual([4, 2, 0.5, 1]);
    expect(figures(line("白云乡"))).toEqual([2, 1, 0.5, 1]);
    expect(figures(line("南溪镇"))).toEqual([0, null, null, null]); // 台账数 (units merged) is 0, the rest blank
    expect(figures(summary.county)).toEqual([9, 4, 4 / 9, 3]);
    expect(["东湖镇", "西山镇", "白云乡", "南溪镇"].map((n) => line(n).status)).toEqual(["partial", "partial", "partial", "missing"]);
  });

  test("conservation: every input row merged or rejected, once; the summary reconciles", () => {
    const input = reports.reduce((n, r) => n + r.rows.length, 0);
    expect(input).toBe(12);
    expect(summary.detail.length + summary.rejected.length).toBe(input);
    const seen = [...summary.detail.toArray().map((d) => `${d.source.fileIndex}:${d.source.row}`), ...summary.rejected.map((r) => `${r.fileIndex}:${r.row}`)];
    expect(new Set(seen).size).toBe(input);
    expect(summary.rejected.map((r) => [r.file, r.row])).toEqual([
      ["东湖镇软弱涣散村整顿台账.xlsx", 6],
      ["西山镇软弱涣散村整顿台账.xlsx", 6],
      ["白云乡软弱涣散村整顿台账.xlsx", 6],
    ]);
    for (const r of summary.rejected) expect(r.reason).not.toBe("");
    expect(reconcile(summary)).toEqual([]);
  });

  test("乡镇汇总, cell by cell", () => {
    expect(county.worksheets.map((w) => w.name)).toEqual(["乡镇汇总", "村级明细", "逾期未销号", "报送情况", "审核问题", "未汇总行"]);
    const ws = county.getWorksheet("乡镇汇总")!;
    expect(ws.getCell("A1").value).toBe("示例县2026年度软弱涣散村（社区）党组织整顿情况汇总表");
    expect(ws.getCell("A2").value).toBe("逾期未销号：完成时限早于报告日期（参数 reportDate）且未销号");
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["序号", "乡镇", "报送状态", "台账数", "已销号", "销号率", "逾期未销号", "说明"]);
    const row = (r: number) => ["B", "C", "D", "E", "F", "G"].map((c) => ws.getCell(`${c}${r}`).value);
    expect(row(4)).toEqual(["东湖镇", "部分汇总（退回 1 行）", 3, 1, 1 / 3, 1]);
    expect(row(5)).toEqual(["西山镇", "部分汇总（退回 1 行）", 4, 2, 0.5, 1]);
    expect(row(6)).toEqual(["南溪镇", "未报送", 0, null, null, null]);
    expect(row(14)).toEqual(["白云乡", "部分汇总（退回 1 行）", 2, 1, 0.5, 1]);
    expect(row(16)).toEqual(["全县合计", null, 9, 4, 4 / 9, 3]);
    expect(ws.getCell("F4").numFmt).toBe("0.0%");
    expect(ws.getCell("D4").numFmt).toBe("0");
  });

  test("逾期未销号: the overdue villages, in registry order, with the chosen columns; dates as dates", () => {
    const ws = county.getWorksheet("逾期未销号")!;
    expect(ws.getCell("A1").value).toBe("示例县2026年度逾期未销号软弱涣散村名单");
    expect(ws.getCell("A2").value).toBe("共 3 个");
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["序号", "乡镇", "村（社区）代码", "村（社区）名称", "整顿措施", "责任人", "完成时限", "备注"]);
    const rows: unknown[][] = [];
    for (let r = 4; r <= 7; r++) rows.push(Array.from({ length: 8 }, (_, c) => ws.getCell(r, c + 1).value));
    expect(rows).toEqual([
      [1, "东湖镇", "339901101214", "新溪村", "化解历史遗留矛盾纠纷", "李红", "2026-10-31", null],
      [2, "西山镇", "339901102205", "新田村", "完善村务监督委员会", "赵磊", "2026-11-30", "村委换届推迟，顺延至2027年3月底"],
      [3, "白云乡", "339901202201", "黄岭村", "软弱班子整顿提升", "吴芳", "2026-05-31", null],
      [null, null, null, null, null, null, null, null],
    ]);
  });

  test("村级明细 and 未汇总行: the merged ledger rows and the three rejected ones", () => {
    const detail = county.getWorksheet("村级明细")!;
    const merged: unknown[] = [];
    for (let r = 4; r < 4 + 9; r++) merged.push(`${detail.getCell(r, 2).value} ${detail.getCell(r, 4).value} ${detail.getCell(r, 7).value} ${detail.getCell(r, 8).value}`);
    expect(merged).toEqual([
      "东湖镇 小口村 2026-06-30 是", "东湖镇 新溪村 2026-10-31 否", "东湖镇 老源村 2027-03-31 否",
      "西山镇 龙田村 2026-03-31 是", "西山镇 新田村 2026-11-30 否", "西山镇 低坪村 2026-12-31 否", "西山镇 南坑村 2026-08-15 是",
      "白云乡 黄岭村 2026-05-31 否", "白云乡 新源村 2026-06-30 是",
    ]);
    expect(detail.getCell(13, 1).value).toBeNull();
    const rejected = county.getWorksheet("未汇总行")!;
    expect(rejected.getCell("A2").value).toBe("序号");
    const files: unknown[] = [];
    for (let r = 3; r <= 6; r++) files.push(rejected.getCell(r, 2).value);
    expect(files).toEqual(["东湖镇软弱涣散村整顿台账.xlsx", "西山镇软弱涣散村整顿台账.xlsx", "白云乡软弱涣散村整顿台账.xlsx", null]);
  });
});

describe("the CLI, with the template file", () => {
  test("xiaobo template --township 东湖镇 --template <file.json>: the same blank workbook, said in words", async () => {
    const out = join(dir, "东湖镇空白.xlsx");
    const r = await xiaobo(["template", "--township", "东湖镇", "--template", TEMPLATE_FILE, "--year", String(YEAR), "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("只填涉及的村：留 18 行");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET, "本乡镇村名册"]);
    expect(validateBook(readBook(new Uint8Array(readFileSync(out)), "东湖镇.xlsx"), { template, registry }).issues).toEqual([]);
  });

  test("xiaobo merge <dir> --template <file.json> --json: figures keyed by the template's headers", async () => {
    const out = join(dir, "县汇总.xlsx");
    const r = await xiaobo(["merge", submissions, "--template", TEMPLATE_FILE, "--allow-errors", "--json", "--out", out]);
    expect(r.code).toBe(1); // nine townships sent nothing
    expect(r.stderr).not.toContain("未能平衡");
    expect(existsSync(out)).toBe(true);
    const json = JSON.parse(r.stdout);
    expect(json.template).toBe("weak-village-rectification");
    const tw = (name: string) => json.townships.find((t: { township: string }) => t.township === name);
    const figures = ["台账数", "已销号", "销号率", "逾期未销号"];
    expect(figures.map((k) => tw("东湖镇")[k])).toEqual([3, 1, 1 / 3, 1]);
    expect(figures.map((k) => tw("西山镇")[k])).toEqual([4, 2, 0.5, 1]);
    expect(figures.map((k) => tw("白云乡")[k])).toEqual([2, 1, 0.5, 1]);
    expect(figures.map((k) => tw("南溪镇")[k])).toEqual([0, null, null, null]);
    expect(tw("东湖镇")).toMatchObject({ status: "partial", reported: 3, rejectedRows: 1 });
    expect(json.county).toEqual({ villages: 188, reported: 9, 台账数: 9, 已销号: 4, 销号率: 4 / 9, 逾期未销号: 3 });
    expect(json.rejected.map((x: { row: number }) => x.row)).toEqual([6, 6, 6]);
  });

  test("xiaobo template --export writes the template with $schema, and the schema beside it", async () => {
    const out = join(dir, "导出", "台账模板.json");
    const r = await xiaobo(["template", "--export", TEMPLATE_FILE, "--out", out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.$schema).toBe("./template.schema.json");
    expect(readFileSync(join(dir, "导出", "template.schema.json"), "utf8")).toBe(readFileSync(join(ROOT, "docs", "template.schema.json"), "utf8"));
    expect(loadTemplate(json)).toEqual(template);
  });
});
