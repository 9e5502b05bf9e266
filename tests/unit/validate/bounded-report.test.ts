/**
 * A file's report is bounded whatever the file: at most `maxIssuesPerCode` issues of one code (and severity) are
 * listed, the rest stand in one summary issue with their count and range. Properties on junk sheets:
 * - nothing is lost: per code and severity, listed + omitted equals what an unlimited run finds; the file's status,
 *   its error counts and which rows have errors are the same; the summary's range holds every omitted cell;
 * - every output of a 100,000-row junk sheet is small (text report, --json, the county workbook's 审核问题 sheet,
 *   the annotated copy's notes) and nothing throws (a spread of a long array would).
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { gridFromValues, parseAddress, parseRange, type Grid, type Scalar } from "../../../addin/grid";
import { annotateWorkbook } from "../../../addin/io/annotate-workbook";
import { writeSummaryWorkbook } from "../../../addin/io/summary-workbook";
import { mergeSubmissions, summaryTables } from "../../../addin/merge";
import { countIssues, validateGrid, type FileReport, type Issue } from "../../../addin/validate";
import { humanReport, jsonReport } from "../../../cli/commands/validate";
import { ctx, HEADER_SUB, HEADER_TOP, registry } from "./t1";

/** Cell values a careless or broken export puts in a data row, valid ones among them. */
const JUNK: Scalar[] = [
  "abc", "-", "也许", "是", "否", -5, 1e12, "１２", 3.14159, "#N/A", "", null, "339901101201", "339901101299", "339901102201", "X1", 30, 15.5, 2023, "2030",
];

/** A Template 1 sheet of 东湖镇 with `rows` data rows drawn from JUNK by a small PRNG (mulberry32) seeded by `seed`. */
function junkSheet(rows: number, seed: number, junkShare: number): Grid {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const good: Scalar[] = [1, "339901101201", "黄埠村", "否", 52.3, 40.1, 10, null, null, "物业经济", null];
  const values: Scalar[][] = [["东湖镇村级集体经济发展情况统计表（2024年度）"], ["填报单位：东湖镇（盖章）"], HEADER_TOP, HEADER_SUB];
  for (let r = 0; r < rows; r++) values.push(good.map((v, c) => (c === 0 ? r + 1 : rand() < junkShare ? JUNK[Math.floor(rand() * JUNK.length)] : v)));
  return gridFromValues("村级集体经济", values);
}

const kind = (i: Issue) => `${i.code} ${i.severity}`;

function weights(issues: readonly Issue[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of issues) m.set(kind(i), (m.get(kind(i)) ?? 0) + (i.omitted ? i.omitted.count : 1));
  return m;
}

test("nothing is lost: listed + omitted = an unlimited run's issues, per code; same status, counts and error rows", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), fc.double({ min: 0.05, max: 1, noNaN: true }), (limit, seed, share) => {
      const grid = junkSheet(600, seed, share);
      const all = validateGrid(grid, "junk.xlsx", { ...ctx, maxIssuesPerCode: Number.MAX_SAFE_INTEGER }, "xlsx");
      const capped = validateGrid(grid, "junk.xlsx", { ...ctx, maxIssuesPerCode: limit }, "xlsx");
      expect(all.issues.some((i) => i.omitted)).toBe(false);

      const listed = new Map<string, number>();
      for (const i of capped.issues) if (!i.omitted) listed.set(kind(i), (listed.get(kind(i)) ?? 0) + 1);
      for (const n of listed.values()) expect(n).toBeLessThanOrEqual(limit);
      expect(weights(capped.issues)).toEqual(weights(all.issues));
      expect(capped.status).toBe(all.status);
      expect(countIssues(capped.issues)).toEqual(countIssues(all.issues));
      expect(capped.rows.toArray().map((r) => r.hasErrors)).toEqual(all.rows.toArray().map((r) => r.hasErrors));

      // A summary's range holds every omitted cell: the unlimited run's issues of its kind after the first `limit`.
      for (const sum of capped.issues.filter((i) => i.omitted)) {
        expect(sum.message).toContain(`另有 ${sum.omitted!.count.toLocaleString("en-US")} 个同类问题`);
        const same = all.issues.filter((i) => kind(i) === kind(sum));
        const omitted = same.slice(limit).filter((i) => i.cell);
        if (omitted.length === 0) continue;
        const box = parseRange(sum.omitted!.range);
        for (const i of omitted) {
          const { row, col } = parseAddress(i.cell!);
          expect(row >= box.top && row <= box.bottom && col >= box.left && col <= box.right).toBe(true);
        }
      }
    }),
    { numRuns: 25 },
  );
});

