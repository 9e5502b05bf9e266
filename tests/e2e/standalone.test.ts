/**
 * End to end, in a real browser: the built task pane (dist/, made by `npm run build`) opened as a plain web page
 * with no Office, the way offices on WPS or an old Excel use it. Playwright drives Debian's Chromium
 * (/usr/bin/chromium). The demo county's submissions are chosen, their statuses checked, the county workbook
 * downloaded and read back. Every request the page makes is recorded: none may leave this machine.
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
const SAMPLES = join(ROOT, "samples", "submissions");
const SHOTS = process.env.XIAOBO_SCREENSHOTS === "docs" ? join(ROOT, "docs", "screenshots") : join(__dirname, ".artifacts");
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
}, 60000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPane(width = 360): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${origin}/taskpane.html`);
  // Standalone mode: no Office here, so the pane says it works on files.
  await page.getByRole("tab", { name: "汇总" }).waitFor({ timeout: 15000 });
  return page;
}

const sampleFiles = () => readdirSync(SAMPLES).map((f) => join(SAMPLES, f));

test("汇总: choose the demo files, see every township's status, download the county workbook", async () => {
  const started = Date.now();
  const page = await openPane();
  await page.getByRole("tab", { name: "汇总" }).click();
  // Only the chosen view is shown.
  expect(await page.getByRole("tabpanel").count()).toBe(1);
  await page.getByRole("tabpanel").locator('input[type="file"]').setInputFiles(sampleFiles());
  const list = page.getByTestId("township-list");
  await list.getByText("未报送").first().waitFor({ timeout: 30000 });
  await page.getByText("未通过审核").first().waitFor({ timeout: 30000 });

  const rows = await list.locator("li").allInnerTexts();
  expect(rows).toHaveLength(12);
  const status = Object.fromEntries(rows.map((r) => r.split("\n").map((s) => s.trim()).filter(Boolean)).map(([name, ...rest]) => [name, rest.join(" ")]));
  expect(status["凤鸣乡"]).toBe("未报送");
  expect(status["石桥镇"]).toMatch(/^未通过审核（\d+ 个错误）$/);
  expect(Object.values(status).filter((s) => s === "通过")).toHaveLength(10);
  await page.screenshot({ path: join(SHOTS, "汇总.png"), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /县汇总/ }).click()]);
  expect(download.suggestedFilename()).toBe("县汇总.xlsx");
  const path = join(SHOTS, "县汇总.xlsx");
  await download.saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["乡镇汇总", "村级明细", "报送情况", "审核问题"]));
  const names: string[] = [];
  wb.getWorksheet("乡镇汇总")!.eachRow((row) => row.eachCell((cell) => names.push(String(cell.value ?? ""))));
  for (const n of ["东湖镇", "凤鸣乡", "全县合计"]) expect(names).toContain(n);
  console.log(`e2e 汇总 (open, read 11 files, merge, download): ${Date.now() - started} ms`);
  await page.context().close();
}, 90000);

test("检查: a file with errors lists them, errors before warnings, with their cells", async () => {
  const started = Date.now();
  const page = await openPane();
  await page.getByRole("tab", { name: "检查" }).click();
  await page.getByRole("tabpanel").locator('input[type="file"]').setInputFiles([join(SAMPLES, "石桥镇.xlsx"), join(SAMPLES, "东湖镇.xlsx"), join(SAMPLES, "龙泉镇.xlsx")]);
  await page.getByText(/石桥镇\.xlsx：\d+ 个错误/).waitFor({ timeout: 30000 });
  await page.getByText("东湖镇.xlsx：检查通过，没有发现问题。").waitFor();
  const text = await page.getByRole("tabpanel").innerText();
  // Errors come before warnings, each problem with its sheet and cell and a Chinese explanation.
  expect(text.indexOf("错误（必须修改）")).toBeGreaterThan(-1);
  expect(text.indexOf("错误（必须修改）")).toBeLessThan(text.indexOf("警告（请核实"));
  expect(text).toContain("村级集体经济!F8：经营性收入 39.00 大于总收入 30.50，请核对");
  expect(text).toContain("漏报石桥镇前埠村");
  expect(text).toContain("已说明");
  await page.screenshot({ path: join(SHOTS, "检查.png"), fullPage: true });
  console.log(`e2e 检查 (open, read 2 files, validate): ${Date.now() - started} ms`);
  await page.context().close();
}, 90000);

test("设置: the demo county is the default registry, at 30/15", async () => {
  const page = await openPane();
  await page.getByRole("tab", { name: "设置" }).click();
  const panel = page.getByRole("tabpanel");
  await panel.getByText("内置示例县（12 个乡镇，188 个村）").waitFor();
  // Blank thresholds mean the template's standard, shown as the placeholder.
  expect(await panel.locator("input").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).placeholder).filter(Boolean))).toEqual(expect.arrayContaining(["30", "15"]));
  await page.screenshot({ path: join(SHOTS, "设置.png"), fullPage: true });
  await page.context().close();
}, 60000);

test("no request leaves this machine", () => {
  expect(requests.length).toBeGreaterThan(0);
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(outside).toEqual([]);
});
