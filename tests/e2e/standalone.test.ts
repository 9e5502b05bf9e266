/**
 * End to end, in a real browser: the built task pane (dist/, made by `npm run build`) opened as a plain web page
 * with no Office, the way offices on WPS or an old Excel use it, at the task pane's 320 px. Playwright drives
 * Debian's Chromium (/usr/bin/chromium). The demo county's submissions are dropped on the page (or chosen, or their
 * folder chosen), their statuses checked, the county workbook downloaded and its figures held to `xiaobo merge
 * --json` on the same files; a file's annotated copy is downloaded and read back. Every request the page makes is
 * recorded: none may leave this machine. With XIAOBO_SCREENSHOTS=docs the screenshots go to docs/screenshots.
 * Every test runs twice: on dist/taskpane.html served over http (what the intranet server gives), and on the one-file
 * page dist/消薄助手.html opened from disk (file://, no server), which may request nothing but itself.
 */
import { spawnSync } from "child_process";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { basename, extname, join, normalize } from "path";
import { pathToFileURL } from "url";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { t } from "../../addin/i18n";
import { parseRegistry } from "../../addin/templates";
import { DEMO_REGISTRY_CSV } from "../../taskpane/demo-county";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SAMPLES = join(ROOT, "samples", "submissions");
/** A county's own template (not Template 1): 村级工作考评表, three columns and a summary of its own. */
const REVIEW_TEMPLATE = join(__dirname, "fixtures", "村级工作考评模板.json");
const ARTIFACTS = join(__dirname, ".artifacts"); // downloads (never committed)
const SHOTS = process.env.XIAOBO_SCREENSHOTS === "docs" ? join(ROOT, "docs", "screenshots") : ARTIFACTS;
const OFFLINE_PAGE = join(DIST, "消薄助手.html");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".css": "text/css" };

let server: Server;
let origin = "";
let browser: Browser;
let requests: string[] = [];
/** The page under test: served over http, or the one-file page from disk. */
let mode: { file: boolean; url: string } = { file: false, url: "" };

