import { mergeSubmissions, reconcile, summaryToJson, UnitTable, type CountySummary, type MergedVillage, type Violation } from "../../../addin/merge";
import { parseRegistry, parseTargets, type Registry } from "../../../addin/templates";
import { SHAREABOVE } from "../../../functions/functions";
import {
  cleanReport,
  demoRegistry,
  editRows,
  demoTargets,
  errorIssue,
  report,
  SMALL_REGISTRY_CSV,
  SMALL_TARGETS_CSV,
  smallReports,
  warningIssue,
} from "./helpers";

const small = parseRegistry(SMALL_REGISTRY_CSV);
const smallTargets = parseTargets(SMALL_TARGETS_CSV, "targets.csv", small);

const smallSummary = (opts: Partial<Parameters<typeof mergeSubmissions>[1]> = {}) =>
  mergeSubmissions(smallReports(), { registry: small, targets: smallTargets, locale: "zh-CN", ...opts });

const byName = (s: CountySummary, name: string) => s.townships.find((tw) => tw.name === name)!;
const cents = (x: number) => Math.round(x * 100);

describe("mergeSubmissions: figures computed by hand", () => {
  const s = smallSummary();

  test("per township: 消除率, 任务完成率, counts and money", () => {
    const jia = byName(s, "甲镇");
    expect(jia).toMatchObject({ status: "merged", villages: 4, reported: 4, weakBaseline: 2, eliminated: 1, eliminationRate: 0.5, target: 2, taskCompletionRate: 0.5 });
    expect(jia.totalIncome).toBe(110.65);
    expect(jia.operatingIncome).toBe(34.6);
    expect(jia.atThreshold).toBe(2);
    expect(jia.atThresholdShare).toBe(0.5);
    expect(byName(s, "乙镇")).toMatchObject({ weakBaseline: 4, eliminated: 2, eliminationRate: 0.5, taskCompletionRate: 0.5, totalIncome: 86, operatingIncome: 42.2, atThreshold: 2 });
    expect(byName(s, "丙镇")).toMatchObject({ eliminated: 1, eliminationRate: 0.25, target: 1, taskCompletionRate: 1, totalIncome: 63.33, operatingIncome: 18.01, atThreshold: 1, atThresholdShare: 0.25 });
    // No baseline: no rate, no rank; no target: no completion rate. 0.1 + 0.2 summed in cents is exactly 0.3.
    expect(byName(s, "丁乡")).toMatchObject({ weakBaseline: 0, eliminationRate: null, target: null, taskCompletionRate: null, rank: null, flag: null, totalIncome: 0.3, operatingIncome: 0.3 });
  });

  test("中国式排名 of 消除率: 0.5, 0.5, 0.25 → 1, 1, 2", () => {
    expect(s.townships.map((tw) => tw.rank)).toEqual([1, 1, 2, null]);
  });

  test("flags: ties share the red flag; yellow to the bottom", () => {
    const f = smallSummary({ flagTop: 1, flagBottom: 1 });
    expect(f.townships.map((tw) => tw.flag)).toEqual(["red", "red", "yellow", null]);
  });

  test("全县合计 from the villages, not from the township rates", () => {
    expect(s.county).toMatchObject({ villages: 14, reported: 14, weakBaseline: 10, eliminated: 4, target: 7, totalIncome: 260.28, operatingIncome: 95.11, atThreshold: 5 });
    expect(s.county.eliminationRate).toBe(0.4); // not (0.5 + 0.5 + 0.25) / 3
    expect(s.county.taskCompletionRate).toBeCloseTo(4 / 7, 12);
    expect(s.county.averageOperatingIncome).toBeCloseTo(95.11 / 14, 12);
    expect(s.county.atThresholdShare).toBeCloseTo(5 / 14, 12);
  });

  test("threshold comes from the options, else the template's operatingMin, else 15", () => {
    expect(s.operatingThreshold).toBe(15);
    expect(smallSummary({ operatingThreshold: 16 }).townships[0].atThreshold).toBe(1);
    const template = { parameters: { operatingMin: 3 } } as unknown as Parameters<typeof mergeSubmissions>[1]["template"];
    expect(smallSummary({ template }).operatingThreshold).toBe(3);
  });

  test("detail in registry order with the 乡镇 of each village, and it reconciles", () => {
    expect(s.detail.toArray().map((d) => d.villageCode)).toEqual(small.townships.flatMap((tw) => tw.villages.map((v) => v.code)));
    expect(s.detail.at(4)).toMatchObject({ townshipName: "乙镇", villageName: "乙一村", weakBaseline: true, countedEliminated: true, source: { file: "乙镇.xlsx", row: 5 } });
    expect(s.rejected).toEqual([]);
    expect(reconcile(s)).toEqual([]);
  });

  test("files in any order give the same summary", () => {
    const reversed = mergeSubmissions(smallReports().reverse(), { registry: small, targets: smallTargets, locale: "zh-CN" });
    expect(summaryToJson(reversed).townships).toEqual(summaryToJson(s).townships);
    // The same detail; only each row's input position differs.
    const withoutIndex = (d: CountySummary["detail"]) => d.toArray().map((x) => ({ ...x, source: { ...x.source, fileIndex: -1 } }));
    expect(withoutIndex(reversed.detail)).toEqual(withoutIndex(s.detail));
    expect(reversed.detail.toArray().map((d) => reversed.files[d.source.fileIndex].file)).toEqual(s.detail.toArray().map((d) => d.source.file));
  });
});

