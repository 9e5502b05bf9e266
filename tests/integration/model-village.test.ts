/**
 * Template 3, 党建示范村创建评估表 (model-village), end to end with real files: the county's blank template
 * (`xiaobo template --template model-village`), filled in with ExcelJS and re-saved by LibreOffice and by openpyxl
 * (tests/fixtures/model-village, made by scripts/fixtures/model-village.ts); each validated against the demo county's
 * registry, merged with other townships, written as the county workbook and read back cell by cell.
 *
 * Every expected figure is worked out by hand from the fixture data (scripts/fixtures/model-village.ts), never by
 * calling the engine:
 * - 东湖镇 (18 villages, clean): candidates 1–5 meet 10, 10, 9, 8, 6 standards (村 3 misses 标准八; 村 4 标准三、八;
 *   村 5 标准三、六、八、九); 村 1–2 认定. Candidates 5, 示范村 2, share 2/18 ≥ 10% 达到, mean 43/5 = 8.6.
 * - 白云乡 (8 villages, clean): candidates 1–2 meet 9 (misses 标准十) and 7 (misses 标准一、二、四); none 认定.
 *   Candidates 2, 示范村 0, share 0 未达到, mean 16/2 = 8.
 * - 南溪镇 (15 villages) with five errors in rows 7–11; its clean rows: candidates 村 1–2 (all ten, 认定) and 村 8
 *   (misses 标准四). Merged with errors allowed: 10 rows, candidates 3, 示范村 2, share 2/15 达到, mean 29/3.
 */
import { execFile } from "child_process";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { writeSummaryWorkbook } from "../../addin/io/summary-workbook";
import { mergeSubmissions, reconcile, summaryTables, summaryToJson, type CountySummary } from "../../addin/merge";
import { builtinTemplate, parseRegistry } from "../../addin/templates";
import type { FileReport, Issue } from "../../addin/validate";
import { makeValidator } from "../../cli/validate-file";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures", "model-village");
const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
const template = builtinTemplate("model-village");
const validate = makeValidator({ template, registry });
const PRODUCERS = ["exceljs", "libreoffice", "openpyxl"] as const;
const SHEET = "党建示范村创建评估";
const STANDARDS = ["标准一", "标准二", "标准三", "标准四", "标准五", "标准六", "标准七", "标准八", "标准九", "标准十"];
const ALL_MET = Array<string>(10).fill("达标");
/** Ten standards from 1 (达标) and 0 (未达标). */
const standards = (s: string) => [...s].map((c) => (c === "1" ? "达标" : "未达标"));

function xiaobo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "xiaobo.js"), ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0];
}

const reports = new Map<string, Promise<FileReport>>();
function report(file: string): Promise<FileReport> {
  let r = reports.get(file);
  if (!r) {
    r = validate({ path: join(FIXTURES, file), name: file });
    reports.set(file, r);
  }
  return r;
}

const where = (i: Issue) => (i.cell ? `@${i.cell}` : i.row !== undefined ? `@row${i.row}` : "");
const found = (r: FileReport) => r.issues.map((i) => `${i.code}${where(i)}:${i.severity}`);

/** The planted errors of 南溪镇 (rows 7–11), each at its cell, with its whole message. */
const PLANTED: [string, string][] = [
  ["rule@P7:error", "党建示范村创建评估!P7：认定示范村须十条标准中至少 10 条达标，该村只达标 9 条，是否认定示范村不能填“是”；请核对各条标准，或改为“否”"],
  ["computed-mismatch@O8:error", "党建示范村创建评估!O8：达标条数填写为 8，按模板的计算方法（标准一至标准十中填“达标”的条数）应为 10。请改正，或留空由系统计算"],
  ["required@K9:error", "党建示范村创建评估!K9：是否申报示范村为“是”时标准七必须填写，请补填。"],
  ["rule@P10:error", "党建示范村创建评估!P10：该村未申报示范村（是否申报示范村为“否”），是否认定示范村只能填“否”或留空，请改正"],
  ["enum@F11:error", "党建示范村创建评估!F11：标准二“部分达标”不是可选项，请从 达标、未达标 中选择一项。"],
];

