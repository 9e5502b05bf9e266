/** The pane counts issues as the engine does, omitted ones included (IssueList keeps its own copy of the count). */
import { gridFromValues, type Scalar } from "../../../addin/grid";
import { countIssues, validateGrid } from "../../../addin/validate";
import { countIssues as paneCount } from "../../../taskpane/app/IssueList";
import { ctx, HEADER_SUB, HEADER_TOP } from "../validate/t1";

test("errors and unexplained warnings, listed or counted in a summary, are the engine's counts", () => {
  const values: Scalar[][] = [["东湖镇村级集体经济发展情况统计表（2024年度）"], ["填报单位：东湖镇（盖章）"], HEADER_TOP, HEADER_SUB];
  for (let i = 0; i < 300; i++) values.push([i + 1, `X${i}`, `村${i}`, "也许", "abc", 1.23456, -1, "?", "y", null, i % 2 ? "新建厂房出租，租金增加" : null]);
  for (const limit of [1, 7, 1000]) {
    const report = validateGrid(gridFromValues("村级集体经济", values), "f.xlsx", { ...ctx, maxIssuesPerCode: limit }, "xlsx");
    expect([limit, report.issues.some((i) => i.omitted)]).toEqual([limit, limit < 300]);
    expect(paneCount(report)).toEqual(countIssues(report.issues));
  }
});
