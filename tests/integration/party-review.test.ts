/**
 * Template 2 (party-review, 村党组织书记抓基层党建述职评议考核评分表) end to end, for each producer of the filled
 * file (ExcelJS, LibreOffice, openpyxl; tests/fixtures/party-review/, made by scripts/fixtures/party-review.ts):
 * blank template → filled file → validate with the demo registry (clean: nothing to report; the planted errors each
 * found with its code at its cell) → merge with the other townships' demo submissions (samples/party-review/) →
 * writeSummaryWorkbook → read back with ExcelJS cell by cell.
 *
 * Expected figures are computed here from the input cells as read by ExcelJS, by the template's arithmetic written out
 * by hand (never by the engine): 实绩得分 = Σ items + min(加分, 5) − 扣分; 测评得分 = (好×100 + 较好×80 + 一般×60 + 差×0)
 * ÷ 票数, to 2 decimals; 综合得分 = 实绩 × 0.7 + 测评 × 0.3, to 2 decimals; 等次 ≥90 好 ≥80 较好 ≥60 一般; 星级 ≥95 5,
 * ≥90 4, ≥80 3, ≥70 2, else 1. A few figures are also checked as literal numbers worked out on paper.
 */
import { execFile } from "child_process";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { blankTemplateWorkbook, writeSummaryWorkbook } from "../../addin/io";
import { mergeSubmissions, reconcile, summaryTables, summaryToJson, type CountySummary } from "../../addin/merge";
import { BUILTIN_TEMPLATE_IDS, builtinTemplate, loadTemplate, parseRegistry, templateToJson } from "../../addin/templates";
import type { FileReport } from "../../addin/validate";
import { makeValidator } from "../../cli/validate-file";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures", "party-review");
const SAMPLES = join(ROOT, "samples", "party-review");
const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
const template = builtinTemplate("party-review");
const validate = makeValidator({ template, registry });
const PRODUCERS = ["exceljs", "libreoffice", "openpyxl"] as const;
const SHEET = "述职评议考核";

/** The data columns, A to V, as the template lays them out. */
const HEADERS = [
  "序号", "村（社区）代码", "村（社区）名称", "党组织书记", "述职方式", "组织建设", "党员队伍", "阵地建设", "集体经济", "基层治理", "加分", "扣分",
  "好", "较好", "一般", "差", "参评人数", "实绩得分", "测评得分", "综合得分", "等次", "备注",
];

// ---- The template's arithmetic, by hand ----

const r2 = (x: number) => Math.round(x * 100) / 100;

interface Branch {
  township: string;
  file: string;
  row: number;
  code: string;
  name: string;
  secretary: string;
  mode: string;
  performance: number;
  vote: number;
  total: number;
  grade: string;
}

/** The branches of a filled file, read cell by cell with ExcelJS, scored by hand. */
async function branchesOf(path: string, file: string, township: string): Promise<Branch[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(SHEET)!;
  expect(HEADERS.map((_, c) => String(ws.getCell(4, c + 1).value))).toEqual(HEADERS);
  const out: Branch[] = [];
  for (let r = 5; typeof ws.getCell(r, 2).value === "string" && /^\d{12}$/.test(String(ws.getCell(r, 2).value)); r++) {
    const n = (c: number) => {
      const v = ws.getCell(r, c).value;
      return typeof v === "number" ? v : 0;
    };
    const performance = r2(n(6) + n(7) + n(8) + n(9) + n(10) + Math.min(n(11), 5) - n(12));
    const [good, fairlyGood, average, poor] = [n(13), n(14), n(15), n(16)];
    const vote = r2((good * 100 + fairlyGood * 80 + average * 60 + poor * 0) / (good + fairlyGood + average + poor));
    const total = r2(performance * 0.7 + vote * 0.3);
    const grade = total >= 90 ? "好" : total >= 80 ? "较好" : total >= 60 ? "一般" : "差";
    out.push({
      township, file, row: r, code: String(ws.getCell(r, 2).value), name: String(ws.getCell(r, 3).value), secretary: String(ws.getCell(r, 4).value),
      mode: String(ws.getCell(r, 5).value), performance, vote, total, grade,
    });
  }
  return out;
}

