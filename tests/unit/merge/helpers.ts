import { readFileSync } from "fs";
import { join } from "path";
import { parseRegistry, parseTargets, type Registry, type RegistryTownship, type Targets } from "../../../addin/templates";
import type { DataRow, FileReport, Issue } from "../../../addin/validate";
import { RowTable, statusOf } from "../../../addin/validate";

const DEMO = join(__dirname, "../../../samples/demo-county");

export function demoRegistry(): Registry {
  return parseRegistry(readFileSync(join(DEMO, "registry.csv"), "utf8"));
}

export function demoTargets(registry: Registry): Targets {
  return parseTargets(readFileSync(join(DEMO, "targets.csv"), "utf8"), "targets.csv", registry);
}

export interface RowSpec {
  code: string;
  name?: string;
  weak?: boolean;
  total?: number | null;
  operating?: number | null;
  subsidy?: number | null;
  eliminated?: boolean | null;
  remarks?: string | null;
  hasErrors?: boolean;
}

export function dataRow(row: number, s: RowSpec): DataRow {
  const values: DataRow["values"] = Object.create(null);
  Object.assign(values, {
    seq: row - 4,
    villageCode: s.code,
    villageName: s.name ?? `村${s.code.slice(-3)}`,
    weakBaseline: s.weak ?? false,
    totalIncome: s.total === undefined ? 40 : s.total,
    operatingIncome: s.operating === undefined ? 20 : s.operating,
    subsidyIncome: s.subsidy === undefined ? null : s.subsidy,
    eliminated: s.eliminated === undefined ? (s.weak ? false : null) : s.eliminated,
    eliminatedYear: s.eliminated ? 2023 : null,
    incomePath: "物业经济",
    remarks: s.remarks ?? null,
  });
  return { row, values, hasErrors: !!s.hasErrors };
}

/** A report built by hand: rows start at sheet row 5 (title, 填报单位, two header rows). */
export function report(file: string, township: { code: string; name: string } | undefined, rows: RowSpec[], issues: Issue[] = []): FileReport {
  const data = rows.map((r, i) => dataRow(5 + i, r));
  return { file, format: "xlsx", sheet: "Sheet1", township, status: statusOf(issues), issues, rows: RowTable.from(data) };
}

/**
 * Changes a report's rows as objects (a report holds them as columns): `change` gets them as objects and may edit or
 * add to them, or return other rows; the report then holds those rows, keyed as before (plus any new key).
 */
export function editRows(report: FileReport, change: (rows: DataRow[]) => DataRow[] | void): void {
  const given = report.rows.toArray();
  const rows = change(given) ?? given;
  const keys = new Set(report.rows.keys);
  for (const r of rows) for (const k of Object.keys(r.values)) keys.add(k);
  report.rows = RowTable.from(rows, [...keys]);
}

export function errorIssue(file: string, row: number, message: string, code: Issue["code"] = "range"): Issue {
  return { code, severity: "error", file, sheet: "Sheet1", row, cell: `F${row}`, message };
}

export function warningIssue(file: string, row: number, message: string, explained = false): Issue {
  return { code: "yoy-change", severity: "warning", file, sheet: "Sheet1", row, cell: `G${row}`, message, explained };
}

/**
 * A clean report for a registry township with plausible incomes (deterministic from the village's position):
 * every registry village once; the first `eliminated` baseline villages are 已消薄 (and 达标: ≥ 30 / 15).
 */
export function cleanReport(tw: RegistryTownship, opts: { file?: string; eliminated?: number } = {}): FileReport {
  const file = opts.file ?? `${tw.name}.xlsx`;
  let left = opts.eliminated ?? Math.ceil(tw.villages.filter((v) => v.weakBaseline).length / 2);
  const rows: RowSpec[] = tw.villages.map((v, i) => {
    const k = Number(v.code.slice(-3));
    if (v.weakBaseline) {
      const elim = left-- > 0;
      return elim
        ? { code: v.code, name: v.name, weak: true, total: 30 + (k % 7) + 0.11 * (i % 9), operating: 15 + (k % 5) + 0.07 * (i % 3), eliminated: true }
        : { code: v.code, name: v.name, weak: true, total: 12.3 + (k % 9) * 0.1, operating: 4.56 + (k % 4) * 0.01, eliminated: false };
    }
    return { code: v.code, name: v.name, total: 55.55 + (k % 13) * 1.01, operating: 10 + (k % 17) * 0.73, subsidy: 3.3 };
  });
  return report(file, { code: tw.code, name: tw.name }, rows);
}

/** A four-township registry small enough to compute by hand. */
export const SMALL_REGISTRY_CSV = [
  "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数",
  "339901101,甲镇,339901101201,甲一村,是",
  "339901101,甲镇,339901101202,甲二村,是",
  "339901101,甲镇,339901101203,甲三村,否",
  "339901101,甲镇,339901101204,甲四村,否",
  "339901102,乙镇,339901102201,乙一村,是",
  "339901102,乙镇,339901102202,乙二村,是",
  "339901102,乙镇,339901102203,乙三村,是",
  "339901102,乙镇,339901102204,乙四村,是",
  "339901103,丙镇,339901103201,丙一村,是",
  "339901103,丙镇,339901103202,丙二村,是",
  "339901103,丙镇,339901103203,丙三村,是",
  "339901103,丙镇,339901103204,丙四村,是",
  "339901201,丁乡,339901201201,丁一村,否",
  "339901201,丁乡,339901201202,丁二村,否",
].join("\n");

export const SMALL_TARGETS_CSV = ["乡镇代码,年度消薄任务数", "339901101,2", "339901102,4", "339901103,1"].join("\n");

const JIA = { code: "339901101", name: "甲镇" };
const YI = { code: "339901102", name: "乙镇" };
const BING = { code: "339901103", name: "丙镇" };
const DING = { code: "339901201", name: "丁乡" };

/** The hand-computed case (see the figures in each test). */
export function smallReports() {
  return [
    report("甲镇.xlsx", JIA, [
      { code: "339901101201", weak: true, total: 30.1, operating: 15.2, eliminated: true },
      { code: "339901101202", weak: true, total: 10.2, operating: 3.3, eliminated: false },
      { code: "339901101203", total: 50.15, operating: 0.1 },
      { code: "339901101204", total: 20.2, operating: 16 },
    ]),
    report("乙镇.xlsx", YI, [
      { code: "339901102201", weak: true, total: 35, operating: 20, eliminated: true },
      { code: "339901102202", weak: true, total: 31, operating: 15, eliminated: true },
      { code: "339901102203", weak: true, total: 12, operating: 5, eliminated: false },
      { code: "339901102204", weak: true, total: 8, operating: 2.2, eliminated: false },
    ]),
    report("丙镇.xlsx", BING, [
      { code: "339901103201", weak: true, total: 33.33, operating: 15.01, eliminated: true },
      { code: "339901103202", weak: true, total: 10, operating: 1, eliminated: false },
      { code: "339901103203", weak: true, total: 10, operating: 1, eliminated: false },
      { code: "339901103204", weak: true, total: 10, operating: 1, eliminated: false },
    ]),
    report("丁乡.xlsx", DING, [
      { code: "339901201201", total: 0.1, operating: 0.1 },
      { code: "339901201202", total: 0.2, operating: 0.2 },
    ]),
  ];
}