/** Sheets of this many rows (the performance target is a 60,000-row sheet). */
const BIG = 100_000;
const MB = 1024 * 1024;

test("every output of a 100,000-row junk sheet is under 2 MB and none throws", async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer(), fc.double({ min: 0.3, max: 1, noNaN: true }), fc.integer({ min: 1, max: 300 }), async (seed, share, limit) => {
      const grid = junkSheet(BIG, seed, share);
      const report: FileReport = validateGrid(grid, "junk.xlsx", { ...ctx, maxIssuesPerCode: limit }, "xlsx");
      const kinds = new Set(report.issues.map(kind)).size;
      expect(report.issues.length).toBeLessThanOrEqual(kinds * (limit + 1));
      const { errors } = countIssues(report.issues);
      expect(errors).toBeGreaterThan(BIG * share * 0.1);

      // The text report (what `xiaobo validate` prints) and --json.
      const text = humanReport([report]);
      expect(Buffer.byteLength(text)).toBeLessThan(2 * MB);
      expect(text).toContain(`错误 ${errors} 个`);
      const json = JSON.stringify({ files: [jsonReport(report)] }, null, 2);
      expect(Buffer.byteLength(json)).toBeLessThan(2 * MB);
      expect(JSON.parse(json).files[0].errors).toBe(errors);

      // The county workbook's 审核问题 sheet.
      const summary = mergeSubmissions([report], { registry, template: ctx.template });
      expect(summary.issues.length).toBeLessThanOrEqual(report.issues.length + 5);
      const bytes = await writeSummaryWorkbook(summaryTables(summary), summary.locale);
      expect(bytes.length).toBeLessThan(2 * MB);

      // The annotated copy: none of the whole sheet (ExcelJS would hold it at ~1.7 KB a cell), with a Chinese reason;
      // of its first rows, one note per listed problem cell and one on the first cell of each omitted range.
      await expect(annotateWorkbook(new Uint8Array(), { file: "junk.xlsx", format: "csv", sheets: [grid] }, report.issues)).rejects.toThrow(
        /^“junk\.xlsx”有 [\d,]+ 个有内容的单元格，超过 100,000 个，生成标注副本会占用过多内存，因此不生成$/,
      );
      const head = gridFromValues(grid.name, grid.rows.slice(0, 8).map((r) => r.map((c) => c?.value ?? null)));
      const annotated = await annotateWorkbook(new Uint8Array(), { file: "junk.xlsx", format: "csv", sheets: [head] }, report.issues);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(annotated.bytes as unknown as ArrayBuffer);
      let notes = 0;
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => void (cell.note ? notes++ : 0)));
      expect(notes).toBeLessThanOrEqual(report.issues.length);
      const summaries = report.issues.filter((i) => i.omitted && i.omitted.range);
      for (const s of summaries) {
        const first = s.omitted!.range.split(":")[0];
        const note = wb.worksheets[0].getCell(first).note as ExcelJS.Comment | string;
        expect(typeof note === "string" ? note : note.texts!.map((x) => x.text).join("")).toContain(s.message);
      }
    }),
    { numRuns: 2 },
  );
}, 120000);
