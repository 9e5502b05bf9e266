/**
 * `xiaobo` options end to end in a real process: --template (built-in, exported and edited JSON, broken ones),
 * --registry, --previous, template --export, commander's errors in Chinese, --annotate name clashes, and one bad
 * file never stopping the others.
 */
import { execFile } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import * as XLSX from "@e965/xlsx";
import { readBook } from "../../addin/io";
import { builtinTemplate, loadTemplate, parseRegistry } from "../../addin/templates";
import { validateBook } from "../../addin/validate";
import { makeValidator } from "../../cli/validate-file";
import { buildProgram } from "../../cli/main";
import { parseRegistrySource, readRegistrySource } from "../../cli/context";
import { startWorkers } from "../../cli/pool";
import { validateFiles } from "../../cli/validate-run";

const ROOT = join(__dirname, "..", "..");
const SAMPLES = join(ROOT, "samples", "submissions");
const REGISTRY = join(ROOT, "samples", "demo-county", "registry.csv");

function xiaobo(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "xiaobo.js"), ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), "xiaobo-opt-"));
type JsonOut = { files: { file: string; township: string | null; status: string; issues: { code: string; severity: string; cell?: string; message: string }[] }[] };
const codesOf = (f: JsonOut["files"][number]) => f.issues.map((i) => `${i.code}@${i.cell ?? ""}:${i.severity}`).sort();

/** No stack trace, no English from commander or node: a usage error a clerk can read. */
function expectUsageError(r: { code: number; stderr: string }, text: string): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("错误：");
  expect(r.stderr).toContain(text);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain("意外错误");
}

describe("--template", () => {
  test("an unknown id, malformed JSON and a template failing its checks are usage errors (exit 2) in Chinese", async () => {
    expectUsageError(await xiaobo(["validate", SAMPLES, "--template", "nosuch"]), "没有名为“nosuch”的内置模板");
    const dir = tmp();
    writeFileSync(join(dir, "bad.json"), '{ "id": "x", ');
    expectUsageError(await xiaobo(["validate", SAMPLES, "--template", join(dir, "bad.json")]), "模板文件不是有效的 JSON");
    writeFileSync(join(dir, "schema.json"), JSON.stringify({ id: "Bad Id", columns: [] }));
    const r = await xiaobo(["validate", SAMPLES, "--template", join(dir, "schema.json")]);
    expectUsageError(r, "模板 name：缺少此项");
    expect(r.stderr).toContain("模板 columns：至少要有 1 项");
    expectUsageError(await xiaobo(["merge", SAMPLES, "--template", join(dir, "missing.json")]), "找不到文件");
    expectUsageError(await xiaobo(["template", "--township", "东湖镇", "--template", join(dir, "bad.json")]), "模板文件不是有效的 JSON");
  });

  test("template --export writes the JSON; edited to a 50/30 standard and loaded with --template, it is what validation applies", async () => {
    const dir = tmp();
    const r = await xiaobo(["template", "--export", "--out", join(dir, "t.json")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已导出模板");
    const json = JSON.parse(readFileSync(join(dir, "t.json"), "utf8"));
    // The round trip: the exported JSON loads back to the built-in template.
    expect(loadTemplate(json)).toEqual(builtinTemplate("village-economy"));
    // The default file name is the template's id, in the current folder; an explicit id works too.
    expect((await xiaobo(["template", "--export", "village-economy"], dir)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "village-economy.json"), "utf8"))).toEqual(json);

    json.parameters.totalMin = 50;
    json.parameters.operatingMin = 30;
    writeFileSync(join(dir, "t50.json"), JSON.stringify(json, null, 2));
    const file = join(SAMPLES, "东湖镇.xlsx");
    const before = await xiaobo(["validate", file, "--json", "--template", join(dir, "t.json")]);
    expect(before.code).toBe(0);
    const after = await xiaobo(["validate", file, "--json", "--template", join(dir, "t50.json")]);
    expect(after.code).toBe(1);
    const report = (JSON.parse(after.stdout) as JsonOut).files[0];

    // Expected from the file itself: every village marked 已消薄 below 50/30 is an error on its 是否已消薄 cell (H).
    const book = readBook(new Uint8Array(readFileSync(file)), "东湖镇.xlsx");
    const rows = validateBook(book, { template: builtinTemplate("village-economy") }).rows.toArray();
    const expected = rows
      .filter((dr) => dr.values.eliminated === true && !((dr.values.totalIncome as number) >= 50 && (dr.values.operatingIncome as number) >= 30))
      .map((dr) => `elimination-inconsistent@H${dr.row}:error`);
    expect(expected.length).toBeGreaterThan(0);
    expect(codesOf(report)).toEqual(expected.sort());
    expect(report.issues[0].message).toContain("总收入 ≥ 50 万元且经营性收入 ≥ 30 万元");
  });

  test("template without --township or --export is a usage error", async () => {
    expectUsageError(await xiaobo(["template"]), "请用 --township 给出乡镇名称或代码");
  });
});