beforeAll(async () => {
  for (const f of [join(DIST, "taskpane.html"), OFFLINE_PAGE]) if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first (npm test does).`);
  server = createServer((req, res) => {
    const path = normalize(join(DIST, decodeURIComponent((req.url ?? "/").split("?")[0])));
    if (!path.startsWith(DIST) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** The pane at the width of Excel's task pane (320 px), as a page with no Office. */
async function openPane(width = 320): Promise<{ page: Page; seen: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on("request", (r) => {
    requests.push(r.url());
    seen.push(r.url());
  });
  await page.goto(mode.url);
  // Standalone mode: no Office here, so the pane says it works on files.
  await page.getByRole("tab", { name: "汇总" }).waitFor({ timeout: 15000 });
  return { page, seen };
}

const sampleFiles = () => readdirSync(SAMPLES).map((f) => join(SAMPLES, f));
const loaded = (seen: string[], chunk: string) => seen.some((u) => new RegExp(`/chunks/${chunk}\\.[0-9a-f]+\\.js$`).test(u));
/** Served, a lazy chunk is loaded when its work is first needed (or not); the one-file page carries them all and requests nothing. */
function expectChunk(seen: string[], chunk: string, expected: boolean): void {
  if (mode.file) expect(seen.filter((u) => u !== mode.url)).toEqual([]);
  else expect(loaded(seen, chunk)).toBe(expected);
}
/** Screenshots for docs/ come from the served pane; the one-file page's go to the artifacts. */
const shot = (name: string) => (mode.file ? join(ARTIFACTS, `file-${name}`) : join(SHOTS, name));

/** Drops files on an element the way a browser does: dragenter, dragover and drop events carrying a DataTransfer. */
async function dropFiles(page: Page, testId: string, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), data: readFileSync(p).toString("base64") }));
  await page.getByRole("tabpanel").getByTestId(testId).evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    for (const type of ["dragenter", "dragover", "drop"]) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files);
}

/** The pane must fit Excel's narrow task pane: nothing wider than the viewport. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** `xiaobo merge --json` on the same files: the CLI's figures, to hold the downloaded workbook to. */
function cliMerge(): { townships: { township: string; status: string; eliminationRate: number | null; eliminated: number; weakBaseline: number; totalIncome: number; rank: number | null; flag: "red" | "yellow" | null }[]; county: { eliminationRate: number; eliminated: number; totalIncome: number } } {
  const out = join(ARTIFACTS, "cli-县汇总.xlsx");
  const run = spawnSync(process.execPath, [join(ROOT, "bin", "xiaobo.js"), "merge", SAMPLES, "--json", "--out", out], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // Exit 1 = problems found in the data (石桥镇 fails validation, 凤鸣乡 is missing): expected for the demo files.
  expect([run.status, run.status === 1 ? "" : run.stderr]).toEqual([1, ""]);
  return JSON.parse(run.stdout);
}

/** The rows of 乡镇汇总 by township name, as header → value. */
function townshipRows(ws: ExcelJS.Worksheet): Map<string, Record<string, unknown>> {
  let header: string[] | undefined;
  const rows = new Map<string, Record<string, unknown>>();
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v));
    if (!header) {
      if (values.includes("乡镇") && values.includes("消除率")) header = values.map((v) => String(v ?? ""));
      return;
    }
    const rec = Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]));
    if (typeof rec["乡镇"] === "string") rows.set(rec["乡镇"] as string, rec);
  });
  return rows;
}

/**
 * The pane's results after a merge (taskpane/app/ResultView.tsx) hold the CLI's figures: the table lists the ranked
 * townships by rank with 消除率 and flag, then the others with none; the chart has one bar per ranked township in
 * that order, flagged bars marked.
 */
async function expectResults(page: Page, cli: ReturnType<typeof cliMerge>): Promise<void> {
  const table = page.getByTestId("result-table");
  expect(await table.locator("thead th").allInnerTexts()).toEqual(["排名", "乡镇", "消除率", "旗"]);
  const rows = (await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim()))));
  const ranked = cli.townships.filter((tw) => tw.rank !== null).sort((a, b) => a.rank! - b.rank! || cli.townships.indexOf(a) - cli.townships.indexOf(b));
  const flagText = (f: string | null) => (f === "red" ? "红旗" : f === "yellow" ? "黄旗" : "");
  const expected = [
    ...ranked.map((tw) => [String(tw.rank), tw.township, `${(tw.eliminationRate! * 100).toFixed(1)}%`, flagText(tw.flag)]),
    ...cli.townships.filter((tw) => tw.rank === null).map((tw) => ["—", tw.township, "—", ""]),
  ];
  expect(rows).toEqual(expected);
  expect(rows).toHaveLength(12);
  const bars = await page.getByTestId("result-chart").locator("g[data-name]").evaluateAll((gs) =>
    gs.map((g) => [g.getAttribute("data-name"), g.getAttribute("data-flag"), Number(g.querySelector("rect")!.getAttribute("width"))] as const),
  );
  expect(bars.map(([name, flag]) => [name, flag])).toEqual(ranked.map((tw) => [tw.township, tw.flag ?? ""]));
  // Longer bars for higher figures: the first (rank 1) is the longest, and none is longer than the one before.
  for (let i = 1; i < bars.length; i++) expect(bars[i][2]).toBeLessThanOrEqual(bars[i - 1][2]);
  expect(bars[0][2]).toBeGreaterThan(bars[bars.length - 1][2]);
}

const MODES = [
  { name: "dist/taskpane.html served over http", file: false },
  { name: "dist/消薄助手.html opened from disk (file://)", file: true },
];

describe.each(MODES)("$name", ({ file }) => {
  beforeAll(() => {
    mode = { file, url: file ? pathToFileURL(OFFLINE_PAGE).href : `${origin}/taskpane.html` };
    requests = [];
  });

  test("汇总: drop the demo files, see every township's status, download the county workbook whose figures equal the CLI's", async () => {
    const t0 = Date.now();
    const { page, seen } = await openPane();
    const tOpen = Date.now();
    await page.getByRole("tab", { name: "汇总" }).click();
    // Only the chosen view is shown.
    expect(await page.getByRole("tabpanel").count()).toBe(1);
    await dropFiles(page, "drop-zone", sampleFiles());
    const list = page.getByTestId("township-list");
    await page.getByText("未通过审核").first().waitFor({ timeout: 30000 });
    const tMerged = Date.now();

    const rows = await list.locator("li").allInnerTexts();
    expect(rows).toHaveLength(12);
    const status = Object.fromEntries(rows.map((r) => r.split("\n").map((s) => s.trim()).filter(Boolean)).map(([name, ...rest]) => [name, rest.join(" ")]));
    expect(status["凤鸣乡"]).toBe("未报送");
    expect(status["石桥镇"]).toMatch(/^未通过审核（\d+ 个错误）$/);
    expect(Object.values(status).filter((s) => s === "已汇总")).toHaveLength(10);
    expect(await page.getByTestId("merge-announce").innerText()).toBe("汇总完成：10 个乡镇通过，1 个未通过审核，1 个未报送。");
    // 石桥镇's file is shown as its township's status, not again as a file that belongs to no township.
    expect(await page.getByTestId("unattributed").count()).toBe(0);
    // Reading and merging loaded the reader, never the writer.
    expectChunk(seen, "sheetjs", true);
    expectChunk(seen, "exceljs", false);
    await page.getByTestId("result-chart").waitFor();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: shot("汇总.png"), fullPage: true, animations: "disabled" });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /县汇总/ }).click()]);
    expect(download.suggestedFilename()).toBe("县汇总.xlsx");
    const path = join(ARTIFACTS, "县汇总.xlsx");
    await download.saveAs(path);
    const tDownloaded = Date.now();
    // The county workbook has its own writer: ExcelJS is for annotated copies only.
    expectChunk(seen, "exceljs", false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["乡镇汇总", "村级明细", "报送情况", "审核问题"]));
    const sheet = townshipRows(wb.getWorksheet("乡镇汇总")!);
    const cli = cliMerge();
    expect(cli.townships).toHaveLength(12);
    const statusText = { merged: t("merge.status.merged"), failed: t("merge.status.failed"), missing: t("merge.status.missing") } as Record<string, string>;
    for (const tw of cli.townships) {
      const row = sheet.get(tw.township)!;
      expect([tw.township, String(row["报送状态"]).startsWith(statusText[tw.status])]).toEqual([tw.township, true]);
      expect([tw.township, row["消除率"] ?? null]).toEqual([tw.township, tw.eliminationRate]);
      expect([tw.township, row["已消除数"], row["薄弱村基数"], row["总收入合计"]]).toEqual([tw.township, tw.eliminated, tw.weakBaseline, tw.totalIncome]);
      expect([tw.township, row["消除率排名"] ?? null]).toEqual([tw.township, tw.rank]);
    }
    await expectResults(page, cli);
    const total = sheet.get("全县合计")!;
    expect([total["消除率"], total["已消除数"], total["总收入合计"]]).toEqual([cli.county.eliminationRate, cli.county.eliminated, cli.county.totalIncome]);
    const tChecked = Date.now();
    console.log(
      `e2e 汇总 at 320 px: open ${tOpen - t0} ms; drop 11 files → statuses ${tMerged - tOpen} ms; download 县汇总.xlsx ${tDownloaded - tMerged} ms; ` +
        `hold to CLI --json ${tChecked - tDownloaded} ms; total ${tChecked - t0} ms`,
    );
    await page.context().close();
  }, 120000);

  test("汇总: 选择文件夹 takes the folder's spreadsheets", async () => {
    const t0 = Date.now();
    const { page } = await openPane();
    await page.getByRole("tab", { name: "汇总" }).click();
    const folderInput = page.getByRole("tabpanel").locator("input[webkitdirectory]");
    await folderInput.setInputFiles(SAMPLES);
    await page.getByText("未通过审核").first().waitFor({ timeout: 30000 });
    const rows = await page.getByTestId("township-list").locator("li").allInnerTexts();
    expect(rows.filter((r) => r.includes("已汇总"))).toHaveLength(10);
    console.log(`e2e 汇总 folder (open, read 11 files, merge): ${Date.now() - t0} ms`);
    await page.context().close();
  }, 90000);

  test("检查: a file with errors lists them, errors before warnings, and its annotated copy marks the cells", async () => {
    const t0 = Date.now();
    const { page, seen } = await openPane();
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("tabpanel").locator('input[type="file"]').setInputFiles([join(SAMPLES, "石桥镇.xlsx"), join(SAMPLES, "东湖镇.xlsx"), join(SAMPLES, "龙泉镇.xlsx")]);
    await page.getByText(/石桥镇\.xlsx：\d+ 个错误/).waitFor({ timeout: 30000 });
    await page.getByText("东湖镇.xlsx：检查通过，没有发现问题。").waitFor();
    const tChecked = Date.now();
    const text = await page.getByRole("tabpanel").innerText();
    // Errors come before warnings, each problem with its sheet and cell and a Chinese explanation.
    expect(text.indexOf("错误（必须修改）")).toBeGreaterThan(-1);
    expect(text.indexOf("错误（必须修改）")).toBeLessThan(text.indexOf("警告（请核实"));
    expect(text).toContain("村级集体经济!F8：经营性收入 39.00 大于总收入 30.50，请核对");
    expect(text).toContain("漏报石桥镇前埠村");
    expect(text).toContain("已说明");
    expect(await page.getByTestId("check-announce").innerText()).toMatch(/^检查完成：3 个文件，共 [1-9]\d* 个错误，\d+ 个警告。$/);
    expectChunk(seen, "exceljs", false);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: shot("检查.png"), fullPage: true, animations: "disabled" });

    // The annotated copy of 石桥镇: the problem cell filled red, with a note saying what is wrong.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载标注文件 石桥镇_审核标注.xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("石桥镇_审核标注.xlsx");
    const path = join(ARTIFACTS, "石桥镇_审核标注.xlsx");
    await download.saveAs(path);
    const tDownloaded = Date.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const f8 = wb.getWorksheet("村级集体经济")!.getCell("F8");
    expect((f8.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    const note = f8.note as ExcelJS.Comment | string;
    expect(typeof note === "string" ? note : note.texts!.map((x) => x.text).join("")).toContain("经营性收入 39.00 大于总收入 30.50");
    console.log(`e2e 检查 at 320 px: open + read and validate 3 files ${tChecked - t0} ms; annotated copy ${tDownloaded - tChecked} ms`);
    await page.context().close();
  }, 90000);

  test("设置: the demo county is the default registry, at 30/15", async () => {
    const { page } = await openPane();
    await page.getByRole("tab", { name: "设置" }).click();
    const panel = page.getByRole("tabpanel");
    await panel.getByText("内置示例县（12 个乡镇，188 个村）").waitFor();
    // Blank thresholds mean the template's standard, shown as the placeholder.
    expect(await panel.locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).placeholder).filter(Boolean))).toEqual(expect.arrayContaining(["30", "15"]));
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: shot("设置.png"), fullPage: true, animations: "disabled" });
    await page.context().close();
  }, 60000);

  /** A township's 村级工作考评表 (the fixture template's three columns) for every village of the demo registry, made with ExcelJS. */
  async function reviewWorkbook(code: string, dir: string): Promise<string> {
    const tw = parseRegistry(DEMO_REGISTRY_CSV).townships.find((x) => x.code === code)!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("村级工作考评");
    ws.addRow([`${tw.name}村级工作考评表（2024年度）`]);
    ws.addRow([`填报单位：${tw.name}`]);
    ws.addRow(["村代码", "村名称", "考评得分"]);
    tw.villages.forEach((v, i) => ws.addRow([v.code, v.name, 80 + ((i * 7) % 20)]));
    const path = join(dir, `${tw.name}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  }

  test("设置 → another template: a county's template file is loaded and saved, then 检查 and 汇总 follow it, down to the county workbook's headers", async () => {
    const t0 = Date.now();
    const { page, seen } = await openPane();
    await page.getByRole("tab", { name: "设置" }).click();
    const panel = page.getByRole("tabpanel");
    const templates = panel.getByRole("radiogroup", { name: "报表模板" });
    // Every built-in is offered by its name; Template 1 is the default, with its 达标 fields.
    await templates.getByRole("radio", { name: "村级集体经济发展情况统计表" }).waitFor();
    expect(await templates.getByRole("radio", { name: "村级集体经济发展情况统计表" }).isChecked()).toBe(true);
    expect(await panel.getByRole("group", { name: "达标标准（万元）" }).count()).toBe(1);

    await panel.getByTestId("file-input-载入模板 JSON").setInputFiles(REVIEW_TEMPLATE);
    await panel.getByText("当前模板：村级工作考评表（村级工作考评模板.json）").waitFor();
    expect(await templates.getByRole("radio", { name: "自定义：村级工作考评模板.json" }).isChecked()).toBe(true);
    // No 达标 parameters in this template: no 达标 fields.
    expect(await panel.getByRole("group", { name: "达标标准（万元）" }).count()).toBe(0);
    await panel.getByRole("button", { name: "保存设置" }).click();
    await panel.getByText("设置已保存。").waitFor();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(ARTIFACTS, "设置-自定义模板.png"), fullPage: true, animations: "disabled" });

    const dir = join(ARTIFACTS, "村级工作考评");
    mkdirSync(dir, { recursive: true });
    const files = [await reviewWorkbook("339901101", dir), await reviewWorkbook("339901102", dir)];

    // 检查: both files pass against the chosen template.
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("tabpanel").locator('input[type="file"]').setInputFiles(files);
    await page.getByText("东湖镇.xlsx：检查通过，没有发现问题。").waitFor({ timeout: 30000 });
    await page.getByText("西山镇.xlsx：检查通过，没有发现问题。").waitFor();
    expect(await page.getByTestId("check-announce").innerText()).toBe("检查完成：2 个文件，共 0 个错误，0 个警告。");

    // 汇总: both townships pass, the others have not reported.
    await page.getByRole("tab", { name: "汇总" }).click();
    await dropFiles(page, "drop-zone", files);
    await page.getByTestId("merge-announce").getByText(/^汇总完成/).waitFor({ timeout: 30000 });
    expect(await page.getByTestId("merge-announce").innerText()).toBe("汇总完成：2 个乡镇通过，0 个未通过审核，10 个未报送。");
    const rows = await page.getByTestId("township-list").locator("li").allInnerTexts();
    const status = Object.fromEntries(rows.map((r) => r.split("\n").map((x) => x.trim()).filter(Boolean)).map(([name, ...rest]) => [name, rest.join(" ")]));
    expect([status["东湖镇"], status["西山镇"]]).toEqual(["已汇总", "已汇总"]);
    expect(Object.values(status).filter((x) => x === "未报送")).toHaveLength(10);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /县汇总/ }).click()]);
    const path = join(ARTIFACTS, "县汇总-村级工作考评.xlsx");
    await download.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["乡镇汇总", "村级明细", "报送情况", "审核问题", "未汇总行"]);
    const ws = wb.getWorksheet("乡镇汇总")!;
    expect(ws.getCell("A1").value).toBe("示例县村级工作考评汇总表");
    const sheetRows: unknown[][] = [];
    ws.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
    const header = sheetRows.find((r) => r.includes("报送状态"))!.map((v) => String(v ?? ""));
    // The custom template's measure headers, and its rank: nothing of Template 1.
    expect(header).toEqual(["序号", "乡镇", "报送状态", "村数", "参评村数", "平均得分", "优秀村数", "优秀率", "平均得分排名", "说明"]);
    const line = (name: string) => Object.fromEntries(header.map((h, i) => [h, sheetRows.find((r) => r[1] === name)![i] ?? null]));
    expect(line("东湖镇")).toMatchObject({ 村数: 18, 参评村数: 18, 平均得分排名: 1 });
    expect(line("西山镇")).toMatchObject({ 村数: 22, 参评村数: 22, 平均得分排名: 2 });
    expect(line("南溪镇")).toMatchObject({ 参评村数: 0, 平均得分: null, 平均得分排名: null });
    expect(line("全县合计")).toMatchObject({ 村数: 188, 参评村数: 40 });
    expectChunk(seen, "exceljs", false);
    console.log(`e2e another template (load, save, check 2 files, merge, download): ${Date.now() - t0} ms`);
    await page.context().close();
  }, 120000);

  test("汇总 in a wide window (≥ 900 px): the townships in columns, the results table and chart side by side", async () => {
    const { page } = await openPane(1280);
    await page.getByRole("tab", { name: "汇总" }).click();
    await dropFiles(page, "drop-zone", sampleFiles());
    await page.getByTestId("result-chart").waitFor({ timeout: 30000 });
    const table = (await page.getByTestId("result-table").boundingBox())!;
    const chart = (await page.getByTestId("result-chart").boundingBox())!;
    expect(chart.x).toBeGreaterThanOrEqual(table.x + table.width); // beside, not below
    expect(table.width + chart.width).toBeGreaterThan(900);
    const items = await page.getByTestId("township-list").locator("li").evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().left));
    expect(new Set(items).size).toBeGreaterThan(1); // more than one column of townships
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: shot("汇总-宽屏.png"), fullPage: true, animations: "disabled" });
    await page.context().close();
  }, 90000);

  test("no request leaves this machine", () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((u) => !(mode.file ? u === mode.url : u.startsWith(origin)) && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(outside).toEqual([]);
  });
});

