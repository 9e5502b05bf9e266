/**
 * The =XB.… custom functions: thin wrappers over addin/metrics, so a formula, the validation and the county
 * summary can never disagree. Metadata (functions.json) is generated from these JSDoc comments at build time by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls; the Chinese names and
 * help are in functions-zh-cn.json (held to the generated file by a test).
 */
import { t } from "../addin/i18n";
import * as m from "../addin/metrics";
import { list, numbersOf, num, optBool, optNum, optText, sameShape, yesNo, placeBack, type Matrix } from "./args";
import { excel, excelError } from "./excel-errors";

const METHODS: Record<string, m.RankMethod> = {
  dense: "dense", "中国式": "dense", "中国式排名": "dense",
  competition: "competition", "美式": "competition", "rank.eq": "competition",
  average: "average", "平均": "average", "rank.avg": "average",
  ordinal: "ordinal", "顺序": "ordinal",
};

function toMethod(v: unknown): m.RankMethod {
  const s = optText(v, "dense").toLowerCase();
  const found = METHODS[s];
  if (!found) throw excelError("value", "fn.method", { value: s });
  return found;
}

function standard(totalMin: unknown, operatingMin: unknown, mode?: unknown): m.Standard {
  const md = optText(mode, "and").toLowerCase();
  if (md !== "and" && md !== "or" && md !== "operating") throw excelError("value", "fn.mode", { value: md });
  return { totalMin: optNum(totalMin, "totalMin", 30), operatingMin: optNum(operatingMin, "operatingMin", 15), mode: md };
}

/**
 * 消除率：已消除的薄弱村数 ÷ 薄弱村基数。Either two numbers, or two 是/否 ranges (是否已消薄, 是否薄弱村基数).
 * @customfunction ELIMRATE
 * @param eliminated Number eliminated, or the 是否已消薄 range.
 * @param baseline Baseline count, or the 是否薄弱村基数 range.
 * @returns Elimination rate (a fraction).
 */
export function ELIMRATE(eliminated: any[][], baseline: any[][]): number {
  const single = (x: any[][]) => x.length === 1 && x[0].length === 1 && typeof x[0][0] === "number";
  if (single(eliminated) && single(baseline)) return excel(() => m.eliminationRate(eliminated[0][0], baseline[0][0]));
  sameShape(eliminated, baseline, ["eliminated", "baseline"]);
  let base = 0;
  let done = 0;
  baseline.forEach((row, r) =>
    row.forEach((b, c) => {
      if (yesNo(b, "baseline") !== true) return;
      base++;
      if (yesNo(eliminated[r][c], "eliminated") === true) done++;
    }),
  );
  return excel(() => m.eliminationRate(done, base));
}

/**
 * 任务完成率：已消除数 ÷ 年度消薄任务数。
 * @customfunction TASKRATE
 * @param done Number eliminated this year.
 * @param target The year's target.
 * @returns Task completion rate (a fraction).
 */
export function TASKRATE(done: number, target: number): number {
  return excel(() => m.taskCompletionRate(num(done, "done"), num(target, "target")));
}

/**
 * 达标：总收入 ≥ 总收入标准 且（或）经营性收入 ≥ 经营性收入标准。Ranges spill one TRUE/FALSE per row.
 * @customfunction MEETS
 * @param total 总收入 (万元), a number or a range.
 * @param operating 经营性收入 (万元), same size as total.
 * @param [totalMin] Total income standard, default 30.
 * @param [operatingMin] Operating income standard, default 15.
 * @param [mode] "and" (default), "or", or "operating" (operating income alone).
 * @returns TRUE where the standard is met.
 */
export function MEETS(total: any[][], operating: any[][], totalMin?: number, operatingMin?: number, mode?: string): any[][] {
  sameShape(total, operating, ["total", "operating"]);
  const std = standard(totalMin, operatingMin, mode);
  return total.map((row, r) =>
    row.map((tv, c) => {
      const ov = operating[r][c];
      return typeof tv === "number" && typeof ov === "number" ? m.meetsStandard(tv, ov, std) : "";
    }),
  );
}

/**
 * 村状态：非薄弱村 / 已消薄 / 未消薄（薄弱村基数村当前是否达标）。Spills one label per row.
 * @customfunction STATUS
 * @param baseline 是否薄弱村基数 (是/否).
 * @param total 总收入 (万元).
 * @param operating 经营性收入 (万元).
 * @param [totalMin] Total income standard, default 30.
 * @param [operatingMin] Operating income standard, default 15.
 * @returns 非薄弱村, 已消薄 or 未消薄 per row.
 */