describe("--registry and --previous", () => {
  test("--registry: a county's own registry is what the codes are checked against", async () => {
    const dir = tmp();
    const lines = readFileSync(REGISTRY, "utf8").split(/\r?\n/);
    // This county's registry lacks 后口村 (…202) and has one more village in 东湖镇.
    const edited = lines.filter((l) => !l.includes("339901101202")).concat(["339901101,东湖镇,339901101299,新村,否"]);
    writeFileSync(join(dir, "村名册.csv"), edited.join("\n"));
    const r = await xiaobo(["validate", join(SAMPLES, "东湖镇.xlsx"), "--json", "--registry", join(dir, "村名册.csv")]);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as JsonOut).files[0];
    expect(codesOf(f)).toEqual(["missing-village@:error", "unknown-village@B6:error"]);
    expect(f.issues.find((i) => i.code === "missing-village")!.message).toContain("新村（村代码 339901101299）");

    expectUsageError(await xiaobo(["validate", SAMPLES, "--registry", join(dir, "nothing.csv")]), "找不到文件");
  });

  test("--previous: a change of more than 50% in 经营性收入 against last year's file is a yoy-change warning on that cell", async () => {
    const prev = tmp();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLES, "东湖镇.xlsx"));
    const ws = wb.getWorksheet("村级集体经济")!;
    const now = ws.getCell("F7").value as number;
    ws.getCell("F7").value = Math.round((now / 3) * 100) / 100; // last year: a third of this year's
    await wb.xlsx.writeFile(join(prev, "东湖镇.xlsx"));
    const r = await xiaobo(["validate", join(SAMPLES, "东湖镇.xlsx"), "--json", "--previous", prev]);
    expect(r.code).toBe(0);
    const f = (JSON.parse(r.stdout) as JsonOut).files[0];
    expect(codesOf(f)).toEqual(["yoy-change@F7:warning"]);
    expect(f.status).toBe("warnings");
    expect(f.issues[0].message).toMatch(/^村级集体经济!F7：.+经营性收入由上年的 [\d.]+ 变为 [\d.]+，变化 \+\d+\.\d%，超过 ±50%/);
  });
});

describe("--json issues", () => {
  test("each issue carries its code and the offending value as the file shows it", async () => {
    const r = await xiaobo(["validate", join(SAMPLES, "石桥镇.xlsx"), join(SAMPLES, "龙泉镇.xlsx"), "--json"]);
    const issues = (JSON.parse(r.stdout) as { files: { issues: { code: string; cell?: string; value?: unknown }[] }[] }).files.flatMap((f) => f.issues);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "code-format", cell: "B6", value: "3.39901E+11" }),
        expect.objectContaining({ code: "rule", cell: "F8", value: "39.00" }),
        expect.objectContaining({ code: "elimination-inconsistent", cell: "H16", value: "否" }),
      ]),
    );
    // A problem of the whole file (a village missing) has no cell and so no value.
    expect(issues.find((i) => i.code === "missing-village")).not.toHaveProperty("value");
  });
});

