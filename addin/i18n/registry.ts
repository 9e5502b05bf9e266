import type { Catalogue } from "./types";

export const registry = {
  "registry.missingColumn": {
    "zh-CN": "{file}：缺少“{column}”列。村名册应有列：乡镇代码、乡镇名称、村代码、村名称、薄弱村基数。",
    "en-US": "{file}: column “{column}” is missing. The registry needs: 乡镇代码, 乡镇名称, 村代码, 村名称, 薄弱村基数.",
  },
  "registry.badVillageCode": {
    "zh-CN": "{file} 第 {row} 行：村代码“{value}”不是 12 位数字，请按统计用区划代码填写。",
    "en-US": "{file} row {row}: village code “{value}” is not 12 digits; use the 12-digit statistical division code.",
  },
  "registry.badTownshipCode": {
    "zh-CN": "{file} 第 {row} 行：乡镇代码“{value}”应为村代码的前 9 位“{expected}”。",
    "en-US": "{file} row {row}: township code “{value}” should be the first 9 digits of the village code, “{expected}”.",
  },
  "registry.badYesNo": {
    "zh-CN": "{file} 第 {row} 行：薄弱村基数“{value}”应填“是”或“否”。",
    "en-US": "{file} row {row}: 薄弱村基数 “{value}” must be 是 or 否.",
  },
  "registry.duplicateVillage": {
    "zh-CN": "{file} 第 {row} 行：村代码 {value} 重复（第 {first} 行已有）。",
    "en-US": "{file} row {row}: village code {value} is listed twice (already on row {first}).",
  },
  "registry.required": {
    "zh-CN": "{file} 第 {row} 行：“{column}”为空。",
    "en-US": "{file} row {row}: “{column}” is empty.",
  },
  "registry.tooMany": {
    "zh-CN": "{file}：村名册超过 {limit} 个村，比全国的行政村还多，不是一份村名册。请确认选对了文件。",
    "en-US": "{file}: the registry has more than {limit} villages, more than the whole country has. Check that this is a registry.",
  },
  "registry.moreErrors": {
    "zh-CN": "{file}：另有 {count} 处问题未逐条列出，请先改正上面列出的问题。",
    "en-US": "{file}: {count} more problems not listed; fix the ones above first.",
  },
  "registry.empty": {
    "zh-CN": "{file}：没有任何数据行。",
    "en-US": "{file}: there are no data rows.",
  },
  "targets.badNumber": {
    "zh-CN": "{file} 第 {row} 行：年度消薄任务数“{value}”应为不小于 0 的整数。",
    "en-US": "{file} row {row}: the year's target “{value}” must be a whole number ≥ 0.",
  },
  "targets.badColumnNumber": {
    "zh-CN": "{file} 第 {row} 行：{column}“{value}”应为数字。",
    "en-US": "{file} row {row}: {column} “{value}” must be a number.",
  },
  "targets.unknownTownship": {
    "zh-CN": "{file} 第 {row} 行：乡镇代码 {value} 不在村名册中。",
    "en-US": "{file} row {row}: township code {value} is not in the registry.",
  },
} satisfies Catalogue;
