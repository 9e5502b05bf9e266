/**
 * End to end, in a real browser: the built task pane (dist/, made by `npm run build`) opened as a plain web page
 * with no Office, the way offices on WPS or an old Excel use it, at the task pane's 320 px. Playwright drives
 * Debian's Chromium (/usr/bin/chromium). The demo county's submissions are dropped on the page (or chosen, or their
 * folder chosen), their statuses checked, the county workbook downloaded and its figures held to `xiaobo merge
 * --json` on the same files; a file's annotated copy is downloaded and read back. Every request the page makes is
 * recorded: none may leave this machine. With XIAOBO_SCREENSHOTS=docs the screenshots go to docs/screenshots.
 */
import { spawnSync } from "child_process";
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { basename, extname, join, normalize } from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { t } from "../../addin/i18n";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SAMPLES = join(ROOT, "samples", "submissions");
const ARTIFACTS = join(__dirname, ".artifacts"); // downloads (never committed)
const SHOTS = process.env.XIAOBO_SCREENSHOTS === "docs" ? join(ROOT, "docs", "screenshots") : ARTIFACTS;
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".css": "text/css" };

let server: Server;
let origin = "";
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
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
  await page.goto(`${origin}/taskpane.html`);
  // Standalone mode: no Office here, so the pane says it works on files.
  await page.getByRole("tab", { name: "汇总" }).waitFor({ timeout: 15000 });
  return { page, seen };
}

const sampleFiles = () => readdirSync(SAMPLES).map((f) => join(SAMPLES, f));
const loaded = (seen: string[], chunk: string) => seen.some((u) => new RegExp(`/chunks/${chunk}\\.[0-9a-f]+\\.js$`).test(u));

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
function cliMerge(): { townships: { township: string; status: string; eliminationRate: number | null; eliminated: number; weakBaseline: number; totalIncome: number; rank: number | null }[]; county: { eliminationRate: number; eliminated: number; totalIncome: number } } {
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
  expect(Object.values(status).filter((s) => s === "通过")).toHaveLength(10);
  expect(await page.getByTestId("merge-announce").innerText()).toBe("汇总完成：10 个乡镇通过，1 个未通过审核，1 个未报送。");
  // 石桥镇's file is shown as its township's status, not again as a file that belongs to no township.
  expect(await page.getByTestId("unattributed").count()).toBe(0);
  // Reading and merging loaded the reader, never the writer.
  expect(loaded(seen, "sheetjs")).toBe(true);
  expect(loaded(seen, "exceljs")).toBe(false);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: join(SHOTS, "汇总.png"), fullPage: true, animations: "disabled" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /县汇总/ }).click()]);
  expect(download.suggestedFilename()).toBe("县汇总.xlsx");
  const path = join(ARTIFACTS, "县汇总.xlsx");
  await download.saveAs(path);
  const tDownloaded = Date.now();
  // The county workbook has its own writer: ExcelJS is for annotated copies only.
  expect(loaded(seen, "exceljs")).toBe(false);

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
  expect(rows.filter((r) => r.includes("通过") && !r.includes("未通过"))).toHaveLength(10);
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
  expect(loaded(seen, "exceljs")).toBe(false);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: join(SHOTS, "检查.png"), fullPage: true, animations: "disabled" });

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
  await page.screenshot({ path: join(SHOTS, "设置.png"), fullPage: true, animations: "disabled" });
  await page.context().close();
}, 60000);

test("no request leaves this machine", () => {
  expect(requests.length).toBeGreaterThan(0);
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(outside).toEqual([]);
});
