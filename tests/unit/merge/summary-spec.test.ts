/**
 * A county's own scoring template (written only as data, keys omitted, columns named by header): computed columns filled
 * or checked in validation, and its own summary — every measure kind, the township rank with flags, 后20% and stars, a
 * unit ranking by an expression and one by a composite index, a list and a breakdown — computed by hand here.
 */
import fc from "fast-check";
import { gridFromValues, type Scalar } from "../../../addin/grid";
import { mergeSubmissions, reconcile, summaryTables, summaryToJson, type CountySummary } from "../../../addin/merge";
import { loadTemplate, parseRegistry, TemplateError, type TemplateInput } from "../../../addin/templates";
import { validateGrid, type FileReport } from "../../../addin/validate";

const registry = parseRegistry(
  [
    "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数",
    "339901101,甲镇,339901101201,甲一村,否",
    "339901101,甲镇,339901101202,甲二村,是",
    "339901102,乙镇,339901102201,乙一村,否",
    "339901102,乙镇,339901102202,乙二村,否",
    "339901103,丙镇,339901103201,丙一村,是",
    "339901103,丙镇,339901103202,丙二村,否",
  ].join("\n"),
);

/** 实绩 (two items, max 60/40) + 测评 (votes), 70/30, a grade — keys omitted for the scores, rules by header. */
function scoring(): TemplateInput {
  return {
    id: "scoring",
    name: "书记考核评分表",
    columns: [
      { key: "seq", header: "序号", type: "integer" },
      { key: "code", header: "村代码", type: "code", length: 12, required: true, unique: true, registry: "villageCode" },
      { key: "name", header: "村名称", type: "text", required: true, registry: "villageName" },
      { key: "mode", header: "述职方式", type: "enum", enum: ["大会述职", "书面述职"], required: true },
      { header: "组织建设", type: "number", min: 0, max: 60, required: true },
      { header: "集体经济", type: "number", min: 0, max: 40, required: true },
      { key: "good", header: "好票", type: "integer", min: 0, required: true },
      { key: "poor", header: "差票", type: "integer", min: 0, required: true },
      { key: "perf", header: "实绩得分", type: "number", decimals: 2, compute: { expr: "cappedTotal([{组织建设}, {集体经济}], maxima)", formula: "各项之和" } },
      { key: "vote", header: "测评得分", type: "number", decimals: 2, compute: { expr: "voteScore(good, 0, 0, poor)" } },
      { key: "total", header: "综合得分", type: "number", decimals: 2, compute: { expr: "weighted([perf, vote], weights)" } },
      { key: "grade", header: "等次", type: "enum", enum: ["好", "较好", "一般", "差"], compute: { expr: "grade(total)" } },
    ],
    sequenceColumn: "seq",
    rules: [{ id: "votes", expr: "{好票} + {差票} >= 1", column: "好票", message: "至少要有 1 票" }],
    totals: { missing: "ignore" },
    parameters: { maxima: [60, 40], weights: [0.7, 0.3], goal: 0.5 },
    summary: {
      title: "{county}{year}书记考核汇总表",
      measures: [
        { key: "villages", header: "村数", kind: "registry", of: "villages" },
        { key: "reported", header: "已报", kind: "reported" },
        { key: "live", header: "大会述职", kind: "count", where: '{述职方式} == "大会述职"' },
        { key: "score", header: "综合得分均值", kind: "mean", of: "total" },
        { key: "sum", header: "实绩得分合计", kind: "sum", of: "perf", format: "money" },
        { key: "good", header: "好的占比", kind: "share", where: 'grade == "好"' },
        { key: "liveShare", header: "大会述职占村数", kind: "ratio", numerator: "live", denominator: "villages" },
        { key: "goal", header: "是否达到", kind: "goal", measure: "liveShare", atLeast: "goal" },
        { key: "quota", header: "名额", kind: "target", column: "名额" },
        // Not fixed decimals: summed in floating point, reconciled within a relative tolerance.
        { key: "perfShare", header: "实绩得分率均值", kind: "mean", of: "perf / 100 / 3", hidden: true },
      ],
      rank: { measure: "score", flags: { top: 1, bottom: 1 }, bottomShare: 0.34, stars: [90, 80, 70, 60] },
      unitRankings: [
        { sheet: "书记排名", title: "书记排名", by: "total", header: "综合得分", bottomShare: 0.2, stars: [90, 80, 70, 60], columns: ["述职方式", "等次"] },
        { sheet: "指数", title: "指数", index: { components: ["perf", "vote"], weights: [0.5, 0.5] }, header: "指数" },
      ],
      lists: [{ sheet: "差等次", title: "等次为差的书记", where: 'grade == "差"', columns: ["综合得分"] }],
      breakdowns: [{ sheet: "大会述职率", title: "各项达满分", columns: ["述职方式"], value: "大会述职" }],
    },
  };
}

