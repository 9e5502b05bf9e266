/** An in-memory Template 1 sheet (东湖镇, 4 villages) laid out like a real submission, and a small registry. */
import { gridFromValues, type Grid, type Range, type Scalar } from "../../../addin/grid";
import { builtinTemplate, parseRegistry, type Registry } from "../../../addin/templates";
import type { ValidateContext } from "../../../addin/validate";

export const registry: Registry = parseRegistry(
  [
    "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数",
    "339901101,东湖镇,339901101201,黄埠村,否",
    "339901101,东湖镇,339901101202,后口村,否",
    "339901101,东湖镇,339901101210,小口村,是",
    "339901101,东湖镇,339901101213,长桥村,是",
    "339901102,西山镇,339901102201,上村,否",
    "339901102,西山镇,339901102202,下村,是",
  ].join("\n"),
);

export const template = builtinTemplate("village-economy");
export const ctx: ValidateContext = { template, registry };

export const HEADER_TOP: Scalar[] = ["序号", "村（社区）代码", "村（社区）名称", "是否薄弱村基数", "集体经济收入", null, null, "是否已消薄", "消薄年份", "主要增收途径", "备注"];
export const HEADER_SUB: Scalar[] = [null, null, null, null, "总收入", "经营性收入", "上级补助收入", null, null, null, null];

/** Data rows: A 序号, B 代码, C 名称, D 基数, E 总收入, F 经营性, G 补助, H 已消薄, I 年份, J 途径, K 备注 (sheet rows 5–8). */
export function villages(): Scalar[][] {
  return [
    [1, "339901101201", "黄埠村", "否", 52.3, 40.1, 10, null, null, "物业经济", null],
    [2, "339901101202", "后口村", "否", 20, 12, 8, null, null, "其他", null],
    [3, "339901101210", "小口村", "是", 35, 18, 10, "是", 2023, "入股分红", null],
    [4, "339901101213", "长桥村", "是", 22, 10, 12, "否", null, "乡村旅游", null],
  ];
}

export const TWO_LEVEL_MERGES: Range[] = [
  { top: 0, left: 0, bottom: 0, right: 10 },
  ...[0, 1, 2, 3, 7, 8, 9, 10].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
  { top: 2, left: 4, bottom: 2, right: 6 },
];

export interface SheetOptions {
  rows?: Scalar[][];
  /** The 合计 row; computed from `rows` by default; null for none. */
  total?: Scalar[] | null;
  footer?: boolean;
  name?: string;
  extra?: Partial<Grid>;
}

export function totalRow(rows: Scalar[][]): Scalar[] {
  const sum = (c: number) => Math.round(rows.reduce((s, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0) * 100) / 100;
  return ["合计", null, null, null, sum(4), sum(5), sum(6), null, null, null, null];
}

/** Title (row 1), 填报单位 (row 2), two-level header (rows 3–4), data from row 5, 合计, footer. */
export function sheet(opts: SheetOptions = {}): Grid {
  const rows = opts.rows ?? villages();
  const values: Scalar[][] = [
    ["东湖镇村级集体经济发展情况统计表（2024年度）"],
    ["填报单位：东湖镇（盖章）", null, null, null, null, null, null, "填报日期：2025-01-10", null, null, "单位：万元"],
    HEADER_TOP,
    HEADER_SUB,
    ...rows,
  ];
  const total = opts.total === undefined ? totalRow(rows) : opts.total;
  if (total) values.push(total);
  if (opts.footer !== false) values.push(["填表人：张三", null, null, "审核人：李四", null, null, "联系电话：0570-1234567"]);
  return gridFromValues(opts.name ?? "村级集体经济", values, { merges: TWO_LEVEL_MERGES, ...opts.extra });
}

/** Codes and cells of a report's issues, as compact strings "code@cell" (or "code" when no cell), sorted. */
export function codes(issues: { code: string; cell?: string }[]): string[] {
  return issues.map((i) => (i.cell ? `${i.code}@${i.cell}` : i.code)).sort();
}