describe("commander's own errors, in Chinese, exit 2", () => {
  test.each([
    [["validate"], "缺少参数：报表文件或文件夹"],
    [["validate", "x.xlsx", "--jsn"], "不认识的选项 --jsn。是不是想用 --json？"],
    [["validate", "x.xlsx", "--template"], "选项 --template 后面要给出取值"],
    [["merge", "x.xlsx", "--jobs", "abc"], "选项 --jobs 的取值“abc”不对：“abc”不是正整数"],
    [["frobnicate"], "没有“frobnicate”这个命令"],
    [["demo", "extra"], "参数太多了"],
  ])("%j", async (args, text) => {
    const r = await xiaobo(args);
    expectUsageError(r, text);
    expect(r.stderr).not.toMatch(/error:|unknown option|missing required|argument missing/);
    expect(r.stderr).toContain("--help 查看用法");
  });
});

test("help is Chinese: commander's headings and defaults come from the catalogue, for every command", () => {
  const program = buildProgram();
  for (const cmd of [program, ...program.commands]) {
    const help = cmd.helpInformation();
    expect(help).toMatch(/^用法： xiaobo/);
    expect(help).not.toMatch(/Usage:|Options:|Arguments:|Commands:|default:/);
  }
  const merge = program.commands.find((c) => c.name() === "merge")!.helpInformation();
  expect(merge).toContain("（默认：village-economy）");
  expect(merge).toContain("选项：");
});