describe("the model-village template", () => {
  test("is built in and loads: 17 columns, the ten standards under 十条标准, 达标条数 computed, two 认定 rules", () => {
    expect(template.name).toBe("党建示范村创建评估表");
    expect(template.columns.map((c) => c.key)).toEqual([
      "seq", "villageCode", "villageName", "candidate", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "metCount", "model", "remarks",
    ]);
    expect(template.columns.filter((c) => c.group === "十条标准").map((c) => c.header)).toEqual(STANDARDS);
    expect(template.columns.find((c) => c.key === "s1")!.synonyms).toContain("村党支部领导核心作用突出");
    expect(template.columns.find((c) => c.key === "s10")!.synonyms).toContain("生态宜居村风文明");
    expect(template.columns.find((c) => c.key === "metCount")!.compute!.expr).toBe('count([s1, s2, s3, s4, s5, s6, s7, s8, s9, s10], "达标")');
    expect(template.rules.map((r) => r.id)).toEqual(["model-only-candidate", "model-meets-standards"]);
    expect(template.parameters).toEqual({ standardsRequired: 10, modelShareGoal: 0.1 });
    expect(template.totals.missing).toBe("ignore");
    expect(template.summary!.jsonKeys).toBe("header");
  });

  test("every file in tests/fixtures/model-village is checked here", () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(
      ["exceljs.xlsx", "exceljs-errors.xlsx", "libreoffice.xlsx", "libreoffice-errors.xlsx", "openpyxl.xlsx", "openpyxl-errors.xlsx", "白云乡.xlsx"].sort(),
    );
  });
});

