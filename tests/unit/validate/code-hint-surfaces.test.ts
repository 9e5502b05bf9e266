/**
 * The code hint ("村名册中东湖镇“黄埠村”的代码是 339901101201") reaches every surface a clerk reads: the text report,
 * --json, the county workbook's 审核问题 sheet and the annotated copy's note.
 */
import ExcelJS from "exceljs";
import { annotateWorkbook } from "../../../addin/io/annotate-workbook";
import { mergeSubmissions, summaryTables } from "../../../addin/merge";
import { validateGrid } from "../../../addin/validate";
import { humanReport, jsonReport } from "../../../cli/commands/validate";
import { ctx, registry, sheet, villages } from "./t1";

const HINT = "村级集体经济!B5：村代码 339901101299 不在县村名册中；村名册中东湖镇“黄埠村”的代码是 339901101201，请改为 339901101201。";

test("the hint is in the text report, --json, the 审核问题 sheet and the annotated copy", async () => {
  const rows = villages();
  rows[0][1] = "339901101299";
  const grid = sheet({ rows });
  const report = validateGrid(grid, "东湖镇.xlsx", ctx, "xlsx");
  expect(report.issues.map((i) => i.message)).toContain(HINT);

  expect(humanReport([report])).toContain(HINT);
  expect(JSON.stringify(jsonReport(report))).toContain(JSON.stringify(HINT).slice(1, -1));
  const issuesSheet = summaryTables(mergeSubmissions([report], { registry, template: ctx.template })).find((t) => t.key === "issues")!;
  expect(issuesSheet.rows.some((r) => r.includes(HINT))).toBe(true);

  const copy = await annotateWorkbook(new Uint8Array(), { file: "东湖镇.xlsx", format: "csv", sheets: [grid] }, report.issues);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.bytes as unknown as ArrayBuffer);
  const note = wb.worksheets[0].getCell("B5").note as ExcelJS.Comment | string;
  expect(typeof note === "string" ? note : note.texts!.map((x) => x.text).join("")).toContain(HINT);
});