/**
 * A 60,000-row sheet of junk under Template 1's header, written by SheetJS (not by XiaoBo): every data cell wrong in
 * its own way, so each of several codes has about 60,000 issues.
 */
function junkWorkbook(path: string, rows: number): void {
  const aoa: unknown[][] = [
    ["东湖镇村级集体经济发展情况统计表（2026年度）"],
    ["填报单位：东湖镇（盖章）"],
    ["序号", "村（社区）代码", "村（社区）名称", "是否薄弱村基数", "集体经济收入", null, null, "是否已消薄", "消薄年份", "主要增收途径", "备注"],
    [null, null, null, null, "总收入", "经营性收入", "上级补助收入", null, null, null, null],
  ];
  for (let i = 0; i < rows; i++) aoa.push([i + 1, `X${i}`, `村${i}`, "也许", "abc", "-", (i * 7919) % 1e6 + 0.123, "?", "y", null, null]);
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws["!merges"] = [{ s: { r: 2, c: 4 }, e: { r: 2, c: 6 } }];
  XLSX.utils.book_append_sheet(wb, ws, "村级集体经济");
  XLSX.writeFile(wb, path);
}

describe("the served pane on a large bad file", () => {
  beforeAll(() => {
    mode = { file: false, url: `${origin}/taskpane.html` };
    requests = [];
  });

  test("检查: a 60,000-row junk sheet gives a bounded list: a few hundred issues per kind, the rest counted with their range", async () => {
  const file = join(ARTIFACTS, "垃圾数据.xlsx");
  junkWorkbook(file, 60_000);
  const { page } = await openPane();
  await page.getByRole("tab", { name: "检查" }).click();
  const t0 = Date.now();
  await page.getByRole("tabpanel").locator('input[type="file"]').setInputFiles([file]);
  await page.getByText(/垃圾数据\.xlsx：\d+ 个错误/).waitFor({ timeout: 120000 });
  const tChecked = Date.now();
  const counts = await page.getByTestId("report-counts").innerText();
  const errors = Number(/：(\d+) 个错误/.exec(counts)![1]);
  // The counts are of every problem, listed or not: at least one per junk cell in five columns.
  expect(errors).toBeGreaterThan(5 * 60_000);
  const text = await page.getByRole("tabpanel").innerText();
  expect(Buffer.byteLength(text)).toBeLessThan(2 * 1024 * 1024);
  expect(text).toMatch(/另有 59,\d{3} 个同类问题，位于 村级集体经济!B\d+:B60004/);
  const items = await page.getByRole("tabpanel").locator("li").count();
  expect(items).toBeLessThan(20 * 201);
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  console.log(`e2e 检查 60,000 junk rows: ${tChecked - t0} ms, ${errors} errors, ${items} items listed, pane text ${Buffer.byteLength(text)} bytes, JS heap ${Math.round(heap / 1e6)} MB`);
  await page.context().close();
}, 180000);

  test("no request leaves this machine", () => {
    expect(requests.length).toBeGreaterThan(0);
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
    expect(outside).toEqual([]);
  });
});
