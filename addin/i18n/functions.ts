import type { Catalogue } from "./types";

/** Messages of the =XB.… custom functions (Excel shows them on #VALUE! and #N/A). */
export const functions = {
  "fn.notNumber": { "zh-CN": "参数“{name}”应为数字，实际是“{value}”。", "en-US": "Argument “{name}” must be a number, got “{value}”." },
  "fn.shape": { "zh-CN": "“{a}”和“{b}”两个区域的行列数应相同。", "en-US": "Ranges “{a}” and “{b}” must have the same size." },
  "fn.method": {
    "zh-CN": "排名方式“{value}”无法识别，可用：dense（中国式）、competition（美式，同 RANK.EQ）、average（平均，同 RANK.AVG）、ordinal（顺序）。",
    "en-US": "Unknown ranking method “{value}”; use dense, competition, average or ordinal.",
  },
  "fn.mode": { "zh-CN": "达标方式“{value}”无法识别，可用：and（两项都达到）、or（任一项）、operating（只看经营性收入）。", "en-US": "Unknown mode “{value}”; use and, or or operating." },
  "fn.yesNo": { "zh-CN": "“{name}”区域中应填“是”或“否”，发现“{value}”。", "en-US": "“{name}” must hold 是 or 否, found “{value}”." },
  "fn.notInList": { "zh-CN": "数值 {value} 不在排名区域中。", "en-US": "{value} is not in the ranked range." },
  "fn.noValues": { "zh-CN": "区域中没有数字。", "en-US": "The range holds no numbers." },
  "fn.divZero": { "zh-CN": "分母为 0。", "en-US": "The denominator is 0." },
  "fn.outOfRange": { "zh-CN": "有得分超过该项满分或为负数，请核对。", "en-US": "A score is above its maximum or negative." },
  "fn.bad": { "zh-CN": "参数不正确：{detail}", "en-US": "Bad argument: {detail}" },
  "fn.status.non-weak": { "zh-CN": "非薄弱村", "en-US": "非薄弱村" },
  "fn.status.eliminated": { "zh-CN": "已消薄", "en-US": "已消薄" },
  "fn.status.not-eliminated": { "zh-CN": "未消薄", "en-US": "未消薄" },
  "fn.flag.red": { "zh-CN": "红旗", "en-US": "红旗" },
  "fn.flag.yellow": { "zh-CN": "黄旗", "en-US": "黄旗" },
} satisfies Catalogue;