describe("one file never stops the others", () => {
  test("--annotate: files sharing a base name get distinct copies; a CSV with a sheet-hostile name is annotated too", async () => {
    const dir = tmp();
    const input = join(dir, "in");
    mkdirSync(join(input, "东湖镇"), { recursive: true });
    copyFileSync(join(SAMPLES, "石桥镇.xlsx"), join(input, "东湖镇.xlsx"));
    copyFileSync(join(SAMPLES, "石桥镇.xlsx"), join(input, "东湖镇", "东湖镇.xlsx"));
    // A CSV named so that its sheet name is not a valid Excel sheet name ([ ] and over 31 characters), with an
    // operating income typed with a unit (a text-number warning on a cell).
    const name = "白云乡[2026年度]村级集体经济发展情况统计表（第二次报送最终修改版）.csv";
    const csv = iconv.decode(readFileSync(join(SAMPLES, "白云乡.csv")), "gbk").split("\r\n");
    const cells = csv[4].split(",");
    cells[5] = `${cells[5]}万元`;
    csv[4] = cells.join(",");
    writeFileSync(join(input, name), iconv.encode(csv.join("\r\n"), "gbk"));
    // The same failing file saved as an old-Excel .xls.
    const xls = XLSX.write(XLSX.read(readFileSync(join(SAMPLES, "石桥镇.xlsx")), { cellNF: true }), { type: "buffer", bookType: "biff8" });
    writeFileSync(join(input, "东湖镇.xls"), xls);
    const out = join(dir, "out");
    const r = await xiaobo(["validate", input, "--json", "--annotate", out]);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as JsonOut).files.map((f) => f.file);
    expect(files).toEqual(["东湖镇/东湖镇.xlsx", "东湖镇.xls", "东湖镇.xlsx", name]);
    expect(r.stderr).not.toContain("错误：");
    for (const p of ["东湖镇_xls_审核标注.xlsx", "东湖镇_xlsx_审核标注.xlsx", "东湖镇/东湖镇_审核标注.xlsx", name.replace(".csv", "_审核标注.xlsx")]) expect(existsSync(join(out, p))).toBe(true);
    const csvReport = (JSON.parse(r.stdout) as JsonOut).files[3];
    expect(codesOf(csvReport)).toEqual(["text-number@F5:warning"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, name.replace(".csv", "_审核标注.xlsx")));
    expect(wb.worksheets[0].name).toBe("白云乡_2026年度_村级集体经济发展情况统计表（第二次报送最");
    expect(String(wb.worksheets[0].getCell("F5").note)).toContain("【警告】");
    // Messages name the file by its path under the input folder when base names clash.
    const nested = (JSON.parse(r.stdout) as JsonOut).files[0];
    expect(nested.issues.find((i) => i.code === "missing-village")!.message.startsWith("东湖镇/东湖镇.xlsx：漏报")).toBe(true);
  });

  test("an unexpected exception (a folder or a vanished file where a file was listed) becomes that file's report; the others are checked, inline and on workers", async () => {
    const shared = { template: builtinTemplate("village-economy"), registry: parseRegistry(readFileSync(REGISTRY, "utf8")) };
    const validate = makeValidator(shared);
    const dir = tmp();
    const r = await validate({ path: dir, name: "东湖镇.xlsx" });
    expect(r.status).toBe("unreadable");
    expect(r.issues).toEqual([
      expect.objectContaining({ code: "internal-error", severity: "error", file: "东湖镇.xlsx" }),
    ]);
    expect(r.issues[0].message).toMatch(/^东湖镇\.xlsx：审核这个文件时出现了意外错误（.*EISDIR.*），无法审核。请把这个文件原样发给县里/);

    const good = ["东湖镇.xlsx", "南溪镇.xlsx", "桃源镇.xlsx", "清水镇.xlsx", "西山镇.xlsx", "金沙镇.xlsx", "青石镇.xlsx", "北岭乡.xls", "白云乡.csv"].map((f) => join(SAMPLES, f));
    for (const [files, workers] of [[[join(dir, "已删除.xlsx"), good[0]], 0], [[...good, join(dir, "已删除.xlsx")], 1]] as const) {
      const reports = await validateFiles([...files], { template: JSON.parse(JSON.stringify(shared.template)), registry: shared.registry }, { quiet: true, workers: startWorkers("validate-worker.js", workers) });
      expect(reports.map((x) => x.status)).toEqual(files.map((f) => (f.includes("已删除") ? "unreadable" : f.endsWith(".csv") ? expect.any(String) : "ok")));
      expect(reports.find((x) => x.file === "已删除.xlsx")!.issues[0].message).toContain("ENOENT");
    }
  });
});

test("workers started with the registry's text parse it themselves: the same reports as the calling thread alone, and a worker without its registry stops the run", async () => {
  const source = readRegistrySource(REGISTRY);
  const shared = { template: builtinTemplate("village-economy"), registry: parseRegistrySource(source) };
  const samples = ["东湖镇.xlsx", "南溪镇.xlsx", "石桥镇.xlsx", "北岭乡.xls", "白云乡.csv"].map((f) => join(SAMPLES, f));
  const files = [...samples, ...samples, ...samples];
  const alone = await validateFiles(files, shared, { quiet: true });
  expect(alone.some((r) => r.township !== undefined)).toBe(true);
  // The first files go to the worker at once (each has its next file waiting), so some reports are the worker's.
  const pooled = await validateFiles(files, shared, { quiet: true, workers: startWorkers("validate-worker.js", 1, { registry: source }), registryInWorkers: true });
  expect(pooled).toEqual(alone);
  const broken = { ...source, text: "乡镇代码\n" };
  await expect(validateFiles(files, shared, { quiet: true, workers: startWorkers("validate-worker.js", 1, { registry: broken }), registryInWorkers: true })).rejects.toThrow(/no registry/);
});