describe("mergeSubmissions: policy", () => {
  const registry: Registry = demoRegistry();
  const targets = demoTargets(registry);
  const [dongHu, xiShan, nanXi] = registry.townships;
  const clean = () => registry.townships.map((tw) => cleanReport(tw));
  const merge = (reports: ReturnType<typeof clean>, allowErrors = false) =>
    mergeSubmissions(reports, { registry, targets, allowErrors, locale: "zh-CN" });
  const inputRows = (reports: ReturnType<typeof clean>) => reports.reduce((n, r) => n + r.rows.length, 0);

  test("the clean demo county merges completely and reconciles", () => {
    const reports = clean();
    const s = merge(reports);
    expect(s.townships.every((tw) => tw.status === "merged")).toBe(true);
    expect(s.detail.length).toBe(188);
    expect(s.county.villages).toBe(188);
    expect(s.rejected).toEqual([]);
    expect(s.rejectedFiles).toEqual([]);
    expect(reconcile(s)).toEqual([]);
  });

  test("a file with errors is not merged: 未通过审核 with its error count, every row rejected", () => {
    const reports = clean();
    const bad = reports[1];
    bad.issues.push(errorIssue(bad.file, 6, "F6：经营性收入大于总收入"), errorIssue(bad.file, 7, "F7：总收入不能为空", "required"), warningIssue(bad.file, 8, "警告"));
    bad.rows.hasErrors[1] = 1;
    bad.rows.hasErrors[2] = 1;
    bad.status = "errors";
    const s = merge(reports);
    const tw = s.townships[1];
    expect(tw).toMatchObject({ name: xiShan.name, status: "failed", failure: "errors", errorCount: 2, warningCount: 1, reported: 0, rejectedRows: xiShan.villages.length, eliminationRate: null, taskCompletionRate: null, rank: null, flag: null });
    // Nothing was merged: blank figures, not zeros that look real.
    expect([tw.eliminated, tw.totalIncome, tw.operatingIncome, tw.subsidyIncome, tw.averageOperatingIncome, tw.atThreshold, tw.atThresholdShare]).toEqual([null, null, null, null, null, null, null]);
    expect(tw.target).toBe(targets[xiShan.code]); // the task stands
    expect(tw.files).toEqual([bad.file]);
    const rows = s.rejected.filter((r) => r.file === bad.file);
    expect(rows.length).toBe(xiShan.villages.length);
    expect(rows.every((r) => r.reason.startsWith("文件未通过审核") && r.reason.includes("2 个错误"))).toBe(true);
    expect(s.rejectedFiles).toEqual([{ file: bad.file, outcome: "failed", reason: rows[0].reason }]);
    expect(s.files[1]).toMatchObject({ outcome: "failed", errorCount: 2, warningCount: 1, mergedRows: 0, rejectedRows: xiShan.villages.length });
    // The failed township still counts in the county's villages, baseline and target; its money and 已消除数 are not there.
    expect(s.county.villages).toBe(188);
    expect(s.county.reported).toBe(188 - xiShan.villages.length);
    const all = merge(clean());
    expect(s.county.weakBaseline).toBe(all.county.weakBaseline);
    expect(s.county.target).toBe(all.county.target);
    expect(s.county.eliminated).toBe(all.county.eliminated - (all.townships[1].eliminated as number));
    expect(cents(s.county.totalIncome)).toBe(cents(all.county.totalIncome) - cents(all.townships[1].totalIncome as number));
    expect(reconcile(s)).toEqual([]);
  });

  test("allowErrors: rows without errors merged, rows with errors rejected with their messages; the township is partial", () => {
    const reports = clean();
    const bad = reports[1];
    bad.issues.push(errorIssue(bad.file, 6, "Sheet1!F6：经营性收入大于总收入"), errorIssue(bad.file, 6, "Sheet1!E6：是否薄弱村基数与村名册不符", "registry-mismatch"));
    bad.issues.push(errorIssue(bad.file, 9, "Sheet1!C9：村名称不能为空", "required"));
    bad.rows.hasErrors[1] = 1; // row 6
    bad.rows.hasErrors[4] = 1; // row 9
    bad.status = "errors";
    const s = merge(reports, true);
    const tw = s.townships[1];
    expect(tw).toMatchObject({ status: "partial", errorCount: 3, reported: xiShan.villages.length - 2, rejectedRows: 2 });
    // Its figures are what was merged (the rate is over its whole baseline), but it is not ranked or flagged.
    const rows = s.detail.toArray().filter((d) => d.townshipCode === xiShan.code);
    expect(tw.eliminated).toBe(rows.filter((d) => d.countedEliminated).length);
    expect(tw.eliminationRate).toBe((tw.eliminated as number) / tw.weakBaseline);
    expect(cents(tw.operatingIncome as number)).toBe(rows.reduce((n, d) => n + cents(d.operatingIncome), 0));
    expect([tw.rank, tw.flag]).toEqual([null, null]);
    expect(s.townships.filter((x) => x.status === "merged").every((x) => x.rank !== null)).toBe(true);
    // The 全县合计 counts what was merged, the partial township's villages included.
    expect(s.county.reported).toBe(188 - 2);
    const rejected = s.rejected.filter((r) => r.file === bad.file);
    expect(rejected.map((r) => r.row)).toEqual([6, 9]);
    expect(rejected[0].reason).toBe("该行有错误：Sheet1!F6：经营性收入大于总收入；Sheet1!E6：是否薄弱村基数与村名册不符");
    expect(rejected[1].reason).toContain("村名称不能为空");
    expect(s.files[1].outcome).toBe("merged-with-errors");
    expect(s.rejectedFiles).toEqual([]);
    expect(reconcile(s)).toEqual([]);
  });

  test("allowErrors with rankPartial: the partial township is ranked too", () => {
    const reports = clean();
    const bad = reports[1];
    bad.issues.push(errorIssue(bad.file, 6, "错"));
    bad.rows.hasErrors[1] = 1;
    bad.status = "errors";
    const s = mergeSubmissions(reports, { registry, targets, allowErrors: true, rankPartial: true, locale: "zh-CN" });
    expect(s.townships[1].status).toBe("partial");
    expect(s.townships[1].rank).not.toBeNull();
    expect(reconcile(s)).toEqual([]);
  });

  test("allowErrors, a file whose only error is not on a row (合计不符): every row merged, still partial", () => {
    const reports = clean();
    const bad = reports[2];
    bad.issues.push({ code: "total-mismatch", severity: "error", file: bad.file, message: "合计不符" });
    bad.status = "errors";
    const s = merge(reports, true);
    expect(s.townships[2]).toMatchObject({ status: "partial", reported: nanXi.villages.length, rejectedRows: 0, rank: null });
    expect(reconcile(s)).toEqual([]);
  });

  test("a registry township without a file is 未报送", () => {
    const reports = clean().filter((r) => r.township!.code !== nanXi.code);
    const s = merge(reports);
    const tw = s.townships[2];
    expect(tw).toMatchObject({ name: nanXi.name, status: "missing", failure: null, files: [], reported: 0, rejectedRows: 0, eliminationRate: null, rank: null });
    expect([tw.eliminated, tw.totalIncome, tw.operatingIncome, tw.atThreshold, tw.averageOperatingIncome]).toEqual([null, null, null, null, null]);
    expect(tw.villages).toBe(nanXi.villages.length);
    // County rate: over the whole registry baseline, the missing township's villages not eliminated.
    expect(s.county.weakBaseline).toBe(registry.townships.flatMap((t) => t.villages).filter((v) => v.weakBaseline).length);
    expect(s.county.eliminationRate).toBe(s.county.eliminated / s.county.weakBaseline);
    expect(reconcile(s)).toEqual([]);
  });

  test("two files for one township: both rejected, an issue names the other file, no silent pick", () => {
    const reports = clean();
    const second = cleanReport(dongHu, { file: "东湖镇（修改版）.xlsx" });
    reports.push(second);
    const s = merge(reports);
    const tw = s.townships[0];
    expect(tw).toMatchObject({ status: "failed", failure: "duplicate", reported: 0, rank: null });
    expect(tw.files).toEqual(["东湖镇.xlsx", "东湖镇（修改版）.xlsx"]);
    const dup = s.issues.filter((i) => i.code === "duplicate-township");
    expect(dup.map((i) => i.file)).toEqual(["东湖镇.xlsx", "东湖镇（修改版）.xlsx"]);
    expect(dup[0].message).toContain("东湖镇（修改版）.xlsx");
    expect(dup[1].message).toContain("东湖镇.xlsx");
    expect(dup.every((i) => i.severity === "error")).toBe(true);
    expect(s.rejected.filter((r) => r.township === "东湖镇").length).toBe(2 * dongHu.villages.length);
    expect(s.rejectedFiles.map((f) => f.outcome)).toEqual(["duplicate", "duplicate"]);
    expect(s.detail.toArray().some((d) => d.townshipCode === dongHu.code)).toBe(false);
    expect(reconcile(s)).toEqual([]);
  });

  test("two files for one township with the same base name in different folders: the issues name both paths", () => {
    // The CLI makes FileReport.file the relative path when base names clash; the merge uses it as given.
    const reports = clean().filter((r) => r.township!.code !== dongHu.code);
    reports.unshift(cleanReport(dongHu, { file: "第一批/东湖镇.xlsx" }), cleanReport(dongHu, { file: "第二批/东湖镇.xlsx" }));
    const s = merge(reports);
    expect(s.townships[0]).toMatchObject({ status: "failed", failure: "duplicate", files: ["第一批/东湖镇.xlsx", "第二批/东湖镇.xlsx"] });
    const dup = s.issues.filter((i) => i.code === "duplicate-township");
    expect(dup.map((i) => i.message)).toEqual([
      "第一批/东湖镇.xlsx：与 第二批/东湖镇.xlsx 同为东湖镇的报表，无法确定以哪一份为准，均未汇总。请确认有效的一份后只提交一份。",
      "第二批/东湖镇.xlsx：与 第一批/东湖镇.xlsx 同为东湖镇的报表，无法确定以哪一份为准，均未汇总。请确认有效的一份后只提交一份。",
    ]);
    expect(s.rejectedFiles.map((f) => f.reason)).toEqual([
      "东湖镇重复报送（第一批/东湖镇.xlsx、第二批/东湖镇.xlsx），两份都未汇总",
      "东湖镇重复报送（第一批/东湖镇.xlsx、第二批/东湖镇.xlsx），两份都未汇总",
    ]);
    expect(s.rejected.filter((r) => r.file === "第一批/东湖镇.xlsx")).toHaveLength(dongHu.villages.length);
    expect(s.rejected.filter((r) => r.file === "第二批/东湖镇.xlsx")).toHaveLength(dongHu.villages.length);
    expect(reconcile(s)).toEqual([]);
  });

  test("two inputs with the very same file name: still named apart (by input position) and conserved row by row", () => {
    const reports = clean().filter((r) => r.township!.code !== dongHu.code);
    reports.unshift(cleanReport(dongHu), cleanReport(dongHu));
    const s = merge(reports);
    const dup = s.issues.filter((i) => i.code === "duplicate-township");
    expect(dup[0].message).toContain("与 东湖镇.xlsx（第 2 个输入文件） 同为东湖镇的报表");
    expect(dup[1].message).toContain("东湖镇.xlsx（第 2 个输入文件）：与 东湖镇.xlsx（第 1 个输入文件） 同为");
    expect(s.rejected.map((r) => r.fileIndex).filter((i) => i < 2)).toEqual([...Array(dongHu.villages.length).fill(0), ...Array(dongHu.villages.length).fill(1)]);
    expect(reconcile(s)).toEqual([]);
    // reconcile() tells the two apart: a row of the first moved to the second is caught.
    s.rejected[0].fileIndex = 1;
    expect(reconcile(s).length).toBeGreaterThan(0);
  });

  test("a file whose township is unknown or outside the registry is rejected (unknown-township)", () => {
    const reports = clean();
    const nobody = report("无名.xlsx", undefined, [{ code: "339901101201" }]);
    const stranger = report("外县某镇.xlsx", { code: "339902101", name: "外县镇" }, [{ code: "339902101201" }, { code: "339902101202" }]);
    const s = merge([...reports, nobody, stranger]);
    expect(s.rejectedFiles.map((f) => [f.file, f.outcome])).toEqual([["无名.xlsx", "unknown-township"], ["外县某镇.xlsx", "unknown-township"]]);
    const issues = s.issues.filter((i) => i.code === "unknown-township");
    expect(issues.map((i) => i.file)).toEqual(["无名.xlsx", "外县某镇.xlsx"]);
    expect(issues[1].message).toContain("339902101");
    expect(s.rejected.filter((r) => r.file === "外县某镇.xlsx").map((r) => r.villageCode)).toEqual(["339902101201", "339902101202"]);
    // 东湖镇's own file is untouched by the stray one that names one of its villages.
    expect(s.townships[0].status).toBe("merged");
    expect(s.county.reported).toBe(188);
    expect(reconcile(s)).toEqual([]);
  });

  test("validation's own unknown-township issue is not doubled", () => {
    const nobody = report("无名.xlsx", undefined, [], [{ code: "unknown-township", severity: "error", file: "无名.xlsx", message: "无法确定" }]);
    const s = merge([nobody]);
    expect(s.issues.filter((i) => i.code === "unknown-township").length).toBe(1);
  });

  test("an unreadable file is listed with its reason", () => {
    const reports = clean();
    const broken = report("照片.jpg", undefined, [], [{ code: "unreadable", severity: "error", file: "照片.jpg", message: "照片.jpg 不是电子表格文件" }]);
    const s = merge([...reports, broken]);
    expect(s.rejectedFiles).toEqual([{ file: "照片.jpg", outcome: "unreadable", reason: "文件无法读取：照片.jpg 不是电子表格文件" }]);
    expect(s.files.at(-1)).toMatchObject({ file: "照片.jpg", outcome: "unreadable", townshipCode: null });
    expect(s.issues.at(-1)!.code).toBe("unreadable");
    expect(reconcile(s)).toEqual([]);
  });

  test("an unreadable file that is a township's only file: the township is failed, not missing", () => {
    const reports = clean().filter((r) => r.township!.code !== nanXi.code);
    const broken = report("南溪镇.xlsx", { code: nanXi.code, name: nanXi.name }, [], [{ code: "unreadable", severity: "error", file: "南溪镇.xlsx", message: "文件已损坏" }]);
    const s = merge([...reports, broken]);
    expect(s.townships[2]).toMatchObject({ status: "failed", failure: "unreadable", files: ["南溪镇.xlsx"] });
  });

  test("a village in two files is counted once: its own township's row is merged, the other rejected", () => {
    const reports = clean();
    const neighbour = xiShan.villages[0];
    const own = reports[1].rows.toArray().find((r) => r.values.villageCode === neighbour.code)!;
    editRows(reports[0], (rows) => void rows.push({ ...own, row: 99, values: { ...own.values } })); // slipped through 东湖镇's validation
    const s = merge(reports);
    expect(s.detail.toArray().filter((d) => d.villageCode === neighbour.code)).toHaveLength(1);
    expect(s.detail.toArray().find((d) => d.villageCode === neighbour.code)!.source.file).toBe("西山镇.xlsx");
    const rej = s.rejected.find((r) => r.file === "东湖镇.xlsx" && r.row === 99)!;
    expect(rej.reason).toContain(`属于${xiShan.name}`);
    expect(rej.reason).toContain("西山镇.xlsx 第 5 行");
    expect(s.townships[0].reported).toBe(dongHu.villages.length);
    expect(s.townships[1].reported).toBe(xiShan.villages.length);
    expect(s.county.reported).toBe(188);
    expect(s.detail.length + s.rejected.length).toBe(inputRows(reports));
    expect(reconcile(s)).toEqual([]);
  });

  test("the same village twice in one file (without errors) is rejected both times", () => {
    const reports = clean();
    const first = reports[0].rows.at(0);
    editRows(reports[0], (rows) => void rows.push({ ...first, row: 40, values: { ...first.values, totalIncome: 99 } }));
    const s = merge(reports);
    expect(s.detail.toArray().some((d) => d.villageCode === first.values.villageCode)).toBe(false);
    const rej = s.rejected.filter((r) => r.villageCode === first.values.villageCode);
    expect(rej.map((r) => r.row)).toEqual([5, 40]);
    expect(rej[0].reason).toContain("重复出现");
    expect(reconcile(s)).toEqual([]);
  });

  test("rows without a usable code or number, or outside the registry, are rejected with a reason", () => {
    const reports = clean();
    editRows(reports[0], (rows) => {
      rows.push(
        { row: 50, values: { villageCode: null, totalIncome: 1, operatingIncome: 1 }, hasErrors: false },
        { row: 51, values: { villageCode: "339901101999", totalIncome: 1, operatingIncome: 1 }, hasErrors: false },
      );
      rows[0].values.totalIncome = null;
    });
    const s = merge(reports);
    const reasons = Object.fromEntries(s.rejected.map((r) => [r.row, r.reason]));
    expect(reasons[5]).toBe("总收入不是有效数字");
    expect(reasons[50]).toContain("缺少有效的村代码");
    expect(reasons[51]).toBe("村代码 339901101999 不在村名册中");
    expect(reconcile(s)).toEqual([]);
  });

  test("the baseline is the registry's: a file cannot add a village to it", () => {
    const reports = clean();
    const nonWeak = dongHu.villages.find((v) => !v.weakBaseline)!;
    editRows(reports[0], (rows) => {
      const row = rows.find((r) => r.values.villageCode === nonWeak.code)!;
      row.values.weakBaseline = true;
      row.values.eliminated = true;
    });
    const before = merge(clean()).townships[0];
    const s = merge(reports);
    expect(s.townships[0].weakBaseline).toBe(before.weakBaseline);
    expect(s.townships[0].eliminated).toBe(before.eliminated);
    expect(s.detail.toArray().find((d) => d.villageCode === nonWeak.code)).toMatchObject({ weakBaseline: false, countedEliminated: false });
  });

  test("messages follow the locale", () => {
    const reports = clean();
    reports.push(cleanReport(dongHu, { file: "copy.xlsx" }));
    const s = mergeSubmissions(reports, { registry, targets, locale: "en-US" });
    expect(s.rejected[0].reason).toContain("sent more than one file");
  });
});