describe("xiaobo template --template model-village", () => {
  let blank: ExcelJS.Worksheet;
  beforeAll(async () => {
    const out = join(mkdtempSync(join(tmpdir(), "xiaobo-mv-")), "东湖镇.xlsx");
    const r = await xiaobo(["template", "--template", "model-village", "--township", "东湖镇", "--year", "2026", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("18");
    blank = await sheetOf(out);
  });

  test("title, 填报单位, the two-level header with 十条标准 over 标准一…标准十, the villages, the footer, no 合计 and no 单位", () => {
    expect(blank.name).toBe(SHEET);
    expect(blank.getCell("A1").value).toBe("东湖镇党建示范村创建评估表（2026年度）");
    expect(blank.getCell("A2").value).toBe("填报单位：东湖镇（盖章）");
    const row = (r: number) => Array.from({ length: 17 }, (_, c) => blank.getCell(r, c + 1).value);
    expect(row(3)).toEqual(["序号", "村（社区）代码", "村（社区）名称", "是否申报示范村", ...Array(10).fill("十条标准"), "达标条数", "是否认定示范村", "备注"]);
    expect(row(4)).toEqual(["序号", "村（社区）代码", "村（社区）名称", "是否申报示范村", ...STANDARDS, "达标条数", "是否认定示范村", "备注"]);
    expect(blank.getCell("E3").isMerged && blank.getCell("N3").isMerged && !blank.getCell("O3").master.address.startsWith("E")).toBe(true);
    expect(blank.getCell("N3").master.address).toBe("E3");
    expect(row(5).slice(0, 4)).toEqual([1, "339901101201", "黄埠村", null]);
    expect(row(22).slice(0, 4)).toEqual([18, "339901101218", "清田村", null]);
    expect(row(23).every((v) => v === null)).toBe(true);
    expect(blank.getCell("A24").value).toMatch(/^填表人：/);
    const texts: unknown[] = [];
    blank.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
    expect(texts.filter((v) => typeof v === "string" && (v === "合计" || v.startsWith("单位：")))).toEqual([]);
  });

  test("drop-downs: 是/否 for 是否申报示范村 and 是否认定示范村, 达标/未达标 for each standard", () => {
    for (const r of [5, 22]) {
      expect(blank.getCell(`D${r}`).dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
      expect(blank.getCell(`P${r}`).dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
      for (const c of "EFGHIJKLMN") expect(blank.getCell(`${c}${r}`).dataValidation).toMatchObject({ type: "list", formulae: ['"达标,未达标"'] });
    }
    expect(blank.getCell("O5").dataValidation).toBeUndefined();
  });

  test("every producer's file is this blank template filled in: same title, header and prefilled villages", async () => {
    for (const producer of PRODUCERS) {
      const ws = await sheetOf(join(FIXTURES, `${producer}.xlsx`));
      expect(ws.name).toBe(SHEET);
      // The clerk fills in 填报日期 (F2); everything else above the entries is the template's. (LibreOffice keeps text
      // that mixes Chinese and digits as rich text runs: compared as the text shown.)
      expect(ws.getCell("F2").text).toBe("填报日期：2026年12月20日");
      for (let r = 1; r <= 22; r++) {
        const cols = r === 2 ? 1 : r <= 4 ? 17 : 3;
        for (let c = 1; c <= cols; c++) {
          const [a, b] = [ws.getCell(r, c).master, blank.getCell(r, c).master];
          expect([producer, r, c, a.address, a.text]).toEqual([producer, r, c, b.address, b.text]);
        }
      }
      expect((ws.getCell("E5").dataValidation.formulae ?? [])[0]).toBe('"达标,未达标"');
      expect((ws.getCell("P22").dataValidation.formulae ?? [])[0]).toBe('"是,否"');
    }
  });
});

describe("the other producers really wrote their files", () => {
  const book = (f: string) => XLSX.read(readFileSync(join(FIXTURES, f)), { bookProps: true, bookFiles: true } as XLSX.ParsingOptions) as XLSX.WorkBook & { files?: Record<string, unknown>; keys?: string[] };

  test("LibreOffice", () => {
    for (const f of ["libreoffice.xlsx", "libreoffice-errors.xlsx"]) expect(book(f).Props?.Application).toMatch(/^LibreOffice/);
  });

  test("openpyxl: inline strings, no shared-strings part (ExcelJS writes one)", () => {
    const raw = (f: string) => readFileSync(join(FIXTURES, f)).toString("latin1");
    expect(raw("exceljs.xlsx")).toContain("xl/sharedStrings.xml");
    for (const f of ["openpyxl.xlsx", "openpyxl-errors.xlsx"]) {
      expect(raw(f)).not.toContain("xl/sharedStrings.xml");
      expect(book(f).Props?.Application).not.toMatch(/^LibreOffice/);
    }
  });
});

describe.each(PRODUCERS)("%s", (producer) => {
  const clean = `${producer}.xlsx`;
  const errors = `${producer}-errors.xlsx`;

  describe("validation against the demo county's registry", () => {
    test("the clean file (东湖镇): no problem at all; 达标条数 left blank is computed", async () => {
      const r = await report(clean);
      expect(found(r)).toEqual([]);
      expect(r.status).toBe("ok");
      expect(r.township).toEqual({ code: "339901101", name: "东湖镇" });
      expect(r.rows).toHaveLength(18);
      // Filled 10, blank, 9, blank, 6, 0, then blank: computed as 10, 10, 9, 8, 6, 0, 0, …
      expect(r.rows.toArray().map((x) => x.values.metCount)).toEqual([10, 10, 9, 8, 6, ...Array(13).fill(0)]);
      expect(r.rows.toArray().map((x) => x.values.candidate)).toEqual([true, true, true, true, true, ...Array(13).fill(false)]);
      expect(r.rows.at(4).values).toMatchObject({ s3: "未达标", s6: "未达标", s8: "未达标", s9: "未达标", s10: "达标", model: false });
      expect(r.rows.at(7).values.model).toBeNull();
      expect(r.rows.at(0).values.villageCode).toBe("339901101201");
    });

    test("白云乡: no problem at all", async () => {
      const r = await report("白云乡.xlsx");
      expect(found(r)).toEqual([]);
      expect(r.township?.name).toBe("白云乡");
      expect(r.rows.toArray().map((x) => x.values.metCount)).toEqual([9, 7, 0, 0, 0, 0, 0, 0]);
    });

    test("the errors file (南溪镇): exactly the five planted errors, each with its code at its cell", async () => {
      const r = await report(errors);
      expect(r.township?.name).toBe("南溪镇");
      expect(r.status).toBe("errors");
      expect(found(r)).toEqual(PLANTED.map(([at]) => at));
      expect(r.issues.map((i) => i.message)).toEqual(PLANTED.map(([, message]) => message));
      expect(r.issues.map((i) => i.villageCode)).toEqual(["339901103203", "339901103204", undefined, "339901103206", undefined]);
      expect(r.rows.toArray().filter((x) => x.hasErrors).map((x) => x.row)).toEqual([7, 8, 9, 10, 11]);
      expect(r.rows).toHaveLength(15);
    });
  });

  describe("merge, errors not allowed: 东湖镇 and 白云乡 merged, 南溪镇 failed, the rest 未报送", () => {
    let s: CountySummary;
    beforeAll(async () => {
      s = mergeSubmissions([await report(clean), await report(errors), await report("白云乡.xlsx")], { registry, template, locale: "zh-CN" });
    });

    test("township figures, rank and goal", () => {
      const tw = (name: string) => s.townships.find((t) => t.name === name)!;
      expect(tw("东湖镇")).toMatchObject({ status: "merged", villages: 18, reported: 18, candidates: 5, models: 2, modelGoal: 1, rank: 1 });
      expect(tw("东湖镇").modelShare).toBeCloseTo(2 / 18, 12);
      expect(tw("东湖镇").meanMet).toBeCloseTo(8.6, 12);
      expect(tw("白云乡")).toMatchObject({ status: "merged", villages: 8, reported: 8, candidates: 2, models: 0, modelShare: 0, modelGoal: 0, meanMet: 8, rank: 2 });
      expect(tw("南溪镇")).toMatchObject({ status: "failed", failure: "errors", errorCount: 5, villages: 15, reported: 0, rejectedRows: 15 });
      expect([tw("南溪镇").candidates, tw("南溪镇").models, tw("南溪镇").modelShare, tw("南溪镇").modelGoal, tw("南溪镇").meanMet, tw("南溪镇").rank]).toEqual([null, null, null, null, null, null]);
      expect(tw("凤鸣乡")).toMatchObject({ status: "missing", villages: 10, candidates: null, rank: null });
    });

    test("county: registry villages, what was merged; share and mean from the county's own parts", () => {
      expect(s.county).toMatchObject({ villages: 188, reported: 26, candidates: 7, models: 2, modelGoal: 0 });
      expect(s.county.modelShare).toBeCloseTo(2 / 188, 12);
      expect(s.county.meanMet).toBeCloseTo(59 / 7, 12);
    });

    test("conservation: 41 input rows, 26 merged and 15 rejected; reconcile finds nothing", () => {
      expect(s.detail).toHaveLength(26);
      expect(s.rejected).toHaveLength(15);
      expect(s.rejected.every((x) => x.file === errors && x.reason === "文件未通过审核（5 个错误），整份文件未汇总")).toBe(true);
      expect(s.files.map((f) => [f.file, f.rows, f.mergedRows, f.rejectedRows])).toEqual([[clean, 18, 18, 0], [errors, 15, 0, 15], ["白云乡.xlsx", 8, 8, 0]]);
      expect(reconcile(s)).toEqual([]);
    });

    test("summaryToJson: keyed by the workbook's headers, the goal as true/false, null where not merged", () => {
      const json = summaryToJson(s);
      expect(json.template).toBe("model-village");
      const byName = new Map(json.townships.map((t) => [t.township, t]));
      expect(byName.get("东湖镇")).toMatchObject({ 村数: 18, 已报村数: 18, 申报村数: 5, 认定示范村数: 2, 示范村比例目标: true, rank: 1, status: "merged" });
      expect(byName.get("东湖镇")!["示范村占比"]).toBeCloseTo(2 / 18, 12);
      expect(byName.get("东湖镇")!["申报村平均达标条数"]).toBeCloseTo(8.6, 12);
      expect(byName.get("白云乡")).toMatchObject({ 村数: 8, 申报村数: 2, 认定示范村数: 0, 示范村占比: 0, 示范村比例目标: false, 申报村平均达标条数: 8, rank: 2 });
      expect(byName.get("南溪镇")).toMatchObject({ status: "failed", 村数: 15, 已报村数: 0, 申报村数: null, 认定示范村数: null, 示范村占比: null, 示范村比例目标: null, 申报村平均达标条数: null, rank: null });
      expect(json.county).toMatchObject({ 村数: 188, 已报村数: 26, 申报村数: 7, 认定示范村数: 2, 示范村比例目标: false });
      // Additive figures: the county is the sum of the townships.
      for (const h of ["村数", "已报村数", "申报村数", "认定示范村数"]) {
        expect([h, json.townships.reduce((n, t) => n + ((t[h] as number | null) ?? 0), 0)]).toEqual([h, json.county[h]]);
      }
      expect(json.rejected).toHaveLength(15);
      expect(Object.keys(json.townships[0])).not.toContain("candidates");
    });
  });

  describe("merge with errors allowed, written as the county workbook and read back", () => {
    let s: CountySummary;
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      s = mergeSubmissions([await report(clean), await report(errors), await report("白云乡.xlsx")], { registry, template, allowErrors: true, locale: "zh-CN" });
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await writeSummaryWorkbook(summaryTables(s, { county: "示例县", year: 2026 }), s.locale)) as unknown as ArrayBuffer);
    });
    const values = (ws: ExcelJS.Worksheet, r: number, n: number) => Array.from({ length: n }, (_, c) => ws.getCell(r, c + 1).value);

    test("conservation: 南溪镇's five rows with errors rejected with their messages, the other 36 merged; reconcile finds nothing", () => {
      expect(s.detail).toHaveLength(36);
      expect(s.rejected.map((x) => [x.file, x.row, x.villageCode])).toEqual([
        [errors, 7, "339901103203"], [errors, 8, "339901103204"], [errors, 9, "339901103205"], [errors, 10, "339901103206"], [errors, 11, "339901103207"],
      ]);
      s.rejected.forEach((x, k) => expect(x.reason).toContain(PLANTED[k][1].replace(/^[^：]+：/, "")));
      const rowsIn = [18, 15, 8].reduce((a, b) => a + b, 0);
      expect(s.detail.length + s.rejected.length).toBe(rowsIn);
      expect(new Set([...s.detail.toArray().map((d) => `${d.source.file}#${d.source.row}`), ...s.rejected.map((x) => `${x.file}#${x.row}`)]).size).toBe(rowsIn);
      expect(reconcile(s)).toEqual([]);
    });

    test("the sheets: 乡镇汇总, 村级明细, the standards breakdown, the list, then 报送情况, 审核问题, 未汇总行", () => {
      expect(wb.worksheets.map((w) => w.name)).toEqual(["乡镇汇总", "村级明细", "十条标准达标情况", "差一两条的申报村", "报送情况", "审核问题", "未汇总行"]);
    });

    test("乡镇汇总, cell by cell: headers, 东湖镇, 南溪镇 (partial), 白云乡, a missing township, 全县合计", () => {
      const ws = wb.getWorksheet("乡镇汇总")!;
      expect(ws.getCell("A1").value).toBe("示例县2026年度党建示范村创建评估汇总表");
      expect(ws.getCell("A2").value).toBe("示范村占比 = 认定示范村数 ÷ 村数；县定目标：各镇示范村比例达到10%以上；平均达标条数只计申报村；排名为中国式排名");
      expect(values(ws, 3, 12)).toEqual(["序号", "乡镇", "报送状态", "村数", "已报村数", "申报村数", "认定示范村数", "示范村占比", "示范村比例目标", "申报村平均达标条数", "示范村占比排名", "说明"]);
      const dong = values(ws, 4, 12);
      expect(dong).toEqual([1, "东湖镇", "已汇总", 18, 18, 5, 2, expect.any(Number), "达到", expect.any(Number), 1, null]);
      expect(dong[7]).toBeCloseTo(2 / 18, 12);
      expect(dong[9]).toBeCloseTo(8.6, 12);
      expect(ws.getCell("H4").numFmt).toBe("0.0%");
      expect(values(ws, 5, 12)).toEqual([2, "西山镇", "未报送", 22, 0, null, null, null, null, null, null, "未汇总，各项留空（不计入全县合计）"]);
      const nan = values(ws, 6, 12);
      expect(nan.slice(0, 7)).toEqual([3, "南溪镇", "部分汇总（退回 5 行）", 15, 10, 3, 2]);
      expect(nan[7]).toBeCloseTo(2 / 15, 12);
      expect(nan[8]).toBe("达到");
      expect(nan[9]).toBeCloseTo(29 / 3, 12);
      expect(nan[10]).toBeNull();
      expect(nan[11]).toBe("文件有 5 个错误、退回 5 行，仅汇总了 10/15 个村；各项只计已汇总的村，示范村占比不可与其他乡镇比较，未参与排名");
      expect(values(ws, 14, 12)).toEqual([11, "白云乡", "已汇总", 8, 8, 2, 0, 0, "未达到", 8, 2, null]);
      expect(values(ws, 15, 3)).toEqual([12, "凤鸣乡", "未报送"]);
      const county = values(ws, 16, 12);
      expect(county.slice(0, 7)).toEqual([null, "全县合计", null, 188, 36, 10, 4]);
      expect(county[7]).toBeCloseTo(4 / 188, 12);
      expect(county[8]).toBe("未达到");
      expect(county[9]).toBeCloseTo(8.8, 12);
      expect(county.slice(10)).toEqual([null, "只计已汇总的村；村数为全县"]);
    });

    test("村级明细: 36 villages in registry order with their standards, 达标条数 (computed where blank) and 认定", () => {
      const ws = wb.getWorksheet("村级明细")!;
      expect(ws.getCell("A1").value).toBe("示例县党建示范村创建评估明细表");
      expect(values(ws, 3, 20)).toEqual(["序号", "乡镇", "村（社区）代码", "村（社区）名称", "是否申报示范村", ...STANDARDS, "达标条数", "是否认定示范村", "备注", "来源文件", "来源行"]);
      expect(values(ws, 5, 20)).toEqual([2, "东湖镇", "339901101202", "后口村", "是", ...ALL_MET, 10, "是", null, clean, 6]);
      expect(values(ws, 6, 20)).toEqual([3, "东湖镇", "339901101203", "石源村", "是", ...standards("1111111011"), 9, "否", "党群服务中心正在改扩建", clean, 7]);
      expect(values(ws, 11, 20)).toEqual([8, "东湖镇", "339901101208", expect.any(String), "否", ...Array(10).fill(null), 0, null, null, clean, 12]);
      // 南溪镇's merged rows: 村 1, 2, then 村 8 (rows 7–11 rejected).
      expect(values(ws, 24, 5)).toEqual([21, "南溪镇", "339901103208", "上塘村", "是"]);
      expect(ws.getCell(24, 16).value).toBe(9);
      expect(values(ws, 32, 4)).toEqual([29, "白云乡", "339901202201", "黄岭村"]);
      expect(values(ws, 39, 1)).toEqual([36]);
      expect(ws.getCell(40, 1).value).toBeNull();
    });

    test("十条标准达标情况: among the 10 candidates merged, 标准八 lags (7 of 10)", () => {
      const ws = wb.getWorksheet("十条标准达标情况")!;
      expect(ws.getCell("A1").value).toBe("示例县2026年度申报村十条标准达标情况");
      expect(values(ws, 2, 5)).toEqual(["序号", "标准", "申报村数", "达标村数", "达标率"]);
      // 东湖镇 5 + 南溪镇 3 + 白云乡 2 candidates; 达标 counted by hand from the fixture rows.
      const met = [9, 9, 8, 8, 10, 9, 10, 7, 9, 9];
      STANDARDS.forEach((name, k) => expect(values(ws, 3 + k, 5)).toEqual([k + 1, name, 10, met[k], met[k] / 10]));
      expect(ws.getCell("E10").value).toBe(0.7);
      expect(ws.getCell("E10").numFmt).toBe("0.0%");
      expect(ws.getCell(13, 1).value).toBeNull();
    });

    test("差一两条的申报村: candidates with 8 or 9 standards met, in registry order, with the standards", () => {
      const ws = wb.getWorksheet("差一两条的申报村")!;
      expect(ws.getCell("A1").value).toBe("示例县2026年度差一两条标准的申报村");
      expect(ws.getCell("A2").value).toBe("共 4 个");
      expect(values(ws, 3, 16)).toEqual(["序号", "乡镇", "村（社区）代码", "村（社区）名称", "达标条数", ...STANDARDS, "备注"]);
      expect(values(ws, 4, 16)).toEqual([1, "东湖镇", "339901101203", "石源村", 9, ...standards("1111111011"), "党群服务中心正在改扩建"]);
      expect(values(ws, 5, 16)).toEqual([2, "东湖镇", "339901101204", "下洋村", 8, ...standards("1101111011"), null]);
      expect(values(ws, 6, 16)).toEqual([3, "南溪镇", "339901103208", "上塘村", 9, ...standards("1110111111"), null]);
      expect(values(ws, 7, 16)).toEqual([4, "白云乡", "339901202201", "黄岭村", 9, ...standards("1111111110"), null]);
      expect(ws.getCell(8, 1).value).toBeNull();
    });

    test("审核问题 and 未汇总行 list the planted errors and the rejected rows", () => {
      const issues = wb.getWorksheet("审核问题")!;
      const atCells: unknown[] = [];
      for (let r = 3; r <= issues.rowCount; r++) if (issues.getCell(r, 2).value === errors) atCells.push([issues.getCell(r, 4).value, issues.getCell(r, 8).value]);
      expect(atCells).toEqual([["P7", "rule"], ["O8", "computed-mismatch"], ["K9", "required"], ["P10", "rule"], ["F11", "enum"]]);
      const rejected = wb.getWorksheet("未汇总行")!;
      expect([7, 8, 9, 10, 11].map((row, k) => values(rejected, 3 + k, 6))).toEqual(
        [7, 8, 9, 10, 11].map((row, k) => [k + 1, errors, SHEET, row, `3399011032${String(row - 4).padStart(2, "0")}`, "南溪镇"]),
      );
    });

    test("summaryToJson: the partial township's figures count its merged rows; the goal as true/false", () => {
      const json = summaryToJson(s);
      const nan = json.townships.find((t) => t.township === "南溪镇")!;
      expect(nan).toMatchObject({ status: "partial", 村数: 15, 已报村数: 10, 申报村数: 3, 认定示范村数: 2, 示范村比例目标: true, rank: null, rejectedRows: 5 });
      expect(nan["示范村占比"]).toBeCloseTo(2 / 15, 12);
      expect(json.county).toMatchObject({ 村数: 188, 已报村数: 36, 申报村数: 10, 认定示范村数: 4, 示范村比例目标: false });
      expect(json.county["申报村平均达标条数"]).toBeCloseTo(8.8, 12);
      for (const h of ["村数", "已报村数", "申报村数", "认定示范村数"]) {
        expect([h, json.townships.reduce((n, t) => n + ((t[h] as number | null) ?? 0), 0)]).toEqual([h, json.county[h]]);
      }
    });
  });
});
