/**
 * The county workbook's data cells carry no reference after the first of each row (addin/io/sheet-rows.ts: `r` is
 * optional, ECMA-376 Part 1 §18.3.1.4, and leaving it out makes the sheets a third smaller and deflate three times
 * better). Each cell must still land in its own column for the spreadsheets and scripts that read it: LibreOffice
 * (it re-saves the workbook; SheetJS reads what it saved, where every cell has its reference) and openpyxl (the reader
 * pandas uses), cell for cell against the summary's tables, marked cells and all.
 */
import { execFileSync, spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as XLSX from "@e965/xlsx";
import { writeSummaryWorkbook } from "../../addin/io";
import { mergeSubmissions, summaryTables } from "../../addin/merge";
import type { SummaryTable, TableCell } from "../../addin/grid";
import { builtinTemplate, parseRegistry, parseTargets } from "../../addin/templates";
import { makeValidator } from "../../cli/validate-file";

const ROOT = join(__dirname, "..", "..");
const PYTHON = "/usr/bin/python3";

let tables: SummaryTable[];
let dir: string;
beforeAll(async () => {
  const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
  const targets = parseTargets(readFileSync(join(ROOT, "samples", "demo-county", "targets.csv"), "utf8"), "targets.csv", registry);
  const template = builtinTemplate("village-economy");
  const validate = makeValidator({ template, registry });
  const folder = join(ROOT, "samples", "submissions");
  const reports = await Promise.all(readdirSync(folder).sort().map((f) => validate({ path: join(folder, f), name: f })));
  const summary = mergeSubmissions(reports, { registry, template, targets, locale: "zh-CN" });
  tables = summaryTables(summary, { county: "示例县" });
  dir = mkdtempSync(join(tmpdir(), "xiaobo-readers-"));
  writeFileSync(join(dir, "county.xlsx"), await writeSummaryWorkbook(tables, summary.locale));
}, 60000);

/** A table's data rows as a reader should give them: a blank (or non-finite) cell is null. */
const expected = (table: SummaryTable) =>
  table.rows.map((row) => row.map((v: TableCell) => (typeof v === "number" ? (Number.isFinite(v) ? v : null) : typeof v === "string" ? v : null)));
/** Sheet row (0-based) of a table's first data row: under the title, the note when there is one, and the header. */
const firstRow = (table: SummaryTable) => (table.note === null ? 2 : 3);

test("the data rows of the written sheets carry a reference on their first cell only", () => {
  const zip = XLSX.CFB.read(readFileSync(join(dir, "county.xlsx")), { type: "buffer" });
  const xml = Buffer.from(XLSX.CFB.find(zip, "/xl/worksheets/sheet2.xml")!.content as Uint8Array).toString("utf8");
  const rows = [...xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)].filter(([, n]) => Number(n) > firstRow(tables[1]));
  expect(rows.length).toBe(tables[1].rows.length);
  for (const [, n, cells] of rows) expect([...cells.matchAll(/<c( r="[A-Z]+\d+")?/g)].map((m) => m[1] ?? "")).toEqual(
    tables[1].columns.map((_, k) => (k === 0 ? ` r="A${n}"` : "")),
  );
});

test("LibreOffice reads every cell in its column: re-saved by it, the sheets hold the tables cell for cell", () => {
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "lo"), join(dir, "county.xlsx")], {
    timeout: 120000,
    stdio: "pipe",
  });
  const wb = XLSX.read(readFileSync(join(dir, "lo", "county.xlsx")), { type: "buffer" });
  expect(wb.SheetNames).toEqual(tables.map((t) => t.name));
  for (const table of tables) {
    const grid = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[table.name], { header: 1, raw: true, defval: null, blankrows: true });
    // LibreOffice saves numbers to 15 significant digits (0.5185185185185185 as 0.518518518518519): a number that close
    // to the table's is the table's.
    const want = expected(table);
    const data = grid
      .slice(firstRow(table), firstRow(table) + table.rows.length)
      .map((r, i) => table.columns.map((_, k) => {
        const [got, w] = [r[k] ?? null, want[i]?.[k]];
        return typeof got === "number" && typeof w === "number" && Math.abs(got - w) <= 1e-14 * Math.max(1, Math.abs(w)) ? w : got;
      }));
    expect([table.name, data]).toEqual([table.name, want]);
  }
}, 180000);

const haveOpenpyxl = spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
// CI installs python3-openpyxl (.ci/run); a developer's machine without it is told, not silently passed.
(haveOpenpyxl || process.env.CI ? test : test.skip)("openpyxl reads every cell in its column (the reader pandas uses)", () => {
  const script = [
    "import json, sys, openpyxl",
    "wb = openpyxl.load_workbook(sys.argv[1])",
    "print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False))",
  ].join("\n");
  const sheets = JSON.parse(execFileSync(PYTHON, ["-c", script, join(dir, "county.xlsx")], { encoding: "utf8", maxBuffer: 64 << 20 })) as Record<string, unknown[][]>;
  expect(Object.keys(sheets)).toEqual(tables.map((t) => t.name));
  for (const table of tables) {
    const data = sheets[table.name].slice(firstRow(table), firstRow(table) + table.rows.length).map((r) => table.columns.map((_, k) => r[k] ?? null));
    expect([table.name, data]).toEqual([table.name, expected(table)]);
  }
}, 60000);