describe("summaryToJson", () => {
  test("shape, rates as fractions, null where undefined", () => {
    const json = summaryToJson(smallSummary());
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["townships", "county", "rejected"]));
    expect(json.townships[0]).toEqual(
      expect.objectContaining({
        township: "甲镇",
        code: "339901101",
        status: "merged",
        villages: 4,
        reported: 4,
        weakBaseline: 2,
        eliminated: 1,
        eliminationRate: 0.5,
        target: 2,
        taskCompletionRate: 0.5,
        totalIncome: 110.65,
        operatingIncome: 34.6,
        rank: 1,
      }),
    );
    expect(json.townships[3]).toMatchObject({ eliminationRate: null, taskCompletionRate: null, target: null, rank: null });
    expect(json.county).toEqual(expect.objectContaining({ villages: 14, weakBaseline: 10, eliminated: 4, eliminationRate: 0.4, totalIncome: 260.28, operatingIncome: 95.11 }));
    expect(typeof json.county.eliminationRate).toBe("number");
    // Survives JSON and has no undefined holes.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  test("missing and failed townships, and rejected rows", () => {
    const reports = smallReports();
    reports[1].issues.push(errorIssue("乙镇.xlsx", 5, "错"));
    reports[1].status = "errors";
    const json = summaryToJson(mergeSubmissions(reports.slice(0, 2), { registry: small, targets: smallTargets, locale: "zh-CN" }));
    expect(json.townships.map((t) => t.status)).toEqual(["merged", "failed", "missing", "missing"]);
    expect(json.rejected).toHaveLength(4);
    expect(json.rejected[0]).toEqual({ code: "row-file-rejected", file: "乙镇.xlsx", sheet: "Sheet1", row: 5, villageCode: "339901102201", reason: expect.stringContaining("文件未通过审核") });
  });
});

