/**
 * The `xiaobo` command as a user runs it: a real process (node bin/xiaobo.js), real files (the demo county's
 * submissions in samples/), exit codes, human and JSON output, the written workbooks.
 */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, existsSync, writeFileSync, copyFileSync, mkdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readBook } from "../../addin/io";
import type { TownshipJson } from "../../addin/merge";
import { builtinTemplate, parseRegistry } from "../../addin/templates";
import { validateBook } from "../../addin/validate";

const ROOT = join(__dirname, "..", "..");
const SAMPLES = join(ROOT, "samples", "submissions");

function xiaobo(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "xiaobo.js"), ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), "xiaobo-cli-"));

describe("xiaobo validate", () => {
  test("--json over the demo folder: one entry per file, the failing township has errors, exit 1", async () => {
    const r = await xiaobo(["validate", SAMPLES, "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { files: { file: string; township: string | null; status: string; issues: { code: string; cell?: string; message: string }[] }[] };
    const byFile = new Map(out.files.map((f) => [f.file, f]));
    expect([...byFile.keys()].sort()).toEqual(
      ["东湖镇.xlsx", "北岭乡.xls", "南溪镇.xlsx", "桃源镇.xlsx", "清水镇.xlsx", "白云乡.csv", "石桥镇.xlsx", "西山镇.xlsx", "金沙镇.xlsx", "青石镇.xlsx", "龙泉镇.xlsx"].sort(),
    );
    const failing = byFile.get("石桥镇.xlsx")!;
    expect(failing.status).toBe("errors");
    expect(failing.township).toBe("石桥镇");
    const codes = new Set(failing.issues.map((i) => i.code));
    for (const c of ["rule", "missing-village", "code-format"]) expect(codes).toContain(c);
    // The old-Excel .xls and the GBK CSV are read like any other file.
    expect(byFile.get("北岭乡.xls")!.issues.filter((i) => i.code !== "text-number")).toEqual([]);
    expect(byFile.get("白云乡.csv")!.status).not.toBe("errors");
    expect(byFile.get("白云乡.csv")!.township).toBe("白云乡");
    for (const f of out.files.filter((x) => x.file !== "石桥镇.xlsx")) expect(f.status === "errors" || f.status === "unreadable").toBe(false);
  });

  test("human output names each file, its township, and every problem with its cell, in Chinese", async () => {
    const r = await xiaobo(["validate", join(SAMPLES, "石桥镇.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("【石桥镇.xlsx】乡镇：石桥镇");
    expect(r.stdout).toMatch(/村级集体经济!F\d+/);
    expect(r.stdout).toContain("共 1 个文件");
  });

  test("a clean file exits 0; an unreadable one is reported, not fatal, and exits 1", async () => {
    const dir = tmp();
    copyFileSync(join(SAMPLES, "东湖镇.xlsx"), join(dir, "东湖镇.xlsx"));
    expect((await xiaobo(["validate", join(dir, "东湖镇.xlsx")])).code).toBe(0);
    writeFileSync(join(dir, "坏文件.xlsx"), "这不是表格");
    const r = await xiaobo(["validate", dir, "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { status: string }) => f.status).sort()).toEqual(["ok", "unreadable"]);
  });

  test("--annotate writes a marked copy with the problem cells filled and noted", async () => {
    const dir = tmp();
    await xiaobo(["validate", join(SAMPLES, "石桥镇.xlsx"), "--annotate", dir]);
    const path = join(dir, "石桥镇_审核标注.xlsx");
    expect(existsSync(path)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets.find((w) => w.name === "村级集体经济")!;
    const marked: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.note) marked.push(cell.address);
    }));
    expect(marked.length).toBeGreaterThan(0);
    const first = ws.getCell(marked[0]);
    expect((first.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFFFC7CE|FFFFEB9C/);
  });

  test("usage errors exit 2 with a Chinese message", async () => {
    expect((await xiaobo(["validate"])).code).toBe(2);
    expect((await xiaobo(["validate", SAMPLES, "--no-such-option"])).code).toBe(2);
    const r = await xiaobo(["validate", join(tmp(), "nothing-here")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到");
  });

  test("a registry with a village twice is refused before any file is checked, in ascending order or not", async () => {
    const dir = tmp();
    const lines = readFileSync(join(ROOT, "samples/demo-county/registry.csv"), "utf8").trim().split(/\r?\n/);
    const [header, ...villages] = lines;
    for (const rows of [[...villages, villages[1]], [villages[1], ...villages]]) {
      const registry = join(dir, "村名册.csv");
      writeFileSync(registry, [header, ...rows].join("\n") + "\n");
      const r = await xiaobo(["validate", join(SAMPLES, "东湖镇.xlsx"), "--registry", registry, "--json"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`村代码 ${villages[1].split(",")[2]} 重复`);
    }
  });
});


/** The 报送状态 words for a JSON status (the failed ones say why). */
function statusMatcher(tw: TownshipJson): string | RegExp {
  switch (tw.status) {
    case "merged":
      return "已汇总";
    case "partial":
      return tw.rejectedRows ? `部分汇总（退回 ${tw.rejectedRows} 行）` : "部分汇总";
    case "missing":
      return "未报送";
    case "failed":
      return new RegExp(`^未通过审核（(${tw.errorCount} 个错误|重复报送|文件无法读取)）$`);
  }
}

/**
 * Reads 乡镇汇总 of the written workbook and holds every township row, cell by cell, and the 全县合计 row to the JSON
 * of the same run: a null in JSON is a blank cell, a number is the same number (not rounded, not a 0 stand-in).
 */
async function expectJsonMatchesWorkbook(json: { townships: TownshipJson[]; county: Record<string, number | null> }, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("乡镇汇总")!;
  const header = (ws.getRow(3).values as unknown[]).slice(1) as string[];
  const at = (row: number, name: string) => {
    const k = header.findIndex((h) => h === name || (name === "≥" && h.startsWith("经营性收入≥")));
    expect(k).toBeGreaterThanOrEqual(0);
    const v = ws.getCell(row, k + 1).value;
    return v === undefined ? null : v;
  };
  const numeric = {
    村数: "villages", 已报村数: "reported", 薄弱村基数: "weakBaseline", 已消除数: "eliminated", 消除率: "eliminationRate",
    年度任务数: "target", 任务完成率: "taskCompletionRate", 总收入合计: "totalIncome", 经营性收入合计: "operatingIncome",
    村均经营性收入: "averageOperatingIncome", "≥": "atThreshold", 占比: "atThresholdShare",
  } as const;
  json.townships.forEach((tw, i) => {
    const row = 4 + i;
    expect([row, at(row, "乡镇")]).toEqual([row, tw.township]);
    const status = at(row, "报送状态");
    const want = statusMatcher(tw);
    if (typeof want === "string") expect(status).toBe(want);
    else expect(status).toMatch(want);
    for (const [name, key] of Object.entries(numeric)) expect([tw.township, name, at(row, name)]).toEqual([tw.township, name, tw[key]]);
    expect([tw.township, at(row, "消除率排名")]).toEqual([tw.township, tw.rank]);
    expect([tw.township, at(row, "红黄旗")]).toEqual([tw.township, tw.flag === "red" ? "红旗" : tw.flag === "yellow" ? "黄旗" : null]);
  });
  const total = 4 + json.townships.length;
  expect(at(total, "乡镇")).toBe("全县合计");
  for (const [name, key] of Object.entries(numeric)) expect(["全县合计", name, at(total, name)]).toEqual(["全县合计", name, json.county[key]]);
  expect(ws.getCell(total + 1, 2).value ?? null).toBeNull(); // nothing after the 全县合计 row
}

describe("xiaobo merge", () => {
  test("--json agrees with the workbook it writes, cell by cell, and the county reconciles", async () => {
    const dir = tmp();
    const out = join(dir, "县汇总.xlsx");
    const r = await xiaobo(["merge", SAMPLES, "--out", out, "--json"]);
    expect(r.code).toBe(1); // 石桥镇 failed and 凤鸣乡 is missing: written, but not complete
    const json = JSON.parse(r.stdout);
    const statuses = Object.fromEntries(json.townships.map((t: { township: string; status: string }) => [t.township, t.status]));
    expect(statuses["石桥镇"]).toBe("failed");
    expect(statuses["凤鸣乡"]).toBe("missing");
    expect(Object.values(statuses).filter((s) => s === "merged")).toHaveLength(10);
    // Failed and missing: blank, not 0.
    for (const name of ["石桥镇", "凤鸣乡"]) {
      const tw = json.townships.find((t: TownshipJson) => t.township === name);
      expect([tw.eliminated, tw.totalIncome, tw.operatingIncome, tw.atThreshold, tw.eliminationRate, tw.rank]).toEqual([null, null, null, null, null, null]);
    }
    const cents = (x: number | null) => Math.round((x ?? 0) * 100);
    const sum = json.townships.reduce((s: number, t: TownshipJson) => s + cents(t.operatingIncome), 0);
    expect(cents(json.county.operatingIncome)).toBe(sum);
    await expectJsonMatchesWorkbook(json, out);
  });

  test("merged, partial, failed (duplicate) and missing in one run: the JSON matches 乡镇汇总 cell by cell", async () => {
    const dir = tmp();
    const input = join(dir, "报表");
    mkdirSync(input);
    for (const f of ["东湖镇.xlsx", "西山镇.xlsx", "石桥镇.xlsx", "北岭乡.xls", "白云乡.csv", "青石镇.xlsx"]) copyFileSync(join(SAMPLES, f), join(input, f));
    copyFileSync(join(SAMPLES, "东湖镇.xlsx"), join(input, "东湖镇（修改版）.xlsx"));
    const out = join(dir, "县汇总.xlsx");
    const r = await xiaobo(["merge", input, "--out", out, "--json", "--allow-errors"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const status = (name: string) => json.townships.find((t: TownshipJson) => t.township === name).status;
    expect(["西山镇", "石桥镇", "东湖镇", "凤鸣乡"].map(status)).toEqual(["merged", "partial", "failed", "missing"]);
    await expectJsonMatchesWorkbook(json, out);
  });

  test("--allow-errors: the failing file's valid rows are merged and its township is 部分汇总, unranked; its rows add up", async () => {
    const dir = tmp();
    const out = join(dir, "x.xlsx");
    const r = await xiaobo(["merge", SAMPLES, "--out", out, "--json", "--allow-errors"]);
    expect(r.code).toBe(1); // not complete: 石桥镇 partial, 凤鸣乡 missing
    const json = JSON.parse(r.stdout);
    const shiqiao: TownshipJson = json.townships.find((t: TownshipJson) => t.township === "石桥镇");
    // 19 registry villages; the file leaves one out (漏报) and has two rows with errors (B6 code shown as
    // 3.39901E+11, F8 经营性收入 > 总收入): 16 merged, 2 rejected.
    expect(shiqiao).toMatchObject({ status: "partial", villages: 19, reported: 16, rejectedRows: 2, rank: null, flag: null });
    expect(shiqiao.eliminationRate).toBe((shiqiao.eliminated as number) / shiqiao.weakBaseline);
    const rejected = json.rejected.filter((x: { file: string }) => x.file === "石桥镇.xlsx");
    expect(rejected.map((x: { row: number }) => x.row)).toEqual([6, 8]);
    expect(rejected.every((x: { reason: string }) => x.reason.startsWith("该行有错误："))).toBe(true);
    // The file's rows in 报送情况 = merged + rejected.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sub = wb.getWorksheet("报送情况")!;
    let fileRow: unknown[] | undefined;
    sub.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[3] === "石桥镇.xlsx") fileRow = v;
    });
    expect(fileRow!.slice(4, 9)).toEqual(["有错误，仅汇总无错误的行", shiqiao.errorCount, 0, 18, 16]);
    // Every other township with a rate is ranked; 石桥镇 is not, and says why.
    expect(json.townships.filter((t: TownshipJson) => t.status === "merged").every((t: TownshipJson) => t.rank !== null)).toBe(true);
    const ws = wb.getWorksheet("乡镇汇总")!;
    const row = 4 + json.townships.indexOf(json.townships.find((t: TownshipJson) => t.township === "石桥镇"));
    expect(String(ws.getCell(row, 18).value)).toContain("未参与排名和红黄旗");
    // The human table says the same, and points to the 未汇总行 sheet for the reasons.
    const human = await xiaobo(["merge", SAMPLES, "--out", out, "--allow-errors"]);
    expect(human.stdout).toMatch(/石桥镇\s+部分汇总（退回 2 行）/);
    expect(human.stdout).toContain("“未汇总行”");
  });
});

/** Another county (not the demo): its registry, and township files made with `xiaobo template` and filled in. */
const OTHER_REGISTRY = [
  "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数",
  "330999101,青山镇,330999101201,青山一村,是",
  "330999101,青山镇,330999101202,青山二村,否",
  "330999101,青山镇,330999101203,青山三村,是",
  // Names a spreadsheet would run as formulas if they were written as such.
  "330999102,=1+1镇,330999102201,+2村,是",
  "330999102,=1+1镇,330999102202,-3村,否",
  "330999102,=1+1镇,330999102203,@SUM(A1)村,是",
].join("\n");
const HYPERLINK = '=HYPERLINK("http://example.com","点我")';

/** Writes the other county's registry and one filled-in template per township (made by the CLI) into a temp dir. */
async function otherCounty(): Promise<{ dir: string; registry: string; files: string }> {
  const dir = tmp();
  const registry = join(dir, "村名册.csv");
  writeFileSync(registry, OTHER_REGISTRY);
  const files = join(dir, "报表");
  mkdirSync(files);
  for (const [township, file] of [["青山镇", "青山镇.xlsx"], ["330999102", "二镇.xlsx"]]) {
    const blank = join(dir, `blank-${file}`);
    const r = await xiaobo(["template", "--registry", registry, "--township", township, "--year", "2026", "--out", blank]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const ws = wb.getWorksheet("村级集体经济")!;
    for (let row = 5; row < 8; row++) {
      ws.getCell(row, 5).value = 40;
      ws.getCell(row, 6).value = 20;
      ws.getCell(row, 7).value = 10;
      if (ws.getCell(row, 4).value === "是") {
        ws.getCell(row, 8).value = "是";
        ws.getCell(row, 9).value = 2025;
      }
    }
    ws.getCell(5, 11).value = HYPERLINK; // 备注 as a clerk might type it
    for (const [c, v] of [[5, 120], [6, 60], [7, 30]] as const) ws.getCell(8, c).value = { formula: ws.getCell(8, c).formula!, result: v };
    await wb.xlsx.writeFile(join(files, file));
  }
  return { dir, registry, files };
}

describe("xiaobo merge with another county's registry", () => {
  test("--registry without --targets: no demo targets, so 年度任务数 and 任务完成率 are blank (null in JSON), exit 0", async () => {
    const { dir, registry, files } = await otherCounty();
    const out = join(dir, "县汇总.xlsx");
    const r = await xiaobo(["merge", files, "--registry", registry, "--out", out, "--json"]);
    expect(r.stderr).not.toContain("错误：");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.townships.map((t: { township: string; status: string }) => [t.township, t.status])).toEqual([["青山镇", "merged"], ["=1+1镇", "merged"]]);
    for (const tw of json.townships) expect([tw.target, tw.taskCompletionRate]).toEqual([null, null]);
    expect([json.county.target, json.county.taskCompletionRate]).toEqual([null, null]);
    expect(json.county).toMatchObject({ villages: 6, reported: 6, weakBaseline: 4, eliminated: 4, eliminationRate: 1, totalIncome: 240 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("乡镇汇总")!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    for (const row of [4, 5, 6]) {
      expect(ws.getCell(row, col("年度任务数")).value ?? null).toBeNull();
      expect(ws.getCell(row, col("任务完成率")).value ?? null).toBeNull();
    }
    expect(ws.getCell(6, 2).value).toBe("全县合计");

    // With --targets the county's own targets are used.
    const targets = join(dir, "任务数.csv");
    writeFileSync(targets, "乡镇代码,年度消薄任务数\n330999101,2\n330999102,4\n");
    const withTargets = JSON.parse((await xiaobo(["merge", files, "--registry", registry, "--targets", targets, "--out", out, "--json"])).stdout);
    expect(withTargets.townships.map((t: { target: number; taskCompletionRate: number }) => [t.target, t.taskCompletionRate])).toEqual([[2, 1], [4, 0.5]]);
    expect(withTargets.county).toMatchObject({ target: 6, taskCompletionRate: 4 / 6 });
  });

  test("names beginning with = + - @ in the streamed workbook stay text: no cell holds a formula", async () => {
    const { dir, registry, files } = await otherCounty();
    const out = join(dir, "县汇总.xlsx");
    const r = await xiaobo(["merge", files, "--registry", registry, "--out", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const strings = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string") strings.add(cell.value);
        }),
      );
    }
    expect(wb.getWorksheet("乡镇汇总")!.getCell("B5").value).toBe("=1+1镇");
    const detail = wb.getWorksheet("村级明细")!;
    const names = [4, 5, 6, 7, 8, 9].map((row) => detail.getCell(row, 4).value);
    expect(names).toEqual(["青山一村", "青山二村", "青山三村", "+2村", "-3村", "@SUM(A1)村"]);
    expect(detail.getCell(7, 2).value).toBe("=1+1镇");
    expect(strings.has(HYPERLINK)).toBe(true);
    // A second reader agrees: no cell of any sheet carries a formula.
    const book = XLSX.read(readFileSync(out), { cellFormula: true });
    for (const name of book.SheetNames) {
      for (const [key, cell] of Object.entries(book.Sheets[name])) if (!key.startsWith("!")) expect((cell as XLSX.CellObject).f).toBeUndefined();
    }
  });
});

describe("xiaobo template", () => {
  test("the blank template for a township, filled in correctly, passes validation", async () => {
    const dir = tmp();
    const out = join(dir, "东湖镇模板.xlsx");
    const r = await xiaobo(["template", "--township", "东湖镇", "--year", "2026", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("18");

    // Fill it the way a clerk would (ExcelJS keeps the template's layout), then validate it with the engine.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("村级集体经济")!;
    for (let r = 5; r < 5 + 18; r++) {
      const weak = ws.getCell(r, 4).value === "是";
      ws.getCell(r, 5).value = 40;
      ws.getCell(r, 6).value = 20;
      ws.getCell(r, 7).value = 10;
      if (weak) {
        ws.getCell(r, 8).value = "是";
        ws.getCell(r, 9).value = 2025;
      }
    }
    const totalRow = 5 + 18;
    for (const [c, v] of [[5, 720], [6, 360], [7, 180]] as const) ws.getCell(totalRow, c).value = { formula: ws.getCell(totalRow, c).formula!, result: v };
    const filled = join(dir, "东湖镇.xlsx");
    await wb.xlsx.writeFile(filled);

    const registry = parseRegistry(readFileSync(join(ROOT, "samples/demo-county/registry.csv"), "utf8"));
    const report = validateBook(readBook(new Uint8Array(readFileSync(filled)), "东湖镇.xlsx"), { template: builtinTemplate("village-economy"), registry });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(report.status).toBe("ok");
    expect(report.township?.name).toBe("东湖镇");
  });

  test("an unknown township is a usage error listing the known ones", async () => {
    const r = await xiaobo(["template", "--township", "不存在镇"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("东湖镇");
  });
});

describe("npm run demo", () => {
  test("writes out/县汇总.xlsx and prints the township table", async () => {
    const cwd = tmp();
    mkdirSync(join(cwd, "out"));
    const r = await xiaobo(["demo", "--out", join(cwd, "out", "县汇总.xlsx")], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("全县合计");
    expect(r.stdout).toContain("东湖镇");
    expect(existsSync(join(cwd, "out", "县汇总.xlsx"))).toBe(true);
  });
});