export function STATUS(baseline: any[][], total: any[][], operating: any[][], totalMin?: number, operatingMin?: number): any[][] {
  sameShape(baseline, total, ["baseline", "total"]);
  sameShape(total, operating, ["total", "operating"]);
  const std = standard(totalMin, operatingMin);
  return baseline.map((row, r) =>
    row.map((b, c) => {
      const base = yesNo(b, "baseline");
      const tv = total[r][c];
      const ov = operating[r][c];
      if (base === null) return "";
      if (!base) return t("fn.status.non-weak");
      if (typeof tv !== "number" || typeof ov !== "number") return "";
      return t(`fn.status.${m.villageStatus(true, tv, ov, std)}` as "fn.status.eliminated");
    }),
  );
}

/**
 * 转化率：薄弱村基数中当前已达标的村数 ÷ 薄弱村基数。
 * @customfunction CONVRATE
 * @param baseline 是否薄弱村基数 (是/否).
 * @param total 总收入 (万元).
 * @param operating 经营性收入 (万元).
 * @param [totalMin] Total income standard, default 30.
 * @param [operatingMin] Operating income standard, default 15.
 * @returns Conversion rate (a fraction).
 */
export function CONVRATE(baseline: any[][], total: any[][], operating: any[][], totalMin?: number, operatingMin?: number): number {
  sameShape(baseline, total, ["baseline", "total"]);
  sameShape(total, operating, ["total", "operating"]);
  const std = standard(totalMin, operatingMin);
  const villages: m.VillageIncome[] = [];
  baseline.forEach((row, r) =>
    row.forEach((b, c) => {
      const base = yesNo(b, "baseline");
      const tv = total[r][c];
      const ov = operating[r][c];
      if (base === null || typeof tv !== "number" || typeof ov !== "number") return;
      villages.push({ baseline: base, total: tv, operating: ov });
    }),
  );
  return excel(() => m.conversionRate(villages, std));
}

/**
 * 达标占比：区域中 ≥ 阈值的数字所占比例（空白和文字不计）。
 * @customfunction SHAREABOVE
 * @param values The values.
 * @param threshold The threshold.
 * @returns Share of the numbers ≥ threshold (a fraction).
 */
export function SHAREABOVE(values: any[][], threshold: number): number {
  return excel(() => m.shareAtLeast(list(values), num(threshold, "threshold")));
}

/**
 * 排名：一个数在区域中的名次，默认中国式排名、从大到小。
 * @customfunction RANK
 * @param value The value to rank.
 * @param values The range of values.
 * @param [descending] TRUE (default): largest is 1; FALSE: smallest is 1.
 * @param [method] dense (中国式, default), competition (RANK.EQ), average (RANK.AVG), ordinal.
 * @returns The rank.
 */
export function RANK(value: number, values: any[][], descending?: boolean, method?: string): number {
  const v = num(value, "value");
  return excel(() => m.rankOf(v, list(values), { method: toMethod(method), descending: optBool(descending, true) }), { value: v });
}

/**
 * 排名列：整列的名次，溢出为与原区域同样大小的区域（空白和文字处为空）。
 * @customfunction RANKS
 * @param values The range of values.
 * @param [descending] TRUE (default): largest is 1.
 * @param [method] dense (中国式, default), competition, average, ordinal.
 * @returns Ranks, same shape as values.
 */
export function RANKS(values: any[][], descending?: boolean, method?: string): any[][] {
  const { values: xs, rows, cols } = numbersOf(values);
  const ranks = excel(() => m.rank(xs, { method: toMethod(method), descending: optBool(descending, true) }));
  return placeBack(values, rows, cols, ranks);
}

/**
 * 组内排名：按分组（如所属乡镇）分别排名，溢出为与原区域同样大小的区域。
 * @customfunction GROUPRANK
 * @param values The range of values.
 * @param groups The group of each value (same size).
 * @param [descending] TRUE (default): largest is 1.
 * @param [method] dense (中国式, default), competition, average, ordinal.
 * @returns Ranks within each group, same shape as values.
 */
export function GROUPRANK(values: any[][], groups: any[][], descending?: boolean, method?: string): any[][] {
  sameShape(values, groups, ["values", "groups"]);
  const { values: xs, rows, cols } = numbersOf(values);
  const keys = Array.from(rows, (r, i) => String(groups[r][cols[i]] ?? ""));
  const ranks = excel(() => m.groupRank(xs, keys, { method: toMethod(method), descending: optBool(descending, true) }));
  return placeBack(values, rows, cols, ranks);
}

