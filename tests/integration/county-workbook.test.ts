/**
 * The county workbook at a glance (addin/io/summary-chart.ts, addin/io/summary-print.ts): for every built-in template,
 * merged from its demo submissions (samples/), the 乡镇汇总 sheet carries a native column chart of the template's
 * ranked measure, bars in rank order, flagged townships coloured; every sheet is set up to print landscape, one page
 * wide, with its title rows repeated and page numbers in the footer; the detail and issue sheets have autofilters.
 * Read back with ExcelJS and SheetJS, and rendered by LibreOffice (soffice --convert-to pdf, then poppler's pdftotext
 * and pdftoppm): the chart is drawn on the first page. With XIAOBO_SCREENSHOTS=docs that page's image goes to
 * docs/screenshots/county-chart.png.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { writeSummaryWorkbook } from "../../addin/io";
import { measureHeader, mergeSubmissions, summaryTables, type CountySummary } from "../../addin/merge";
import { builtinTemplate, compileTemplate, parseRegistry, parseTargets } from "../../addin/templates";
import { makeValidator } from "../../cli/validate-file";

const ROOT = join(__dirname, "..", "..");
const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
const targets = parseTargets(readFileSync(join(ROOT, "samples", "demo-county", "targets.csv"), "utf8"), "targets.csv", registry);
const TEMPLATES: [string, string][] = [["village-economy", "submissions"], ["party-review", "party-review"], ["model-village", "model-village"]];
const ARTIFACTS = join(ROOT, "tests", "e2e", ".artifacts");

async function countySummary(id: string, dir: string): Promise<CountySummary> {
  const template = builtinTemplate(id);
  const validate = makeValidator({ template, registry });
  const folder = join(ROOT, "samples", dir);
  const reports = await Promise.all(readdirSync(folder).sort().map((f) => validate({ path: join(folder, f), name: f })));
  return mergeSubmissions(reports, { registry, template, targets: id === "village-economy" ? targets : undefined, locale: "zh-CN" });
}

/** A part of the .xlsx package as text (SheetJS's zip reader). */
function part(bytes: Uint8Array, name: string): string {
  const zip = XLSX.CFB.read(bytes, { type: "array" });
  const entry = XLSX.CFB.find(zip, `/${name}`);
  if (!entry) throw new Error(`${name} is not in the package`);
  return Buffer.from(entry.content as Uint8Array).toString("utf8");
}

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);
const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe.each(TEMPLATES)("%s: the 乡镇汇总 chart", (id, dir) => {
  let summary: CountySummary;
  let bytes: Uint8Array;
  beforeAll(async () => {
    summary = await countySummary(id, dir);
    bytes = await writeSummaryWorkbook(summaryTables(summary, { county: "示例县" }), summary.locale);
  }, 60000);

  test("columns of the ranked measure in rank order, flagged bars red/yellow, and the series' cells hold the cached figures", async () => {
    const rank = compileTemplate(summary.template).summary.rank!;
    expect(rank).toBeDefined();
    const measure = measureHeader(rank.measure, summary);
    const xml = part(bytes, "xl/charts/chart1.xml");
    expect(xml).toContain("<c:barChart><c:barDir val=\"col\"/>");
    expect(xml).toContain(`各乡镇${measure}（按排名`);
    const [catXml, valXml] = [xml.slice(xml.indexOf("<c:cat>"), xml.indexOf("</c:cat>")), xml.slice(xml.indexOf("<c:val>"), xml.indexOf("</c:val>"))];
    const names = all(catXml, /<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g);
    const values = all(valXml, /<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g).map(Number);

    // Expected, from the merge itself: every ranked township, by rank (ties in the table's order).
    const ranked = summary.townships.map((tw, i) => ({ tw, i })).filter(({ tw }) => tw.rank !== null).sort((a, b) => a.tw.rank! - b.tw.rank! || a.i - b.i);
    expect(ranked.length).toBeGreaterThan(3);
    expect(names).toEqual(ranked.map(({ tw }) => tw.name));
    expect(values).toEqual(ranked.map(({ tw }) => tw[rank.measure.spec.key]));
    for (let k = 1; k < values.length; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]); // a higher rank never has a lower figure

    // Flagged bars: a data point of the flag's colour, and no other bar coloured.
    const dpts = [...xml.matchAll(/<c:dPt><c:idx val="(\d+)"\/>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map((m) => [Number(m[1]), m[2]]);
    const flagged = ranked.map(({ tw }, k) => (tw.flag ? [k, tw.flag === "red" ? "FF0000" : "FFC000"] : null)).filter(Boolean);
    expect(dpts).toEqual(flagged);
    if (id === "village-economy") expect(flagged.length).toBeGreaterThan(0);

    // The series refers to the sheet's own cells: read them back and they are the cached names and figures.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("乡镇汇总")!;
    const refs = (f: string) => all(unescape(f), /'乡镇汇总'!\$([A-Z]+\$\d+)/g).map((r) => ws.getCell(r.replace("$", "")).value);
    expect(refs(all(catXml, /<c:f>([^<]*)<\/c:f>/g)[0])).toEqual(names);
    expect(refs(all(valXml, /<c:f>([^<]*)<\/c:f>/g)[0])).toEqual(values);
    // The drawing is the sheet's, anchored below the table (its last row is 全县合计).
    expect(part(bytes, "xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    const from = Number(all(part(bytes, "xl/drawings/drawing1.xml"), /<xdr:from><xdr:col>0<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)[0]);
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === "全县合计") totalRow = n;
    });
    expect(from).toBe(totalRow + 1); // 0-based: one blank row below 全县合计
  });
});