const starsOf = (total: number) => (total >= 95 ? 5 : total >= 90 ? 4 : total >= 80 ? 3 : total >= 70 ? 2 : 1);

/** 中国式排名 (dense), highest first. */
function denseRanks(values: number[]): number[] {
  const distinct = [...new Set(values)].sort((a, b) => b - a);
  return values.map((v) => distinct.indexOf(v) + 1);
}

interface TownshipExpected {
  name: string;
  villages: number;
  status: "已汇总" | string;
  reported: number;
  conference: number | null;
  mean: number | null;
  grades: [number, number, number, number] | null;
  goodShare: number | null;
  rank: number | null;
  flag: "红旗" | "黄旗" | null;
}

/** What every township's line, the county line and the branch ranking should be, from the merged townships' branches. */
function expected(merged: Map<string, Branch[]>, notMerged: Map<string, string>) {
  const townships: TownshipExpected[] = registry.townships.map((tw) => {
    const bs = merged.get(tw.name);
    if (!bs) return { name: tw.name, villages: tw.villages.length, status: notMerged.get(tw.name)!, reported: 0, conference: null, mean: null, grades: null, goodShare: null, rank: null, flag: null };
    let sum = 0;
    for (const b of bs) sum += b.total;
    const count = (g: string) => bs.filter((b) => b.grade === g).length;
    return {
      name: tw.name, villages: tw.villages.length, status: "已汇总", reported: bs.length, conference: bs.filter((b) => b.mode === "大会述职").length,
      mean: round2(sum / bs.length), grades: [count("好"), count("较好"), count("一般"), count("差")], goodShare: count("好") / bs.length, rank: null, flag: null,
    };
  });
  const ranked = townships.filter((t) => t.mean !== null);
  const ranks = denseRanks(ranked.map((t) => t.mean!));
  ranked.forEach((t, i) => {
    t.rank = ranks[i];
    // 流动红黄旗: 3 from the top, 3 from the bottom, by competition rank (ties included).
    const above = ranked.filter((o) => o.mean! > t.mean!).length;
    const below = ranked.filter((o) => o.mean! < t.mean!).length;
    t.flag = above + 1 <= 3 ? "红旗" : below + 1 <= 3 ? "黄旗" : null;
  });
  const all = registry.townships.flatMap((tw) => merged.get(tw.name) ?? []);
  let sum = 0;
  for (const b of all) sum += b.total;
  const county = {
    villages: registry.townships.reduce((n, tw) => n + tw.villages.length, 0),
    reported: all.length,
    conference: all.filter((b) => b.mode === "大会述职").length,
    mean: round2(sum / all.length),
    grades: ["好", "较好", "一般", "差"].map((g) => all.filter((b) => b.grade === g).length),
    goodShare: all.filter((b) => b.grade === "好").length / all.length,
  };
  // The branch ranking: dense rank, 星级, 后20% (competition rank from the bottom ≤ ⌈20% of n⌉, ties included).
  const unitRanks = denseRanks(all.map((b) => b.total));
  const k = Math.ceil(all.length * 0.2);
  const ranking = all
    .map((b, i) => ({ b, order: i, rank: unitRanks[i], stars: starsOf(b.total), bottom: all.filter((o) => o.total < b.total).length + 1 <= k }))
    .sort((x, y) => x.rank - y.rank || x.order - y.order);
  return { townships, county, ranking, bottomCount: ranking.filter((e) => e.bottom).length };
}

// ---- Files ----

