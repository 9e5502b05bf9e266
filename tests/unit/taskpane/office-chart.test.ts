/**
 * The chart the pane draws into Excel with the summary sheets (taskpane/office/summary-sheets.ts, ExcelApi 1.1 only):
 * the tables as engine.summaryTables makes them from a real merge of the demo county's township files, written on
 * the Office mock (tests/unit/taskpane/mock-excel.ts, office-addin-mock).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { mergeSubmissions, type CountySummary } from "../../../addin/merge";
import { builtinTemplate, parseRegistry, parseTargets } from "../../../addin/templates";
import { makeValidator } from "../../../cli/validate-file";
import { summaryTables } from "../../../taskpane/engine";
import { ALL_CAPABILITIES } from "../../../taskpane/office/capabilities";
import { writeSummarySheets, type SheetTable } from "../../../taskpane/office/summary-sheets";
import { MockExcel } from "./mock-excel";

const ROOT = join(__dirname, "..", "..", "..");
const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
const targets = parseTargets(readFileSync(join(ROOT, "samples", "demo-county", "targets.csv"), "utf8"), "targets.csv", registry);
const template = builtinTemplate("village-economy");

let summary: CountySummary;
let tables: SheetTable[];
beforeAll(async () => {
  const validate = makeValidator({ template, registry });
  const dir = join(ROOT, "samples", "submissions");
  const reports = await Promise.all(readdirSync(dir).sort().map((f) => validate({ path: join(dir, f), name: f })));
  summary = mergeSubmissions(reports, { registry, targets, template, locale: "zh-CN" });
  tables = await summaryTables(summary, { registry, targets, template } as Parameters<typeof summaryTables>[1]);
}, 60000);

test("乡镇汇总 carries the chart: 消除率 of the ranked townships in rank order, flags kept", () => {
  const chart = tables[0].chart!;
  expect(tables[0].name).toBe("乡镇汇总");
  expect(tables.slice(1).every((t) => !t.chart)).toBe(true);
  expect(chart.headers).toEqual(["乡镇", "消除率"]);
  expect(chart.format).toBe("0.0%");
  const ranked = summary.townships.filter((tw) => tw.rank !== null).sort((a, b) => a.rank! - b.rank! || summary.townships.indexOf(a) - summary.townships.indexOf(b));
  expect(chart.points).toEqual(ranked.map((tw) => ({ name: tw.name, value: tw.eliminationRate, flag: tw.flag })));
  expect(chart.points.some((p) => p.flag === "red") && chart.points.some((p) => p.flag === "yellow")).toBe(true);
});

test("writeSummarySheets draws it with ExcelApi 1.1 calls: a column chart below the table, its figures in rank order under it, flagged bars coloured", async () => {
  const xl = new MockExcel();
  xl.addSheet("Sheet1", [["x"]]);
  const res = await writeSummarySheets(xl.context, tables, { caps: { autofit: false } });
  expect(res.kind).toBe("written");
  expect(xl.syncs).toBe(2);
  const sheet = xl.sheet("乡镇汇总");
  const chart = tables[0].chart!;
  expect(sheet.charts).toHaveLength(1);
  const drawn = sheet.charts![0];
  // The chart's source: under the chart (22 rows from the second row below the table), 乡镇 and 消除率, header + a row per bar.
  const top = tables[0].rows.length + 2 + 22 + 1; // 1-based row of the data's header
  expect(drawn).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", source: `乡镇汇总!A${top}:B${top + chart.points.length}`, title: "各乡镇消除率（按排名，红色为红旗、黄色为黄旗）", legendVisible: false, showValue: true });
  expect([sheet.cells.get(`A${top}`)?.value, sheet.cells.get(`B${top}`)?.value]).toEqual(["乡镇", "消除率"]);
  chart.points.forEach((p, i) => {
    expect(sheet.cells.get(`A${top + 1 + i}`)?.value).toBe(p.name);
    expect(sheet.cells.get(`B${top + 1 + i}`)).toMatchObject({ value: p.value, format: "0.0%" });
  });
  expect(Object.fromEntries(drawn.pointFills)).toEqual(Object.fromEntries(chart.points.flatMap((p, i) => (p.flag ? [[i, p.flag === "red" ? "#FF0000" : "#FFC000"]] : []))));
  // Below the table: its top row is the second after the last row written, and the table's rows are untouched.
  expect(drawn.position).toEqual([`A${tables[0].rows.length + 2}`, expect.stringMatching(new RegExp(`^[A-Z]${tables[0].rows.length + 23}$`))]);
  for (let r = tables[0].rows.length + 1; r < top; r++) expect([r, sheet.cells.has(`A${r}`), sheet.cells.has(`B${r}`)]).toEqual([r, false, false]);
});

test("writing again over the same sheets replaces the old chart, never stacks a second", async () => {
  const xl = new MockExcel();
  xl.addSheet("Sheet1", [["x"]]);
  await writeSummarySheets(xl.context, tables, { caps: ALL_CAPABILITIES });
  expect((await writeSummarySheets(xl.context, tables, { caps: ALL_CAPABILITIES })).kind).toBe("conflict");
  await writeSummarySheets(xl.context, tables, { overwrite: true, caps: ALL_CAPABILITIES });
  expect(xl.sheet("乡镇汇总").charts).toHaveLength(1);
  expect(xl.calls.get("charts.add")).toBe(2);
});
