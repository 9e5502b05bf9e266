/** A 东湖镇 report built from the demo registry, as a Grid, with knobs to plant errors and warnings. */
import { gridFromValues, type Grid, type Scalar } from "../../../addin/grid";
import { parseRegistry } from "../../../addin/templates";
import { DEMO_REGISTRY_CSV } from "../../../taskpane/demo-county";

export function townshipGrid(code = "339901101", edit: (rows: Scalar[][]) => void = () => {}): Grid {
  const registry = parseRegistry(DEMO_REGISTRY_CSV);
  const tw = registry.townships.find((x) => x.code === code)!;
  const header = ["序号", "村（社区）代码", "村（社区）名称", "是否薄弱村基数", "总收入", "经营性收入", "上级补助收入", "是否已消薄", "消薄年份", "主要增收途径", "备注"];
  const body: Scalar[][] = tw.villages.map((v, i) => [i + 1, v.code, v.name, v.weakBaseline ? "是" : "否", 60, 40, 10, v.weakBaseline ? "是" : "", v.weakBaseline ? 2023 : "", "物业经济", ""]);
  edit(body);
  const sum = (c: number) => Math.round(body.reduce((s, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0) * 100) / 100;
  const rows: Scalar[][] = [[`${tw.name}村级集体经济发展情况统计表（2024年度）`], [`填报单位：${tw.name}（盖章）`, null, null, null, null, null, null, null, null, null, "单位：万元"], header, ...body, ["合计", null, null, null, sum(4), sum(5), sum(6)]];
  return gridFromValues(tw.name, rows);
}