/** The words of reconcile()'s violations (each also has its code). */
const messages = (v: readonly Violation[]) => v.map((x) => x.message);

describe("reconcile finds tampering", () => {
  // `f` tampers with the summary, its units as objects (`detail`): the summary is checked with them as they are then.
  const tamper = (f: (s: CountySummary, detail: MergedVillage[]) => void) => {
    const s = smallSummary();
    const detail = s.detail.toArray();
    f(s, detail);
    s.detail = UnitTable.from(detail, s.detail.keys);
    return messages(reconcile(s));
  };
  test("an untouched summary reconciles", () => expect(reconcile(smallSummary())).toEqual([]));
  test("a township total off by one cent", () => {
    const v = tamper((s) => (s.townships[0].totalIncome = 110.66));
    expect(v.length).toBeGreaterThan(0);
    expect(v.join("\n")).toContain("甲镇");
  });
  test("a county total off by one cent", () => expect(tamper((s) => (s.county.operatingIncome = 95.12))).not.toEqual([]));
  test("a dropped detail row", () => expect(tamper((_, detail) => detail.pop())).not.toEqual([]));
  test("a row both merged and rejected", () =>
    expect(tamper((s, detail) => s.rejected.push({ ...detail[0].source, code: "row-errors", villageCode: detail[0].villageCode, township: "甲镇", reason: "x" }))).not.toEqual([]));
  test("a rejected row without a reason", () => {
    const reports = smallReports();
    reports[0].issues.push(errorIssue("甲镇.xlsx", 5, "错"));
    const s = mergeSubmissions(reports, { registry: small, targets: smallTargets, locale: "zh-CN" });
    expect(reconcile(s)).toEqual([]);
    s.rejected[0].reason = " ";
    expect(reconcile(s)).toHaveLength(1);
  });
  test("a failed or missing township given real-looking zeros", () => {
    const reports = smallReports().slice(0, 3);
    reports[2].issues.push(errorIssue("丙镇.xlsx", 5, "错"));
    const s = mergeSubmissions(reports, { registry: small, targets: smallTargets, locale: "zh-CN" });
    expect(s.townships.map((tw) => tw.status)).toEqual(["merged", "merged", "failed", "missing"]);
    expect(reconcile(s)).toEqual([]);
    s.townships[2].eliminated = 0;
    s.townships[3].totalIncome = 0;
    const v = messages(reconcile(s));
    expect(v).toContain("丙镇未汇总，但已消除数为 0（应为空）");
    expect(v).toContain("丁乡未汇总，但总收入合计为 0.00（应为空）");
  });
  test("a partial township ranked, or an incomplete one called merged", () => {
    const reports = smallReports();
    reports[1].issues.push(errorIssue("乙镇.xlsx", 5, "错"));
    reports[1].rows.hasErrors[0] = 1;
    const s = mergeSubmissions(reports, { registry: small, targets: smallTargets, allowErrors: true, locale: "zh-CN" });
    expect(s.townships[1]).toMatchObject({ status: "partial", reported: 3, rejectedRows: 1, rank: null });
    expect(reconcile(s)).toEqual([]);
    s.townships[1].rank = 1;
    expect(reconcile(s)).toEqual([{ code: "reconcile-township", message: "乙镇未完整汇总（partial），却有排名或红黄旗" }]);
    s.townships[1].rank = null;
    s.townships[1].status = "merged";
    expect(reconcile(s)).toEqual([{ code: "reconcile-township", message: "乙镇标为“已汇总”，但只汇总了 3/4 个村（应为“部分汇总”）" }]);
  });
  test("county 村均经营性收入, ≥-threshold count and share, 年度任务数 and 任务完成率", () => {
    // 95.11 万元 over 14 villages; even a rounding-sized drift is caught.
    const avg = 9511 / 14 / 100;
    expect(tamper((s) => (s.county.averageOperatingIncome = avg + 1e-9))).toEqual([
      `全县合计的村均经营性收入为 ${avg + 1e-9}，但各乡镇合计为 ${avg}`,
      `全县合计的村均经营性收入为 ${avg + 1e-9}，但由村级明细计算为 ${avg}`,
    ]);
    expect(tamper((s) => (s.county.atThreshold! += 1)).join("\n")).toContain("全县合计的经营性收入≥15万元村数为 6，但各乡镇合计为 5");
    expect(tamper((s) => (s.county.atThresholdShare = 0.5))).toEqual(["全县合计的占比为 0.5，但由村级明细计算为 0.35714285714285715"]);
    expect(tamper((s) => (s.county.target = 8)).join("\n")).toContain("全县合计的年度任务数为 8，但各乡镇合计为 7");
    expect(tamper((s) => (s.county.taskCompletionRate = 0.5)).length).toBe(2);
    // A township's ≥-threshold count, share, 村均 and 任务完成率 against its villages.
    expect(tamper((s) => (s.townships[0].atThreshold = 3)).join("\n")).toContain("甲镇的经营性收入≥15万元村数为 3，但由村级明细计算为 2");
    expect(tamper((s) => (s.townships[0].atThresholdShare = 0.75))).not.toEqual([]);
    expect(tamper((s) => (s.townships[0].averageOperatingIncome = 8.66))).not.toEqual([]);
    expect(tamper((s) => (s.townships[0].taskCompletionRate = 1))).not.toEqual([]);
  });
  test("the summary's share is =XB.SHAREABOVE's over the same villages", () => {
    const s = smallSummary();
    for (const tw of s.townships) {
      const values = s.detail.toArray().filter((d) => d.townshipCode === tw.code).map((d) => [d.operatingIncome]);
      expect(tw.atThresholdShare).toBe(SHAREABOVE(values, s.operatingThreshold));
    }
    expect(s.county.atThresholdShare).toBe(SHAREABOVE(s.detail.toArray().map((d) => [d.operatingIncome]), s.operatingThreshold));
  });
  test("a village counted twice", () => expect(tamper((_, detail) => detail.push({ ...detail[0], source: { ...detail[0].source, row: 77 } }))).not.toEqual([]));
  test("a wrong 已消除数 or 消除率", () => {
    expect(tamper((s) => (s.townships[2].eliminated = 2))).not.toEqual([]);
    expect(tamper((s) => (s.townships[2].eliminationRate = 0.5))).not.toEqual([]);
    expect(tamper((s) => (s.county.eliminationRate = 0.41))).not.toEqual([]);
  });
});