test("bin/xiaobo.js starts the worker threads before the CLI loads: a run over many files gives the reports one thread gives, and a run that stops early is not kept open by them", async () => {
  const dir = tmp();
  const samples = ["东湖镇.xlsx", "南溪镇.xlsx", "石桥镇.xlsx", "北岭乡.xls", "白云乡.csv"];
  // More files than the calling thread takes alone (cli/validate-run.ts INLINE_MAX), so the workers are used.
  for (let i = 0; i < 40; i++) copyFileSync(join(SAMPLES, samples[i % samples.length]), join(dir, `${String(i).padStart(2, "0")}_${samples[i % samples.length]}`));
  const env = { ...process.env, XIAOBO_JOBS: "3" };
  const pooled = await xiaobo(["validate", dir, "--registry", REGISTRY, "--json"], ROOT, env);
  const alone = await xiaobo(["validate", dir, "--registry", REGISTRY, "--json", "--jobs", "1"], ROOT, env);
  expect(pooled.code).toBe(alone.code);
  expect((JSON.parse(pooled.stdout) as JsonOut).files).toHaveLength(40);
  expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(alone.stdout));
  const out = tmp();
  const merged = await xiaobo(["merge", dir, "--registry", REGISTRY, "--json", "--out", join(out, "县汇总.xlsx"), "--allow-errors"], ROOT, env);
  const mergedAlone = await xiaobo(["merge", dir, "--registry", REGISTRY, "--json", "--out", join(out, "县汇总1.xlsx"), "--allow-errors", "--jobs", "1"], ROOT, env);
  expect([merged.code, JSON.parse(merged.stdout)]).toEqual([mergedAlone.code, JSON.parse(mergedAlone.stdout)]);
  // A registry that does not parse: the usage error, and the process ends (the early workers do not hold it open).
  writeFileSync(join(out, "名册.csv"), "乡镇代码\n");
  expectUsageError(await xiaobo(["merge", dir, "--registry", join(out, "名册.csv")], ROOT, env), "名册.csv");
}, 120000);

describe("--targets with a county's own template: any number column of the CSV, by name", () => {
  test("a `target` measure reads its column; the ratio over it is per township and for the county (Σ of the townships' targets)", async () => {
    const dir = tmp();
    const ledger = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "custom-template", "软弱涣散村整顿台账.json"), "utf8"));
    delete ledger.$schema;
    ledger.summary.measures.push(
      { key: "quota", header: "整顿任务数", kind: "target", column: "整顿任务数" },
      { key: "quotaDone", header: "任务完成率", kind: "ratio", numerator: "closed", denominator: "quota" },
    );
    writeFileSync(join(dir, "台账.json"), JSON.stringify(ledger));
    writeFileSync(join(dir, "targets.csv"), "乡镇代码,乡镇名称,整顿任务数\n339901101,东湖镇,4\n339901102,西山镇,2\n");
    mkdirSync(join(dir, "files"));
    // A 台账 saved as CSV by a township: two of its villages, one 销号.
    writeFileSync(
      join(dir, "files", "东湖镇.csv"),
      "序号,村（社区）代码,村（社区）名称,整顿措施,责任人,完成时限,是否销号,备注\n1,339901101201,黄埠村,班子调整,张三,2026-06-30,是,\n2,339901101202,后口村,制度建设,李四,2026-12-31,否,\n",
    );
    const r = await xiaobo(["merge", join(dir, "files"), "--template", join(dir, "台账.json"), "--targets", join(dir, "targets.csv"), "--out", join(dir, "县汇总.xlsx"), "--json"]);
    expect(r.code).toBe(1); // the other townships did not submit
    const json = JSON.parse(r.stdout);
    expect(json.townships[0]).toMatchObject({ township: "东湖镇", status: "merged", 台账数: 2, 已销号: 1, 整顿任务数: 4, 任务完成率: 0.25 });
    // 西山镇 sent nothing: its target stands, its rate is blank.
    expect(json.townships[1]).toMatchObject({ township: "西山镇", status: "missing", 整顿任务数: 2, 任务完成率: null });
    expect(json.county).toMatchObject({ 已销号: 1, 整顿任务数: 6 });
    expect(json.county.任务完成率).toBeCloseTo(1 / 6, 12);
  });
});