/**
 * 红黄旗：前若干名红旗、后若干名黄旗（并列均计入），否则为空。
 * @customfunction FLAG
 * @param value The unit's value.
 * @param values All units' values.
 * @param [top] How many ranks get a red flag, default 3.
 * @param [bottom] How many ranks get a yellow flag, default 3.
 * @param [descending] TRUE (default): largest is best.
 * @returns 红旗, 黄旗 or "".
 */
export function FLAG(value: number, values: any[][], top?: number, bottom?: number, descending?: boolean): string {
  const v = num(value, "value");
  const xs = list(values);
  const i = xs.indexOf(v);
  if (i < 0) throw excelError("na", "fn.notInList", { value: v });
  const f = excel(() => m.flags(xs, { top: optNum(top, "top", 3), bottom: optNum(bottom, "bottom", 3), descending: optBool(descending, true) }))[i];
  return f ? t(`fn.flag.${f}`) : "";
}

/**
 * 后段：是否处于排名后若干比例（默认后20%，并列计入）。
 * @customfunction INBOTTOM
 * @param value The unit's value.
 * @param values All units' values.
 * @param [share] The bottom share, default 0.2.
 * @param [descending] TRUE (default): largest is best.
 * @returns TRUE when in the bottom share.
 */
export function INBOTTOM(value: number, values: any[][], share?: number, descending?: boolean): boolean {
  const v = num(value, "value");
  return excel(() => m.inBottomShare(v, list(values), optNum(share, "share", 0.2), optBool(descending, true)), { value: v });
}

/**
 * 民主测评得分：好/较好/一般/差 票数按每票分值加权平均（默认 100/80/60/0）。
 * @customfunction VOTESCORE
 * @param good Votes 好.
 * @param fairlyGood Votes 较好.
 * @param average Votes 一般.
 * @param poor Votes 差.
 * @param [points] Points per grade (4 numbers), default 100, 80, 60, 0.
 * @returns The score.
 */
export function VOTESCORE(good: number, fairlyGood: number, average: number, poor: number, points?: number[][]): number {
  const p = points === null || points === undefined ? undefined : list(points);
  return excel(() => m.voteScore(num(good, "good"), num(fairlyGood, "fairlyGood"), num(average, "average"), num(poor, "poor"), p));
}

/**
 * 考核总分：各项得分之和 + 加分（不超过上限）− 扣分；某项得分超过满分为 #NUM!。
 * @customfunction TOTAL
 * @param scores Item scores.
 * @param maxima Item maximum points (same size).
 * @param [bonus] Bonus points, default 0.
 * @param [bonusCap] Bonus cap, default 5.
 * @param [deduction] Deduction, default 0.
 * @returns The total.
 */
export function TOTAL(scores: any[][], maxima: any[][], bonus?: number, bonusCap?: number, deduction?: number): number {
  sameShape(scores, maxima, ["scores", "maxima"]);
  const s: number[] = [];
  const mx: number[] = [];
  scores.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      s.push(num(v, "scores"));
      mx.push(num(maxima[r][c], "maxima"));
    }),
  );
  return excel(() => m.cappedTotal(s, mx, optNum(bonus, "bonus", 0), optNum(bonusCap, "bonusCap", 5), optNum(deduction, "deduction", 0)));
}

/**
 * 等次：按分数线评定（默认 ≥90 好、≥80 较好、≥60 一般，否则差）。
 * @customfunction GRADE
 * @param score The score.
 * @param [thresholds] Descending thresholds, default 90, 80, 60.
 * @param [labels] One more label than thresholds, default 好, 较好, 一般, 差.
 * @returns The grade.
 */
export function GRADE(score: number, thresholds?: number[][], labels?: string[][]): string {
  const th = thresholds === null || thresholds === undefined ? undefined : list(thresholds);
  const lb = labels === null || labels === undefined ? undefined : labels.flat().filter((x) => x !== null && x !== "").map(String);
  return excel(() => m.grade(num(score, "score"), th, lb));
}

/**
 * 增长率：(本期 − 上期) ÷ |上期|；上期为 0 时 #DIV/0!。
 * @customfunction GROWTH
 * @param current This period.
 * @param previous Last period.
 * @returns Growth rate (a fraction).
 */
export function GROWTH(current: number, previous: number): number {
  return excel(() => m.growthRate(num(current, "current"), num(previous, "previous")));
}