describe("village-economy: print setup and filters", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const s = await countySummary("village-economy", "submissions");
    bytes = await writeSummaryWorkbook(summaryTables(s, { county: "示例县" }), s.locale);
  }, 60000);

  test("ExcelJS reads every sheet as landscape, one page wide, title rows repeated, page numbers in the footer; filters on 村级明细 and 审核问题", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(6);
    for (const ws of wb.worksheets) {
      // The header row is the last frozen row: the title (and the note) above it repeat with it on every page.
      const header = (ws.views[0] as { ySplit?: number }).ySplit!;
      expect([2, 3]).toContain(header);
      expect([ws.name, ws.pageSetup]).toMatchObject([ws.name, { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: `1:${header}` }]);
      expect(ws.headerFooter.oddFooter).toBe("&L&A&C第 &P 页，共 &N 页");
    }
    const detail = wb.getWorksheet("村级明细")!;
    expect(detail.autoFilter).toBe(`A3:${detail.getColumn(detail.columnCount).letter}${3 + 159}`); // 159 merged villages below the header
    const issues = wb.getWorksheet("审核问题")!;
    expect(issues.autoFilter).toMatch(new RegExp(`^A\\d:[A-Z]+${issues.rowCount}$`));
    expect(wb.getWorksheet("乡镇汇总")!.autoFilter).toBeUndefined();
  });

  test("SheetJS reads the same defined names and filters", () => {
    const wb = XLSX.read(bytes, { type: "array" });
    const names = wb.Workbook!.Names!;
    for (const [i, name] of wb.SheetNames.entries()) {
      const titles = names.filter((n) => n.Name === "_xlnm.Print_Titles" && n.Sheet === i);
      expect([name, titles.map((n) => n.Ref)]).toEqual([name, [expect.stringMatching(new RegExp(`^'${name}'!\\$1:\\$[23]$`))]]);
    }
    expect(wb.Sheets["村级明细"]["!autofilter"]?.ref).toMatch(/^A3:[A-Z]+162$/);
    expect(wb.Sheets["审核问题"]["!autofilter"]?.ref).toMatch(/^A\d:[A-Z]+\d+$/);
    expect(names.filter((n) => n.Name === "_xlnm._FilterDatabase").map((n) => wb.SheetNames[n.Sheet!]).sort()).toEqual(["审核问题", "村级明细"].sort());
  });

  test("LibreOffice renders the chart on the first printed page", () => {
    const dir = mkdtempSync(join(tmpdir(), "xiaobo-render-"));
    const xlsx = join(dir, "county.xlsx");
    writeFileSync(xlsx, bytes);
    // Its own profile, so a LibreOffice the user has open (or another test run) does not block this one.
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: 120000, stdio: "pipe" });
    const pdf = join(dir, "county.pdf");
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", "-layout", pdf, "-"], { encoding: "utf8" });
    // The chart's title and axis titles, and its bars' labels: the townships in rank order after the title.
    expect(text).toContain("各乡镇消除率（按排名，红色为红旗、黄色为黄旗）");
    const chart = text.slice(text.indexOf("各乡镇消除率（按排名"));
    const axis = chart.split("\n").find((l) => l.includes("青石镇") && l.includes("白云乡"))!;
    expect(axis.trim().split(/\s+/)).toEqual(["青石镇", "东湖镇", "南溪镇", "桃源镇", "北岭乡", "西山镇", "金沙镇", "清水镇", "龙泉镇", "白云乡"]);
    expect(chart).toMatch(/80\.0%/);
    expect(text).toMatch(/第 1 页，共 \d+ 页/);
    // The page as an image: the unflagged bars are the only Office-blue pixels on it.
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "100", "-png", "-singlefile", pdf, join(dir, "page1")]);
    execFileSync("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", "-singlefile", pdf, join(dir, "page1")]);
    const ppm = readFileSync(join(dir, "page1.ppm"));
    const [, w, h] = ppm.subarray(0, 20).toString("latin1").match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!.map(Number);
    const data = ppm.subarray(ppm.length - w * h * 3);
    let blue = 0;
    for (let p = 0; p < data.length; p += 3) if (Math.abs(data[p] - 0x44) < 24 && Math.abs(data[p + 1] - 0x72) < 24 && Math.abs(data[p + 2] - 0xc4) < 24) blue++;
    expect(blue).toBeGreaterThan(200);
    const shots = process.env.XIAOBO_SCREENSHOTS === "docs" ? join(ROOT, "docs", "screenshots") : ARTIFACTS;
    mkdirSync(shots, { recursive: true });
    copyFileSync(join(dir, "page1.png"), join(shots, "county-chart.png"));
  }, 180000);
});
