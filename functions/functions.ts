/**
 * The =XB.… custom functions: thin wrappers over addin/metrics, so a formula, the validation and the county
 * summary can never disagree. Metadata (functions.json) is generated from these JSDoc comments at build time by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls; the Chinese names and
 * help are in functions-zh-cn.json (held to the generated file by a test).
 */
import { RANK_METHOD_WORDS, t } from "../addin/i18n";
import * as m from "../addin/metrics";
import { argsOf } from "./arg-names";
import { list, numbersOf, num, optDescending, optNum, optText, sameShape, yesNo, placeBack, type Matrix } from "./args";
import { excel, excelError } from "./excel-errors";

const METHODS: Record<string, m.RankMethod> = {
  dense: "dense", competition: "competition", "rank.eq": "competition", average: "average", "rank.avg": "average", ordinal: "ordinal",
  ...RANK_METHOD_WORDS,
};

/** A number Excel passed in a range (blanks, text and TRUE/FALSE are not). */
function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function toMethod(v: unknown): m.RankMethod {
  const s = optText(v, "dense").toLowerCase();
  const found = METHODS[s];
  if (!found) throw excelError("value", "fn.method", { value: s });
  return found;
}

function standard(totalMin: unknown, operatingMin: unknown, names: [string, string], mode?: unknown): m.Standard {
  const md = optText(mode, "and").toLowerCase();
  if (md !== "and" && md !== "or" && md !== "operating") throw excelError("value", "fn.mode", { value: md });
  return { totalMin: optNum(totalMin, names[0], m.DEFAULT_STANDARD.totalMin), operatingMin: optNum(operatingMin, names[1], m.DEFAULT_STANDARD.operatingMin), mode: md };
}

/**
 * What an ELIMRATE range holds: "counts" (numbers only, blanks allowed), "yesNo" (是/否, TRUE/FALSE, Y/N text or
 * logicals, where 1/0 may stand for 是/否), or "empty". A 是/否 range with any other number is ambiguous: #VALUE!.
 */
function elimKind(x: Matrix, name: string): { kind: "counts" | "yesNo" | "empty"; onlyZeroOne: boolean } {
  let text = false;
  let numbers = false;
  let other: unknown = undefined;
  for (const row of x)
    for (const v of row) {
      if (v === null || v === undefined || v === "") continue;
      if (typeof v === "number") {
        numbers = true;
        if (v !== 0 && v !== 1 && other === undefined) other = v;
      } else text = true;
    }
  if (text && other !== undefined) throw excelError("value", "fn.elimAmbiguous", { name, value: String(other) });
  return { kind: text ? "yesNo" : numbers ? "counts" : "empty", onlyZeroOne: other === undefined };
}

/**
 * 消除率：已消除的薄弱村数 ÷ 薄弱村基数. Two kinds of arguments:
 *  - numbers (two cells, or two ranges of counts such as one row per township): Σ eliminated ÷ Σ baseline. A row with
 *    more eliminated than its baseline, or a negative count, is #NUM! (a 消除率 above 100% is impossible).
 *  - two 是/否 columns (是否已消薄, 是否薄弱村基数), one row per village: villages 是 in both ÷ villages 是 in the
 *    baseline; an eliminated 是 outside the baseline is not counted. 1/0 may stand for 是/否 in such a column.
 * A range of only 0/1 numbers is read as counts, which gives the same rate as reading it as 是/否, except that a 1
 * eliminated against a 0 baseline is #NUM! rather than ignored. One range of counts against one 是/否 column, or a
 * 是/否 column holding other numbers, is #VALUE!. No baseline at all → #DIV/0! (before #NUM!, as 1/0 is in Excel).
 * @customfunction ELIMRATE
 * @param eliminated Number eliminated (a cell or one count per township), or the 是否已消薄 column.
 * @param baseline Baseline count (a cell or one count per township), or the 是否薄弱村基数 column.
 * @returns Elimination rate (a fraction).
 */