const reports = new Map<string, FileReport>();
async function report(path: string, name: string): Promise<FileReport> {
  let r = reports.get(path);
  if (!r) {
    r = await validate({ path, name });
    reports.set(path, r);
  }
  return r;
}
const where = (i: FileReport["issues"][number]) => `${i.code}@${i.cell ?? `row${i.row}`}:${i.severity}`;

/** The other townships' demo submissions (东湖镇's comes from the fixture under test). */
const SAMPLE_FILES = readdirSync(SAMPLES).filter((f) => f !== "东湖镇.xlsx").sort();

async function sampleReports(): Promise<FileReport[]> {
  return Promise.all(SAMPLE_FILES.map((f) => report(join(SAMPLES, f), f)));
}

/** Branches of every township whose file passes (石桥镇's has errors; 凤鸣乡 sent none). */
async function mergedBranches(dongHu: string): Promise<Map<string, Branch[]>> {
  const merged = new Map<string, Branch[]>();
  merged.set("东湖镇", await branchesOf(join(FIXTURES, dongHu), dongHu, "东湖镇"));
  for (const f of SAMPLE_FILES) {
    const township = f.replace(".xlsx", "");
    if (township !== "石桥镇") merged.set(township, await branchesOf(join(SAMPLES, f), f, township));
  }
  return merged;
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows from `first` on, as plain values (blank cells null), up to its last row. */
function rowsOf(ws: ExcelJS.Worksheet, first: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = first; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(ws.getCell(r, c).value ?? null);
    out.push(row);
  }
  return out;
}

const PLANTED = [
  "rule@H7:error", // 阵地建设 16 above its maximum 15
  "computed-mismatch@T8:error", // 综合得分 2.5 too high
  "computed-mismatch@U9:error", // 等次 not the one 综合得分 gives
  "rule@Q10:error", // 参评人数 below the votes
  "required@E11:error", // 述职方式 missing
  "enum@E12:error", // 述职方式 “现场述职”
].sort();

// ---- The template ----

describe("the party-review template", () => {
  test("is built in, loads with no template errors, and round-trips through its JSON", () => {
    expect(BUILTIN_TEMPLATE_IDS).toContain("party-review");
    expect(template.name).toBe("村党组织书记抓基层党建述职评议考核评分表");
    expect(loadTemplate(templateToJson(template))).toEqual(template);
    expect(template.columns.map((c) => c.header)).toEqual(HEADERS);
    expect(template.columns.filter((c) => c.compute).map((c) => c.key)).toEqual(["performanceScore", "voteScore", "totalScore", "grade"]);
  });

  test("every number is a parameter: item maxima add up to 100, each checked by its item's rule; 等次's options are gradeLabels", () => {
    const p = template.parameters as Record<string, unknown>;
    const maxima = [1, 2, 3, 4, 5].map((i) => p[`item${i}Max`] as number);
    expect(maxima).toEqual([20, 20, 15, 25, 20]);
    expect(maxima.reduce((a, b) => a + b, 0)).toBe(100);
    for (let i = 1; i <= 5; i++) {
      const rule = template.rules.find((r) => r.id === `item${i}-max`)!;
      expect(rule).toMatchObject({ expr: `item${i} <= item${i}Max`, column: `item${i}`, severity: "error" });
    }
    // The total counts each item against the same parameters the rules check.
    expect(template.columns.find((c) => c.key === "performanceScore")!.compute!.expr).toContain("[item1Max, item2Max, item3Max, item4Max, item5Max]");
    expect(p).toMatchObject({ bonusCap: 5, votePoints: [100, 80, 60, 0], scoreWeights: [0.7, 0.3], gradeThresholds: [90, 80, 60], starThresholds: [95, 90, 80, 70] });
    expect(template.columns.find((c) => c.key === "grade")!.enum).toEqual(p.gradeLabels);
  });
});

