/**
 * A county's own template that is not Template 1: 村级工作考评表 (tests/e2e/fixtures), three columns (村代码, 村名称,
 * 考评得分) and a summary of its own (参评村数, 平均得分, 优秀村数, 优秀率, ranked by 平均得分), no 达标 parameters.
 * With a report of it for a township of the demo registry, as a Grid.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { gridFromValues, type Grid, type Scalar } from "../../../addin/grid";
import { parseRegistry } from "../../../addin/templates";
import { DEMO_REGISTRY_CSV } from "../../../taskpane/demo-county";

export const REVIEW_TEMPLATE_FILE = "村级工作考评模板.json";
export const REVIEW_TEMPLATE_JSON = readFileSync(join(__dirname, "..", "..", "e2e", "fixtures", REVIEW_TEMPLATE_FILE), "utf8");
export const REVIEW_TEMPLATE_NAME = "村级工作考评表";
/** The measure headers of its 乡镇汇总, in order. */
export const REVIEW_MEASURES = ["村数", "参评村数", "平均得分", "优秀村数", "优秀率"];

export function reviewGrid(code = "339901101", edit: (rows: Scalar[][]) => void = () => {}): Grid {
  const tw = parseRegistry(DEMO_REGISTRY_CSV).townships.find((x) => x.code === code)!;
  const body: Scalar[][] = tw.villages.map((v, i) => [v.code, v.name, 80 + ((i * 7) % 20)]);
  edit(body);
  return gridFromValues("村级工作考评", [[`${tw.name}村级工作考评表（2024年度）`], [`填报单位：${tw.name}`], ["村代码", "村名称", "考评得分"], ...body]);
}