const HEADER: Scalar[] = ["序号", "村代码", "村名称", "述职方式", "组织建设", "集体经济", "好票", "差票", "实绩得分", "测评得分", "综合得分", "等次"];

function sheet(title: string, rows: Scalar[][]) {
  return gridFromValues("Sheet1", [[title], ["填报单位：" + title.slice(0, 2)], HEADER, ...rows]);
}

const template = loadTemplate(scoring());
const validate = (title: string, rows: Scalar[][]) => validateGrid(sheet(title, rows), `${title}.xlsx`, { template, registry }, "xlsx");

describe("a county's own template: computed columns", () => {
  test("a column key a merged unit already has (source, townshipName …) is refused at load", () => {
    const t = scoring();
    t.columns[3].key = "source";
    expect(() => loadTemplate(t)).toThrow("列键“source”是汇总明细自带的名称");
  });

  test("keys omitted are derived; {表头} in rules and computed columns resolves", () => {
    expect(template.columns.map((c) => c.key)).toEqual(["seq", "code", "name", "mode", "c5", "c6", "good", "poor", "perf", "vote", "total", "grade"]);
  });

  test("blank computed cells are computed (in dependency order); filled ones that agree pass", () => {
    const r = validate("甲镇", [
      [1, "339901101201", "甲一村", "大会述职", 50, 40, 9, 1, null, null, null, null],
      [2, "339901101202", "甲二村", "书面述职", 40, 30, 5, 5, 70, 50, 64, "一般"],
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    // 实绩 90; 测评 (9×100 + 1×0)/10 = 90; 综合 90×0.7 + 90×0.3 = 90 → 好.
    expect(r.rows.at(0).values).toMatchObject({ perf: 90, vote: 90, total: 90, grade: "好" });
    expect(r.rows.at(1).values).toMatchObject({ perf: 70, vote: 50, total: 64, grade: "一般" });
  });

  test("a filled computed cell that disagrees is an error at its cell, naming both values and the formula", () => {
    const r = validate("甲镇", [
      [1, "339901101201", "甲一村", "大会述职", 50, 40, 9, 1, 95, null, null, "较好"],
      [2, "339901101202", "甲二村", "书面述职", 40, 30, 5, 5, null, null, 64.004, null],
    ]);
    const errors = r.issues.filter((i) => i.code === "computed-mismatch");
    expect(errors.map((i) => i.cell)).toEqual(["I4", "L4"]);
    expect(errors[0].message).toBe("Sheet1!I4：实绩得分填写为 95.00，按模板的计算方法（各项之和）应为 90.00。请改正，或留空由系统计算");
    // 综合得分 is computed from the filled (wrong) 实绩 95: 95×0.7 + 27 = 93.5 → 好, so 较好 disagrees.
    expect(errors[1].message).toContain("等次填写为 较好");
    // Within the tolerance (0.01): 64.004 passes.
    expect(r.rows.at(1).hasErrors).toBe(false);
  });

  test("a score above its maximum: the range error, and the totals are not computed from it", () => {
    const r = validate("甲镇", [[1, "339901101201", "甲一村", "大会述职", 70, 40, 9, 1, null, null, null, null]]);
    expect(r.issues.map((i) => `${i.code}@${i.cell}`)).toContain("range@E4");
    expect(r.rows.at(0).values.perf).toBeNull();
  });

  test("template errors: a cycle among computed columns, an unknown header in braces, a wrong arity", () => {
    const t = scoring();
    t.columns[8].compute = { expr: "total + 1" };
    t.rules![0].expr = "{无此列} >= 1";
    t.columns[9].compute = { expr: "voteScore(good)" };
    let messages: string[] = [];
    try {
      loadTemplate(t);
    } catch (e) {
      messages = (e as TemplateError).messages;
    }
    expect(messages).toEqual([
      expect.stringContaining("“{无此列}”不是本模板的表头或同义词"),
      expect.stringContaining("函数 voteScore() 的参数个数不对"),
      expect.stringContaining("计算列互相引用（实绩得分 → 综合得分 → 实绩得分）"),
    ]);
  });
});

function county(): { reports: FileReport[]; summary: CountySummary } {
  const reports = [
    validate("甲镇", [
      [1, "339901101201", "甲一村", "大会述职", 50, 40, 9, 1, null, null, null, null], // 90 / 90 / 90 好
      [2, "339901101202", "甲二村", "书面述职", 40, 30, 5, 5, null, null, null, null], // 70 / 50 / 64 一般
    ]),
    validate("乙镇", [
      [1, "339901102201", "乙一村", "大会述职", 60, 40, 10, 0, null, null, null, null], // 100 / 100 / 100 好
      [2, "339901102202", "乙二村", "大会述职", 30, 20, 1, 9, null, null, null, null], // 50 / 10 / 38 差
    ]),
    validate("丙镇", [
      [1, "339901103201", "丙一村", "书面述职", 55, 35, 8, 2, null, null, null, null], // 90 / 80 / 87 较好
      [2, "339901103202", "丙二村", "大会述职", 45, 35, 7, 3, null, null, null, null], // 80 / 70 / 77 一般
    ]),
  ];
  const summary = mergeSubmissions(reports, { registry, template, targetColumns: { 名额: { "339901101": 2, "339901103": 1 } }, locale: "zh-CN" });
  return { reports, summary };
}

describe("a county's own template: its county summary", () => {
  const { summary: s } = county();
  const [jia, yi, bing] = s.townships;

  test("every measure kind, by hand", () => {
    expect(s.townships.map((tw) => tw.status)).toEqual(["merged", "merged", "merged"]);
    expect(jia).toMatchObject({ villages: 2, reported: 2, live: 1, score: 77, sum: 160, good: 0.5, liveShare: 0.5, goal: 1, quota: 2 });
    expect(yi).toMatchObject({ live: 2, score: 69, sum: 150, good: 0.5, liveShare: 1, goal: 1, quota: null });
    expect(bing).toMatchObject({ live: 1, score: 82, sum: 170, good: 0, liveShare: 0.5, goal: 1, quota: 1 });
    // The county from the units: mean of all six 综合得分 (not the mean of township means), ratios of county parts.
    expect(s.county).toMatchObject({ villages: 6, reported: 6, live: 4, sum: 480, quota: 3, goal: 1 });
    expect(s.county.score).toBeCloseTo((90 + 64 + 100 + 38 + 87 + 77) / 6, 12);
    expect(s.county.good).toBeCloseTo(2 / 6, 12);
    expect(s.county.liveShare).toBeCloseTo(4 / 6, 12);
    expect(reconcile(s)).toEqual([]);
  });

  test("township rank (中国式), flags, 后20% and stars", () => {
    // Means 77, 69, 82 → ranks 2, 3, 1; red to 丙镇, yellow to 乙镇; bottom 34% of 3 = ceil(1.02) = 2 → 甲镇 and 乙镇.
    expect(s.townships.map((tw) => [tw.rank, tw.flag, tw.bottom, tw.stars])).toEqual([
      [2, null, true, 3],
      [3, "yellow", true, 2],
      [1, "red", false, 4],
    ]);
  });

  test("unit rankings: by 综合得分 with 后20% and stars; a composite index scaled 0–100", () => {
    const [byScore, index] = s.unitRankings;
    const name = (i: number) => s.detail.at(i).villageName;
    const entries = Array.from(byScore.unit, (unit, j) => [name(unit), byScore.value[j], byScore.rank[j], byScore.bottom![j] === 1, byScore.stars![j]]);
    expect(entries).toEqual([
      ["乙一村", 100, 1, false, 5],
      ["甲一村", 90, 2, false, 5],
      ["丙一村", 87, 3, false, 4],
      ["丙二村", 77, 4, false, 3],
      ["甲二村", 64, 5, true, 2],
      ["乙二村", 38, 6, true, 1],
    ]);
    // 实绩 50…100 and 测评 10…100 each scaled to 0–100, then 50/50: 乙一村 100, 乙二村 0; 甲一村 (80 + 88.89)/2.
    const byName = new Map(Array.from(index.unit, (unit, j) => [name(unit), index.value[j]]));
    expect(byName.get("乙一村")).toBeCloseTo(100, 9);
    expect(byName.get("乙二村")).toBeCloseTo(0, 9);
    // Ranked and shown to 2 decimals: (80 + 88.888…)/2 = 84.444… → 84.44.
    expect(byName.get("甲一村")).toBe(84.44);
  });

  test("the workbook's tables: 乡镇汇总 headers from the measures, the ranking, list and breakdown sheets", () => {
    const tables = summaryTables(s, { county: "示例县", year: 2026 });
    expect(tables.map((t) => t.name)).toEqual(["乡镇汇总", "村级明细", "书记排名", "指数", "大会述职率", "差等次", "报送情况", "审核问题", "未汇总行"]);
    const tw = tables[0];
    expect(tw.title).toBe("示例县2026年度书记考核汇总表");
    expect(tw.columns.map((c) => c.header)).toEqual([
      "序号", "乡镇", "报送状态", "村数", "已报", "大会述职", "综合得分均值", "实绩得分合计", "好的占比", "大会述职占村数", "是否达到", "名额",
      "综合得分均值排名", "红黄旗", "后34%", "星级", "说明",
    ]);
    expect(tw.rows[2].slice(1, 16)).toEqual(["丙镇", "已汇总", 2, 2, 1, 82, 170, 0, 0.5, "达到", 1, 1, "红旗", null, 4]);
    const list = tables.find((t) => t.name === "差等次")!;
    expect(list.rows).toEqual([[1, "乙镇", "339901102202", "乙二村", 38]]);
    const breakdown = tables.find((t) => t.name === "大会述职率")!;
    expect(breakdown.rows).toEqual([[1, "述职方式", 6, 4, 4 / 6]]);
  });

  test("--json keys the figures by header; a goal is true/false", () => {
    const json = summaryToJson(s);
    expect(json.template).toBe("scoring");
    expect(json.townships[0]).toMatchObject({ township: "甲镇", status: "merged", 村数: 2, 综合得分均值: 77, 是否达到: true, 名额: 2, rank: 2, bottom: true, stars: 3 });
    expect(json.county).toMatchObject({ 已报: 6, 大会述职: 4, 名额: 3 });
  });

  test("rank.statuses: a partial township is ranked when the template says so, and it still reconciles", () => {
    const reports = county().reports;
    // 乙二村 with a score above its maximum: an error row, so 乙镇 is merged partly under allowErrors.
    reports[1] = validate("乙镇", [
      [1, "339901102201", "乙一村", "大会述职", 60, 40, 10, 0, null, null, null, null],
      [2, "339901102202", "乙二村", "大会述职", 70, 20, 1, 9, null, null, null, null],
    ]);
    const byDefault = mergeSubmissions(reports, { registry, template, allowErrors: true, locale: "zh-CN" });
    expect([byDefault.townships[1].status, byDefault.townships[1].rank]).toEqual(["partial", null]);
    const t = scoring();
    t.summary!.rank!.statuses = ["merged", "partial"];
    const s = mergeSubmissions(reports, { registry, template: loadTemplate(t), allowErrors: true, locale: "zh-CN" });
    // 乙镇's mean is its one merged branch's 100: ranked first, then 丙镇 82, 甲镇 77.
    expect(s.townships.map((tw) => [tw.status, tw.score, tw.rank])).toEqual([
      ["merged", 77, 3],
      ["partial", 100, 1],
      ["merged", 82, 2],
    ]);
    expect(reconcile(s)).toEqual([]);
  });

  test("reconcile catches a tampered generic figure, county or township", () => {
    const tampered = county().summary;
    tampered.townships[0].live = 2;
    tampered.county.sum = 480.01;
    const v = reconcile(tampered).map((x) => x.message);
    expect(v).toContain("甲镇的大会述职为 2，但由村级明细计算为 1");
    expect(v).toContain("全县合计的实绩得分合计为 480.01，但各乡镇合计为 480.00");
  });
});

describe("a county's own template: conservation (fast-check)", () => {
  test("any subset of townships and rows with errors: every row merged or rejected once, county = Σ townships, reconciles", () => {
    const score = fc.integer({ min: 0, max: 40 });
    const row = fc.record({ a: score, b: score, good: fc.integer({ min: 0, max: 9 }), poor: fc.integer({ min: 0, max: 9 }), live: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.option(fc.array(row, { minLength: 2, maxLength: 2 }), { nil: undefined }), { minLength: 3, maxLength: 3 }), fc.boolean(), (plans, allowErrors) => {
        const reports: FileReport[] = [];
        plans.forEach((plan, t) => {
          if (!plan) return;
          const tw = registry.townships[t];
          reports.push(
            validate(
              tw.name,
              plan.map((r, i) => [i + 1, tw.villages[i].code, tw.villages[i].name, r.live ? "大会述职" : "书面述职", r.a, r.b, r.good, r.poor, null, null, null, null]),
            ),
          );
        });
        const s = mergeSubmissions(reports, { registry, template, allowErrors, locale: "zh-CN" });
        expect(s.detail.length + s.rejected.length).toBe(reports.reduce((n, r) => n + r.rows.length, 0));
        const merged = s.townships.filter((tw) => tw.status === "merged" || tw.status === "partial");
        expect(s.county.live).toBe(merged.reduce((n, tw) => n + (tw.live as number), 0));
        expect(s.county.reported).toBe(s.detail.length);
        if (s.detail.length) expect(s.county.perfShare).toBeCloseTo(s.detail.toArray().reduce((n, d) => n + (d.perf as number) / 300, 0) / s.detail.length, 12);
        expect(reconcile(s)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