describe("the blank template", () => {
  test("`xiaobo template --template party-review --township 东湖镇`: its sheet, title, two-level header, drop-downs, no 合计 row", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "xiaobo-pr-")), "x.xlsx");
    const code = await new Promise<number>((resolve) =>
      execFile(process.execPath, [join(ROOT, "bin", "xiaobo.js"), "template", "--template", "party-review", "--township", "东湖镇", "--year", "2026", "--out", out], (err) => resolve(err ? 1 : 0)),
    );
    expect(code).toBe(0);
    const wb = await readBack(new Uint8Array(readFileSync(out)));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEET]);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws.getCell("A1").value).toBe("东湖镇村党组织书记抓基层党建述职评议考核评分表（2026年度）");
    expect(ws.getCell("A2").value).toBe("填报单位：东湖镇（盖章）");
    expect(ws.getCell("V2").value).toBe("单位：分");
    expect(ws.getCell("F3").value).toBe("实绩考核");
    expect(ws.getCell("M3").value).toBe("民主测评");
    expect(HEADERS.map((_, c) => ws.getCell(4, c + 1).value)).toEqual(HEADERS);
    // 18 branches prefilled (序号, code, name), then the footer: no 合计 row.
    expect([ws.getCell("A5").value, ws.getCell("B5").value, ws.getCell("C5").value]).toEqual([1, "339901101201", "黄埠村"]);
    expect(ws.getCell("B22").value).toBe("339901101218");
    expect(ws.getCell("A23").value).toBeNull();
    expect(ws.getCell("A24").value).toMatch(/^填表人：/);
    for (let c = 1; c <= 22; c++) expect(ws.getCell(23, c).value).toBeNull();
    expect(ws.getCell("E5").dataValidation).toMatchObject({ type: "list", formulae: ['"大会述职,书面述职"'] });
    expect(ws.getCell("U22").dataValidation).toMatchObject({ type: "list", formulae: ['"好,较好,一般,差"'] });
    expect(ws.getCell("F5").dataValidation).toMatchObject({ type: "decimal", error: "请填写不小于 0 的数字（单位：分），不要加文字。" });

    // The same bytes blankTemplateWorkbook writes, and the same layout as every fixture was filled into.
    const direct = await readBack(await blankTemplateWorkbook(template, registry.townships[0], 2026));
    expect(rowsOf(direct.getWorksheet(SHEET)!, 1)).toEqual(rowsOf(ws, 1));
    for (const p of PRODUCERS) {
      const filled = (await readBack(new Uint8Array(readFileSync(join(FIXTURES, `${p}.xlsx`))))).getWorksheet(SHEET)!;
      for (const cell of ["A1", "A2", "F3", "M3"]) expect(filled.getCell(cell).text).toBe(ws.getCell(cell).value);
      expect(HEADERS.map((_, c) => filled.getCell(4, c + 1).value)).toEqual(HEADERS);
      for (let r = 5; r <= 22; r++) expect(String(filled.getCell(r, 2).value)).toBe(ws.getCell(r, 2).value);
    }
  });
});

// ---- Each producer ----

test("every fixture of tests/fixtures/party-review has its expectations here", () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(PRODUCERS.flatMap((p) => [`${p}.xlsx`, `errors-${p}.xlsx`]).sort());
});

test("the files really come from three producers", () => {
  const props = (name: string) => XLSX.read(readFileSync(join(FIXTURES, name)), { bookProps: true }).Props;
  const parts = (name: string) => (XLSX.read(readFileSync(join(FIXTURES, name)), { bookFiles: true }) as XLSX.WorkBook & { keys: string[] }).keys;
  for (const prefix of ["", "errors-"]) {
    expect(props(`${prefix}libreoffice.xlsx`)?.Application).toMatch(/^LibreOffice/);
    // ExcelJS writes shared strings; openpyxl (loading and saving the ExcelJS file) inline strings.
    expect(parts(`${prefix}exceljs.xlsx`)).toContain("xl/sharedStrings.xml");
    expect(parts(`${prefix}openpyxl.xlsx`)).not.toContain("xl/sharedStrings.xml");
  }
});

