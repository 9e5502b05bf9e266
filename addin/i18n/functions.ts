import type { Catalogue } from "./types";

/** Messages of the =XB.… custom functions (Excel shows them on #VALUE! and #N/A). */
export const functions = {
  "fn.notNumber": { "zh-CN": "参数“{name}”应为数字，实际是“{value}”。", "en-US": "Argument “{name}” must be a number, got “{value}”." },
  "fn.shape": { "zh-CN": "“{a}”和“{b}”两个区域的行列数应相同。", "en-US": "Ranges “{a}” and “{b}” must have the same size." },
  "fn.method": {
    "zh-CN": "排名方式“{value}”无法识别，可用：dense（中国式）、competition（美式，同 RANK.EQ）、average（平均，同 RANK.AVG）、ordinal（顺序）。",
    "en-US": "Unknown ranking method “{value}”; use dense, competition, average or ordinal.",
  },
  "fn.methodBad": {
    "zh-CN": "排名方式无法识别，可用：dense（中国式）、competition（美式）、average（平均）、ordinal（顺序）。",
    "en-US": "Unknown ranking method; use dense, competition, average or ordinal.",
  },
  "fn.mode": { "zh-CN": "达标方式“{value}”无法识别，可用：and（两项都达到）、or（任一项）、operating（只看经营性收入）。", "en-US": "Unknown mode “{value}”; use and, or or operating." },
  "fn.yesNo": { "zh-CN": "“{name}”区域中应填“是”或“否”，发现“{value}”。", "en-US": "“{name}” must hold 是 or 否, found “{value}”." },
  "fn.descending.number": {
    "zh-CN": "参数“{name}”请填 TRUE（从大到小，默认）或 FALSE（从小到大），不要填数字“{value}”：Excel 的 RANK.EQ 用 0 表示从大到小，与本函数相反，容易弄错。",
    "en-US": "Argument “{name}”: use TRUE (largest first, the default) or FALSE (smallest first), not the number “{value}”: Excel's RANK.EQ uses 0 for largest first, the opposite sense.",
  },
  "fn.descending.text": {
    "zh-CN": "参数“{name}”应为 TRUE（从大到小，默认）或 FALSE（从小到大），实际是“{value}”。",
    "en-US": "Argument “{name}” must be TRUE (largest first, the default) or FALSE (smallest first), got “{value}”.",
  },
  "fn.elimMixed": {
    "zh-CN": "“{a}”和“{b}”应同为数字（如各乡镇的村数）或同为“是/否”列，不能一个是数字、一个是“是/否”。",
    "en-US": "“{a}” and “{b}” must both be numbers (e.g. counts per township) or both 是/否 columns.",
  },
  "fn.elimAmbiguous": {
    "zh-CN": "“{name}”区域中既有“是/否”又有数字“{value}”，无法判断是村数还是“是/否”。“是/否”列中只能用 1/0 代替是/否。",
    "en-US": "“{name}” mixes 是/否 with the number “{value}”: counts or yes/no? In a 是/否 column only 1/0 may stand for 是/否.",
  },
  "fn.notInList": { "zh-CN": "数值 {value} 不在排名区域中。", "en-US": "{value} is not in the ranked range." },
  "fn.noValues": { "zh-CN": "区域中没有数字。", "en-US": "The range holds no numbers." },
  "fn.divZero": { "zh-CN": "分母为 0。", "en-US": "The denominator is 0." },
  "fn.outOfRange": { "zh-CN": "有得分超过该项满分或为负数，请核对。", "en-US": "A score is above its maximum or negative." },
  "fn.pointsLength": {
    "zh-CN": "“{points}”应为 4 个数字（好、较好、一般、差每票的分值），实际有 {count} 个。",
    "en-US": "“{points}” must hold 4 numbers (points per vote for 好, 较好, 一般, 差), found {count}.",
  },
  "fn.labelsLength": {
    "zh-CN": "“{labels}”应比“{thresholds}”多一个：{count} 条分数线需要 {needed} 个等次名称，实际有 {got} 个。",
    "en-US": "“{labels}” must hold one more entry than “{thresholds}”: {count} thresholds need {needed} labels, found {got}.",
  },
  "fn.thresholdsOrder": { "zh-CN": "“{thresholds}”应从高到低排列且不重复，如 90、80、60。", "en-US": "“{thresholds}” must be in descending order without repeats, e.g. 90, 80, 60." },
  "fn.thresholdsEmpty": { "zh-CN": "“{thresholds}”中没有数字，请填从高到低的分数线，如 90、80、70、60。", "en-US": "“{thresholds}” holds no numbers; give descending thresholds, e.g. 90, 80, 70, 60." },
  "fn.cellCount": {
    "zh-CN": "“{a}”和“{b}”按位置逐个配对，单元格个数应相同，实际分别有 {m} 个和 {n} 个。",
    "en-US": "“{a}” and “{b}” are paired cell by cell and must have the same number of cells, found {m} and {n}.",
  },
  "fn.weightsCount": {
    "zh-CN": "“{weights}”应为每列指标一个权重：“{values}”有 {columns} 列，“{weights}”有 {count} 个。",
    "en-US": "“{weights}” must hold one weight per column: “{values}” has {columns} columns, “{weights}” holds {count}.",
  },
  "fn.lengthMismatch": { "zh-CN": "两个区域中的数字个数应相同。", "en-US": "The two ranges must hold the same number of values." },
  "fn.notFinite": { "zh-CN": "参数中有无法计算的数值，请核对。", "en-US": "An argument holds a value that cannot be computed." },
  "fn.bad": { "zh-CN": "参数不正确，请核对各参数的取值。", "en-US": "An argument is not valid; check the arguments." },
  "fn.status.non-weak": { "zh-CN": "非薄弱村", "en-US": "非薄弱村" },
  "fn.status.eliminated": { "zh-CN": "已消薄", "en-US": "已消薄" },
  "fn.status.not-eliminated": { "zh-CN": "未消薄", "en-US": "未消薄" },
  "fn.flag.red": { "zh-CN": "红旗", "en-US": "红旗" },
  "fn.flag.yellow": { "zh-CN": "黄旗", "en-US": "黄旗" },
} satisfies Catalogue;