export function ELIMRATE(eliminated: any[][], baseline: any[][]): number {
  const a = argsOf("ELIMRATE");
  sameShape(eliminated, baseline, [a("eliminated"), a("baseline")]);
  const e = elimKind(eliminated, a("eliminated"));
  const b = elimKind(baseline, a("baseline"));
  const yesNoMode = e.kind === "yesNo" || b.kind === "yesNo";
  if (yesNoMode && ((e.kind === "counts" && !e.onlyZeroOne) || (b.kind === "counts" && !b.onlyZeroOne)))
    throw excelError("value", "fn.elimMixed", { a: a("eliminated"), b: a("baseline") });
  let base = 0;
  let done = 0;
  let impossible = false;
  baseline.forEach((row, r) =>
    row.forEach((bv, c) => {
      const ev = eliminated[r][c];
      if (yesNoMode) {
        if (yesNo(bv, a("baseline")) !== true) return;
        base++;
        if (yesNo(ev, a("eliminated")) === true) done++;
        return;
      }
      const bn = typeof bv === "number" ? bv : 0;
      const en = typeof ev === "number" ? ev : 0;
      if (bn < 0 || en < 0 || en > bn) impossible = true;
      base += bn;
      done += en;
    }),
  );
  if (!yesNoMode && base === 0) throw excelError("div0");
  if (impossible) throw excelError("num");
  return excel(() => m.eliminationRate(done, base));
}

/**
 * 任务完成率：已消除数 ÷ 年度消薄任务数。
 * @customfunction TASKRATE
 * @param done Number eliminated this year.
 * @param target The year's target.
 * @returns Task completion rate (a fraction).
 */