describe.each(PRODUCERS)("filled by %s", (producer) => {
  const clean = `${producer}.xlsx`;
  const faulty = `errors-${producer}.xlsx`;
  let summary: CountySummary;
  let wb: ExcelJS.Workbook;
  let merged: Map<string, Branch[]>;
  let exp: ReturnType<typeof expected>;

  beforeAll(async () => {
    const all = [await report(join(FIXTURES, clean), clean), ...(await sampleReports())];
    summary = mergeSubmissions(all, { registry, template, locale: "zh-CN" });
    wb = await readBack(await writeSummaryWorkbook(summaryTables(summary, { county: "示例县", year: 2026 }), summary.locale));
    merged = await mergedBranches(clean);
    exp = expected(merged, new Map([["石桥镇", "未通过审核（3 个错误）"], ["凤鸣乡", "未报送"]]));
  });

  test("the clean file: 东湖镇, nothing to report, the computed columns filled as by hand", async () => {
    const r = await report(join(FIXTURES, clean), clean);
    expect(r.issues.map(where)).toEqual([]);
    expect(r.status).toBe("ok");
    expect(r.township?.name).toBe("东湖镇");
    expect(r.sheet).toBe(SHEET);
    expect(r.rows).toHaveLength(18);
    const byHand = await branchesOf(join(FIXTURES, clean), clean, "东湖镇");
    expect(r.rows.toArray().map((x) => [x.values.performanceScore, x.values.voteScore, x.values.totalScore, x.values.grade])).toEqual(
      byHand.map((b) => [b.performance, b.vote, b.total, b.grade]),
    );
    // The same values whoever saved the file.
    const original = await report(join(FIXTURES, "exceljs.xlsx"), "exceljs.xlsx");
    expect(r.rows.toArray().map((x) => x.values)).toEqual(original.rows.toArray().map((x) => x.values));
  });

  test("黄埠村 and 后口村, worked out on paper", async () => {
    const r = await report(join(FIXTURES, clean), clean);
    // 18 + 19 + 14 + 23.5 + 18.5 = 93; 加分 6 counts 5; 扣分 1 → 97. (30×100 + 5×80 + 1×60) ÷ 36 = 96.11.
    // 97 × 0.7 + 96.11 × 0.3 = 67.9 + 28.833 = 96.733 → 96.73: 好. Its computed cells were blank.
    expect(r.rows.at(0).values).toMatchObject({ villageCode: "339901101201", performanceScore: 97, voteScore: 96.11, totalScore: 96.73, grade: "好" });
    // 12 + 11 + 9 + 14 + 11 − 2 = 55; (5×100 + 10×80 + 12×60) ÷ 30 = 67.33; 38.5 + 20.199 = 58.70: 差 (filled in, and right).
    expect(r.rows.at(1).values).toMatchObject({ villageCode: "339901101202", performanceScore: 55, voteScore: 67.33, totalScore: 58.7, grade: "差" });
  });

  test("the file with planted errors: each found, with its code, at its cell", async () => {
    const r = await report(join(FIXTURES, faulty), faulty);
    expect(r.issues.map(where).sort()).toEqual(PLANTED);
    expect(r.status).toBe("errors");
    expect(r.township?.name).toBe("东湖镇");
    const at = (cell: string) => r.issues.find((i) => i.cell === cell)!.message;
    expect(at("H7")).toBe("述职评议考核!H7：阵地建设得分 16.00 超过该项满分 15 分，请核对（各项满分是模板参数 item1Max～item5Max）");
    expect(at("T8")).toMatch(/^述职评议考核!T8：综合得分填写为 [\d.]+，按模板的计算方法（实绩得分 × 实绩权重 \+ 测评得分 × 测评权重，权重见模板参数 scoreWeights）应为 [\d.]+。/);
    expect(at("U9")).toMatch(/^述职评议考核!U9：等次填写为 (好|一般)，/);
    expect(at("Q10")).toMatch(/^述职评议考核!Q10：民主测评票数（好 \d+、较好 \d+、一般 \d+、差 \d+）合计超过参评人数 \d+ 人，请核对票数或参评人数$/);
    expect(at("E11")).toBe("述职评议考核!E11：述职方式不能为空，请填写。");
    expect(at("E12")).toBe("述职评议考核!E12：述职方式“现场述职”不是可选项，请从 大会述职、书面述职 中选择一项。");
    // Rows 7–12 have errors; the other twelve do not.
    expect(r.rows.toArray().filter((x) => x.hasErrors).map((x) => x.row)).toEqual([7, 8, 9, 10, 11, 12]);
  });

  test("conservation: every input row merged or rejected, county = Σ townships, reconcile() is clean", () => {
    expect(reconcile(summary)).toEqual([]);
    for (const f of summary.files) expect(f.mergedRows + f.rejectedRows).toBe(f.rows);
    const input = summary.files.reduce((n, f) => n + f.rows, 0);
    expect(summary.detail.length + summary.rejected.length).toBe(input);
    expect(summary.rejected.map((r) => r.file)).toEqual(new Array(19).fill("石桥镇.xlsx"));
    for (const key of ["villages", "reported", "conference", "gradeGood", "gradeFairlyGood", "gradeAverage", "gradePoor"]) {
      const sum = summary.townships.reduce((n, tw) => n + ((tw[key] as number | null) ?? 0), 0);
      expect(summary.county[key]).toBe(sum);
    }
    // reconcile() notices a township's mean off by a millionth.
    const dongHu = summary.townships[0];
    const mean = dongHu.meanScore as number;
    dongHu.meanScore = mean + 1e-6;
    expect(reconcile(summary).length).toBeGreaterThan(0);
    dongHu.meanScore = mean;
  });

  test("乡镇汇总, cell by cell: figures, rank and 流动红黄旗 of every township, and 全县合计", () => {
    const ws = wb.getWorksheet("乡镇汇总")!;
    expect(ws.getCell("A1").value).toBe("示例县2026年度村党组织书记述职评议考核汇总表");
    const header = ["序号", "乡镇", "报送状态", "村数", "已报村数", "大会述职数", "综合得分均值", "评为好", "评为较好", "评为一般", "评为差", "好等次占比", "综合得分排名", "红黄旗", "说明"];
    expect(header.map((_, c) => ws.getCell(3, c + 1).value)).toEqual(header);
    const rows = rowsOf(ws, 4);
    expect(rows).toHaveLength(13);
    exp.townships.forEach((t, i) => {
      const row = rows[i];
      expect(row.slice(0, 6)).toEqual([i + 1, t.name, t.status, t.villages, t.reported, t.conference]);
      if (t.mean === null) expect(row[6]).toBeNull();
      else expect(row[6] as number).toBeCloseTo(t.mean, 10);
      expect(row.slice(7, 11)).toEqual(t.grades ?? [null, null, null, null]);
      if (t.goodShare === null) expect(row[11]).toBeNull();
      else expect(row[11] as number).toBeCloseTo(t.goodShare, 12);
      expect(row.slice(12, 14)).toEqual([t.rank, t.flag]);
    });
    // 十个乡镇排名 1…10, 3 red flags and 3 yellow.
    expect(exp.townships.map((t) => t.rank).filter((r) => r !== null).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.filter((r) => r[13] === "红旗")).toHaveLength(3);
    expect(rows.filter((r) => r[13] === "黄旗")).toHaveLength(3);
    const county = rows[12];
    expect(county.slice(1, 6)).toEqual(["全县合计", null, exp.county.villages, exp.county.reported, exp.county.conference]);
    expect(county[6] as number).toBeCloseTo(exp.county.mean, 10);
    expect(county.slice(7, 11)).toEqual(exp.county.grades);
    expect(county[11] as number).toBeCloseTo(exp.county.goodShare, 12);
    expect(county.slice(12, 14)).toEqual([null, null]);
  });

  test("东湖镇's line, worked out: mean 综合得分, 好 count and share, rank, flag", () => {
    const dongHu = merged.get("东湖镇")!;
    // Σ of its 18 综合得分 (as the engine never sees them: read from the cells and scored above) ÷ 18.
    const totals = dongHu.map((b) => b.total);
    expect(totals).toEqual(DONGHU_TOTALS);
    expect(totals.reduce((a, b) => a + b, 0) / 18).toBeCloseTo(DONGHU_MEAN, 10);
    const ws = wb.getWorksheet("乡镇汇总")!;
    // Reported (and ranked) to 2 decimals, as the summary's measure says.
    expect(ws.getCell("G4").value).toBe(81.42);
    expect(round2(DONGHU_MEAN)).toBe(81.42);
    expect(ws.getCell("G4").numFmt).toBe("0.00");
    expect(ws.getCell("H4").value).toBe(DONGHU_GOOD);
    expect(ws.getCell("L4").value as number).toBeCloseTo(DONGHU_GOOD / 18, 12);
    expect(ws.getCell("L4").numFmt).toBe("0.0%");
    expect([ws.getCell("M4").value, ws.getCell("N4").value ?? null]).toEqual([DONGHU_RANK, DONGHU_FLAG]);
  });

  test("书记述职评议排名, cell by cell: every branch's rank, 综合得分, 星级, 后20% and columns", () => {
    const ws = wb.getWorksheet("书记述职评议排名")!;
    expect(ws.getCell("A1").value).toBe("示例县2026年度村党组织书记述职评议考核排名");
    expect(ws.getCell("A2").value).toBe(`全县 ${exp.ranking.length} 个参与排名（中国式排名）；后20%共 ${exp.bottomCount} 个（并列计入），一对一联系`);
    const header = ["排名", "乡镇", "村（社区）代码", "村（社区）名称", "综合得分", "星级", "后20%", "党组织书记", "述职方式", "实绩得分", "测评得分", "等次"];
    expect(header.map((_, c) => ws.getCell(3, c + 1).value)).toEqual(header);
    const rows = rowsOf(ws, 4);
    expect(rows).toHaveLength(exp.ranking.length);
    exp.ranking.forEach((e, i) => {
      const b = e.b;
      expect(rows[i]).toEqual([e.rank, b.township, b.code, b.name, b.total, e.stars, e.bottom ? "后20%" : null, b.secretary, b.mode, b.performance, b.vote, b.grade]);
    });
    // 黄埠村: 96.73, 5 stars, not in 后20%; 后口村: 58.70, 1 star, in 后20%.
    const find = (code: string) => rows.find((r) => r[2] === code)!;
    expect(find("339901101201").slice(3, 12)).toEqual(["黄埠村", 96.73, 5, null, "黄建国", "大会述职", 97, 96.11, "好"]);
    expect(find("339901101202").slice(3, 12)).toEqual(["后口村", 58.7, 1, "后20%", "李卫东", "书面述职", 55, 67.33, "差"]);
    expect(find("339901101201")[0]).toBe(1 + new Set(exp.ranking.filter((e) => e.b.total > 96.73).map((e) => e.b.total)).size);
  });

  test("村级明细: every merged branch with its computed columns", () => {
    const ws = wb.getWorksheet("村级明细")!;
    const rows = rowsOf(ws, 4);
    const all = registry.townships.flatMap((tw) => merged.get(tw.name) ?? []);
    expect(rows).toHaveLength(all.length);
    // 序号, 乡镇, code, name, 书记, 方式, 5 items, 加分, 扣分, 4 votes, 参评人数, 实绩, 测评, 综合, 等次, 备注, 来源文件, 来源行
    all.forEach((b, i) => {
      expect([rows[i][1], rows[i][2], rows[i][3], rows[i][4], rows[i][5]]).toEqual([b.township, b.code, b.name, b.secretary, b.mode]);
      expect(rows[i].slice(18, 22)).toEqual([b.performance, b.vote, b.total, b.grade]);
      expect(rows[i].slice(23, 25)).toEqual([b.file, b.row]);
    });
  });

  test("--json: townships and county keyed by the workbook's headers", () => {
    const json = summaryToJson(summary);
    expect(json.template).toBe("party-review");
    const t = json.townships[0];
    expect(Object.keys(t)).toEqual([
      "township", "code", "status", "villages", "reported", "rejectedRows", "村数", "已报村数", "大会述职数", "综合得分均值", "评为好", "评为较好", "评为一般", "评为差",
      "好等次占比", "rank", "flag", "files", "errorCount",
    ]);
    const e = exp.townships[0];
    expect(t).toMatchObject({ township: "东湖镇", status: "merged", 村数: 18, 已报村数: 18, 大会述职数: e.conference, 评为好: e.grades![0], 评为差: e.grades![3], rank: e.rank, flag: e.flag === "红旗" ? "red" : e.flag === "黄旗" ? "yellow" : null, files: [clean] });
    expect(t.综合得分均值 as number).toBeCloseTo(e.mean!, 10);
    expect(json.townships.find((x) => x.township === "凤鸣乡")).toMatchObject({ status: "missing", 综合得分均值: null, 评为好: null, rank: null });
    expect(json.townships.find((x) => x.township === "石桥镇")).toMatchObject({ status: "failed", 综合得分均值: null, errorCount: 3 });
    expect(json.county).toMatchObject({ villages: 188, reported: exp.county.reported, 大会述职数: exp.county.conference, 评为好: exp.county.grades[0] });
    expect(json.county.综合得分均值 as number).toBeCloseTo(exp.county.mean, 10);
  });

  test("merged with the planted-errors file instead, 东湖镇 fails: its 18 rows rejected with the reason, the rest unchanged", async () => {
    const all = [await report(join(FIXTURES, faulty), faulty), ...(await sampleReports())];
    const s = mergeSubmissions(all, { registry, template, locale: "zh-CN" });
    expect(reconcile(s)).toEqual([]);
    expect(s.townships[0]).toMatchObject({ name: "东湖镇", status: "failed", reported: 0, rejectedRows: 18, rank: null, meanScore: null });
    expect(s.rejected.filter((r) => r.file === faulty).map((r) => r.reason)).toEqual(new Array(18).fill("文件未通过审核（6 个错误），整份文件未汇总"));
    expect(s.detail.length + s.rejected.length).toBe(s.files.reduce((n, f) => n + f.rows, 0));
    expect(s.unitRankings[0].unit).toHaveLength(summary.unitRankings[0].unit.length - 18);
  });
});

// Worked out on paper from tests/fixtures/party-review/exceljs.xlsx (the same cells in every producer's file).
// Four reach 90 (好): 96.73, 91, 95.98, 92.62. Mean 1465.55 ÷ 18 = 81.4194…, 8th of the ten townships merged (白云乡
// 88.48, 桃源镇 85.71, 金沙镇 85.33, 北岭乡 84.39, 清水镇 83.94, 龙泉镇 83.56, 西山镇 81.69, 东湖镇, 青石镇 80.37, 南溪镇
// 78.63): among the bottom three, so a yellow flag.
const DONGHU_TOTALS = [96.73, 58.7, 76.96, 81.74, 79.59, 91, 95.98, 81.07, 87.5, 76.33, 87.29, 81.2, 78.07, 73.08, 83.99, 73.5, 70.2, 92.62];
const DONGHU_MEAN = 1465.55 / 18;
/** A mean as the summary reports it: to 2 decimals, half away from zero. */
function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100)) / 100;
}
const DONGHU_GOOD = 4;
const DONGHU_RANK = 8;
const DONGHU_FLAG = "黄旗";