export function TASKRATE(done: any, target: any): number {
  const a = argsOf("TASKRATE");
  return excel(() => m.taskCompletionRate(num(done, a("done")), num(target, a("target"))));
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
export function MEETS(total: any[][], operating: any[][], totalMin?: any, operatingMin?: any, mode?: string): any[][] {
  const a = argsOf("MEETS");
  sameShape(total, operating, [a("total"), a("operating")]);
  const std = standard(totalMin, operatingMin, [a("totalMin"), a("operatingMin")], mode);
  return total.map((row, r) =>
    row.map((tv, c) => {
      const ov = operating[r][c];
      return typeof tv === "number" && typeof ov === "number" ? m.meetsStandard(tv, ov, std) : "";
    }),
  );
}

/**
 * 村状态：非薄弱村 / 已消薄 / 未消薄（薄弱村基数村当前是否达标）。Spills one label per row; "" where the baseline is
 * blank, or where a baseline village's incomes are blank or text.
 * @customfunction STATUS
 * @param baseline 是否薄弱村基数 (是/否).
 * @param total 总收入 (万元).
 * @param operating 经营性收入 (万元).
 * @param [totalMin] Total income standard, default 30.
 * @param [operatingMin] Operating income standard, default 15.
 * @returns 非薄弱村, 已消薄 or 未消薄 per row.
 */
export function STATUS(baseline: any[][], total: any[][], operating: any[][], totalMin?: any, operatingMin?: any): any[][] {
  const a = argsOf("STATUS");
  sameShape(baseline, total, [a("baseline"), a("total")]);
  sameShape(total, operating, [a("total"), a("operating")]);
  const std = standard(totalMin, operatingMin, [a("totalMin"), a("operatingMin")]);
  return baseline.map((row, r) =>
    row.map((b, c) => {
      const base = yesNo(b, a("baseline"));
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
 * 转化率：薄弱村基数中当前已达标的村数 ÷ 薄弱村基数。The denominator is the whole baseline (every row whose
 * 是否薄弱村基数 is 是), as the official rate has it: a baseline village whose 总收入 or 经营性收入 is blank or text
 * counts as not 达标, it is not dropped. Rows with a blank baseline are skipped. No baseline village → #DIV/0!.
 * @customfunction CONVRATE
 * @param baseline 是否薄弱村基数 (是/否).
 * @param total 总收入 (万元).
 * @param operating 经营性收入 (万元).
 * @param [totalMin] Total income standard, default 30.
 * @param [operatingMin] Operating income standard, default 15.
 * @returns Conversion rate (a fraction).
 */
export function CONVRATE(baseline: any[][], total: any[][], operating: any[][], totalMin?: any, operatingMin?: any): number {
  const a = argsOf("CONVRATE");
  sameShape(baseline, total, [a("baseline"), a("total")]);
  sameShape(total, operating, [a("total"), a("operating")]);
  const std = standard(totalMin, operatingMin, [a("totalMin"), a("operatingMin")]);
  const villages: m.VillageIncome[] = [];
  const numeric = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  baseline.forEach((row, r) =>
    row.forEach((b, c) => {
      const base = yesNo(b, a("baseline"));
      if (base === null) return;
      villages.push({ baseline: base, total: numeric(total[r][c]), operating: numeric(operating[r][c]) });
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
export function SHAREABOVE(values: any[][], threshold: any): number {
  const a = argsOf("SHAREABOVE");
  const th = num(threshold, a("threshold"));
  return excel(() => m.shareAtLeast(list(values), th));
}

/**
 * 排名：一个数在区域中的名次，默认中国式排名、从大到小。descending is TRUE/FALSE (also 是/否, 降序/升序); a number there
 * is #VALUE!, because Excel's RANK.EQ reads its order argument the other way round (0 = largest first).
 * @customfunction RANK
 * @param value The value to rank.
 * @param values The range of values.
 * @param [descending] TRUE (default): largest is 1; FALSE: smallest is 1. Not a number (RANK.EQ's 0/1 mean the opposite).
 * @param [method] dense (中国式, default), competition (RANK.EQ), average (RANK.AVG), ordinal.
 * @returns The rank.
 */
export function RANK(value: any, values: any[][], descending?: any, method?: string): number {
  const a = argsOf("RANK");
  const v = num(value, a("value"));
  const opts = { method: toMethod(method), descending: optDescending(descending, a("descending")) };
  return excel(() => m.rankOf(v, list(values), opts), { value: v });
}

/**
 * 排名列：整列的名次，溢出为与原区域同样大小的区域（空白、文字和 TRUE/FALSE 处为空）。
 * @customfunction RANKS
 * @param values The range of values.
 * @param [descending] TRUE (default): largest is 1; FALSE: smallest is 1. Not a number.
 * @param [method] dense (中国式, default), competition, average, ordinal.
 * @returns Ranks, same shape as values.
 */
export function RANKS(values: any[][], descending?: any, method?: string): any[][] {
  const a = argsOf("RANKS");
  const opts = { method: toMethod(method), descending: optDescending(descending, a("descending")) };
  const { values: xs, rows, cols } = numbersOf(values);
  const ranks = excel(() => m.rank(xs, opts));
  return placeBack(values, rows, cols, ranks);
}

/**
 * 组内排名：按分组（如所属乡镇）分别排名，溢出为与原区域同样大小的区域。
 * @customfunction GROUPRANK
 * @param values The range of values.
 * @param groups The group of each value (same size).
 * @param [descending] TRUE (default): largest is 1; FALSE: smallest is 1. Not a number.
 * @param [method] dense (中国式, default), competition, average, ordinal.
 * @returns Ranks within each group, same shape as values.
 */
export function GROUPRANK(values: any[][], groups: any[][], descending?: any, method?: string): any[][] {
  const a = argsOf("GROUPRANK");
  sameShape(values, groups, [a("values"), a("groups")]);
  const opts = { method: toMethod(method), descending: optDescending(descending, a("descending")) };
  const { values: xs, rows, cols } = numbersOf(values);
  const keys = Array.from(rows, (r, i) => String(groups[r][cols[i]] ?? ""));
  const ranks = excel(() => m.groupRank(xs, keys, opts));
  return placeBack(values, rows, cols, ranks);
}

/**
 * 红黄旗：前若干名红旗、后若干名黄旗（并列均计入），否则为空。A value not in the range → #N/A.
 * @customfunction FLAG
 * @param value The unit's value.
 * @param values All units' values.
 * @param [top] How many ranks get a red flag, default 3.
 * @param [bottom] How many ranks get a yellow flag, default 3.
 * @param [descending] TRUE (default): largest is best; FALSE: smallest is best. Not a number.
 * @returns 红旗, 黄旗 or "".
 */
export function FLAG(value: any, values: any[][], top?: any, bottom?: any, descending?: any): string {
  const a = argsOf("FLAG");
  const v = num(value, a("value"));
  const opts = { top: optNum(top, a("top"), 3), bottom: optNum(bottom, a("bottom"), 3), descending: optDescending(descending, a("descending")) };
  const xs = list(values);
  const i = xs.indexOf(v);
  if (i < 0) throw excelError("na", "fn.notInList", { value: v });
  const f = excel(() => m.flags(xs, opts))[i];
  return f ? t(`fn.flag.${f}`) : "";
}

/**
 * 是否后段：是否处于排名后若干比例（默认后20%，并列计入）。A value not in the range → #N/A.
 * @customfunction INBOTTOM
 * @param value The unit's value.
 * @param values All units' values.
 * @param [share] The bottom share, default 0.2.
 * @param [descending] TRUE (default): largest is best; FALSE: smallest is best. Not a number.
 * @returns TRUE when in the bottom share.
 */
export function INBOTTOM(value: any, values: any[][], share?: any, descending?: any): boolean {
  const a = argsOf("INBOTTOM");
  const v = num(value, a("value"));
  const sh = optNum(share, a("share"), 0.2);
  const desc = optDescending(descending, a("descending"));
  return excel(() => m.inBottomShare(v, list(values), sh, desc), { value: v });
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
export function VOTESCORE(good: any, fairlyGood: any, average: any, poor: any, points?: any[][]): number {
  const a = argsOf("VOTESCORE");
  const votes = [num(good, a("good")), num(fairlyGood, a("fairlyGood")), num(average, a("average")), num(poor, a("poor"))] as const;
  const p = points === null || points === undefined ? undefined : list(points);
  // eslint-disable-next-line no-restricted-syntax -- a 4-tuple
  return excel(() => m.voteScore(...votes, p), { points: a("points"), count: p?.length ?? 4 });
}

/**
 * 考核总分：各项得分之和 + 加分（不超过上限）− 扣分；某项得分超过满分为 #NUM!。Scores and maxima are read in pairs, as
 * SUMPRODUCT would: a pair where either side is blank, text or TRUE/FALSE is skipped.
 * @customfunction TOTAL
 * @param scores Item scores.
 * @param maxima Item maximum points (same size).
 * @param [bonus] Bonus points, default 0.
 * @param [bonusCap] Bonus cap, default 5.
 * @param [deduction] Deduction, default 0.
 * @returns The total.
 */
export function TOTAL(scores: any[][], maxima: any[][], bonus?: any, bonusCap?: any, deduction?: any): number {
  const a = argsOf("TOTAL");
  sameShape(scores, maxima, [a("scores"), a("maxima")]);
  const s: number[] = [];
  const mx: number[] = [];
  const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  scores.forEach((row, r) =>
    row.forEach((v, c) => {
      const max = maxima[r][c];
      if (!isNum(v) || !isNum(max)) return;
      s.push(v);
      mx.push(max);
    }),
  );
  const extras = [optNum(bonus, a("bonus"), 0), optNum(bonusCap, a("bonusCap"), 5), optNum(deduction, a("deduction"), 0)] as const;
  // eslint-disable-next-line no-restricted-syntax -- a 3-tuple
  return excel(() => m.cappedTotal(s, mx, ...extras));
}

/**
 * 综合得分：各项得分按权重加权求和（Σ 得分 × 权重），如 实绩得分 × 70% + 测评得分 × 30%：=XB.WEIGHTED(A2:B2, {0.7,0.3}).
 * Scores and weights are paired by position in reading order (row by row), so a row of scores may take a column of
 * weights; they must have the same number of cells, else #VALUE!. As in TOTAL (and SUMPRODUCT), a pair where either
 * side is blank, text or TRUE/FALSE is skipped: a blank adds nothing on the web (null, skipped) as on desktop
 * (0 × weight), and with no pair left the result is 0. Weights need not sum to 1.
 * @customfunction WEIGHTED
 * @param values The scores (e.g. 实绩得分, 测评得分).
 * @param weights One weight per score (e.g. 0.7, 0.3): the same number of cells.
 * @returns Σ score × weight.
 */
export function WEIGHTED(values: any[][], weights: any[][]): number {
  const a = argsOf("WEIGHTED");
  const vs = values.flat();
  const ws = weights.flat();
  if (vs.length !== ws.length) throw excelError("value", "fn.cellCount", { a: a("values"), b: a("weights"), m: vs.length, n: ws.length });
  const parts: number[] = [];
  const w: number[] = [];
  vs.forEach((v, i) => {
    if (!isNumber(v) || !isNumber(ws[i])) return;
    parts.push(v);
    w.push(ws[i]);
  });
  return parts.length === 0 ? 0 : excel(() => m.weighted(parts, w));
}

/**
 * 评定等次：按分数线评定（默认 ≥90 好、≥80 较好、≥60 一般，否则差）。
 * @customfunction GRADE
 * @param score The score.
 * @param [thresholds] Descending thresholds, default 90, 80, 60.
 * @param [labels] One more label than thresholds, default 好, 较好, 一般, 差.
 * @returns The grade.
 */
export function GRADE(score: any, thresholds?: any[][], labels?: string[][]): string {
  const a = argsOf("GRADE");
  const sc = num(score, a("score"));
  const th = thresholds === null || thresholds === undefined ? undefined : list(thresholds);
  const lb = labels === null || labels === undefined ? undefined : labels.flat().filter((x) => x !== null && x !== "").map(String);
  const count = (th ?? [90, 80, 60]).length;
  const params = { thresholds: a("thresholds"), labels: a("labels"), count, needed: count + 1, got: (lb ?? m.GRADE_LABELS).length };
  return excel(() => m.grade(sc, th, lb), params);
}

/**
 * 评星定级：分数达到第一条分数线为 5 星，每低一条少一星，低于最后一条为 1 星（默认 90/80/70/60；n 条分数线时最高
 * n + 1 星）。A range of scores spills one star count per cell, in the same shape (a column gives a column), with ""
 * where a cell is blank (web), text or TRUE/FALSE; Excel desktop passes a blank cell as 0, which is 1 star. A single
 * score is read as GRADE reads its score: blank is 0, numeric text is the number, other text is #VALUE!. Thresholds
 * must be descending without repeats, else #VALUE! (even when no score needs them).
 * @customfunction STARS
 * @param score The score, or a range of scores.
 * @param [thresholds] Descending thresholds, default 90, 80, 70, 60.
 * @returns Stars (1 to 5 with the default thresholds), same shape as score.
 */
export function STARS(score: any[][], thresholds?: any[][]): any[][] {
  const a = argsOf("STARS");
  const th = thresholds === null || thresholds === undefined ? undefined : list(thresholds);
  const params = { thresholds: a("thresholds") };
  const starsOf = (x: number) => excel(() => m.stars(x, th), params);
  starsOf(0); // the thresholds are checked once, whatever the scores
  if (score.length === 1 && score[0].length === 1) return [[starsOf(num(score[0][0], a("score")))]];
  return score.map((row) => row.map((v) => (isNumber(v) ? starsOf(v) : "")));
}

/**
 * 综合指数（如强村富民指数）：each column of values is one indicator (经营性收入, 总收入 …), each row one unit (村).
 * Every indicator is scaled to 0–100 across the rows (lowest 0, highest 100; all 100 when every row is equal), then
 * the index is Σ weight × scaled; with weights that sum to 1 it runs 0–100. Spills one column, one index per row. A
 * row with a blank (web), text or TRUE/FALSE indicator gets "" and does not move the scaling of the other rows; Excel
 * desktop passes a blank cell as 0, which does take part, so select only the units' rows. weights: one per column of
 * values, else #VALUE!; a blank weight is 0, numeric text is read, other text is #VALUE!.
 * @customfunction COMPOSITE
 * @param values One column per indicator, one row per unit.
 * @param weights One weight per column of values (e.g. 0.6, 0.4).
 * @returns One index per row (a column).
 */
export function COMPOSITE(values: any[][], weights: any[][]): any[][] {
  const a = argsOf("COMPOSITE");
  const columns = values[0]?.length ?? 0;
  const cells = weights.flat();
  if (cells.length !== columns) throw excelError("value", "fn.weightsCount", { weights: a("weights"), values: a("values"), columns, count: cells.length });
  const w = cells.map((v) => num(v, a("weights")));
  const components = Array.from({ length: columns }, (_, k) => values.map((row) => (isNumber(row[k]) ? row[k] : null)));
  const index = excel(() => m.compositeIndex(components, w));
  return index.map((x) => [x === null ? "" : x]);
}

/**
 * 增长率：(本期 − 上期) ÷ |上期|；上期为 0 时 #DIV/0!。
 * @customfunction GROWTH
 * @param current This period.
 * @param previous Last period.
 * @returns Growth rate (a fraction).
 */
export function GROWTH(current: any, previous: any): number {
  const a = argsOf("GROWTH");
  return excel(() => m.growthRate(num(current, a("current")), num(previous, a("previous"))));
}
