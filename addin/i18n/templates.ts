import type { Catalogue } from "./types";

/** Messages of template loading (addin/templates): a county edits a template's JSON and loads it back. */
export const templates = {
  "template.invalid": {
    "zh-CN": "模板 {path}：{problem}",
    "en-US": "Template {path}: {problem}",
  },
  "template.notJson": {
    "zh-CN": "模板文件不是有效的 JSON：{reason}。请用文本编辑器检查括号、引号和逗号。",
    "en-US": "The template file is not valid JSON: {reason}. Check its brackets, quotes and commas.",
  },
  "template.root": { "zh-CN": "（整个模板）", "en-US": "(the whole template)" },
  "template.problem.type": {
    "zh-CN": "应为{expected}，请修改",
    "en-US": "must be {expected}",
  },
  "template.problem.missing": {
    "zh-CN": "缺少此项（应为{expected}），请补上",
    "en-US": "is missing (must be {expected})",
  },
  "template.problem.tooSmall": {
    "zh-CN": "不能小于 {minimum}",
    "en-US": "must be at least {minimum}",
  },
  "template.problem.tooShort": {
    "zh-CN": "至少要有 {minimum} 项（或字符）",
    "en-US": "needs at least {minimum} item(s) or character(s)",
  },
  "template.problem.tooBig": {
    "zh-CN": "不能大于 {maximum}",
    "en-US": "must be at most {maximum}",
  },
  "template.problem.value": {
    "zh-CN": "只能是 {values} 之一",
    "en-US": "must be one of {values}",
  },
  "template.problem.keys": {
    "zh-CN": "不认识的字段 {keys}，请检查拼写或删除",
    "en-US": "unknown field(s) {keys}: check the spelling or remove them",
  },
  "template.problem.format": {
    "zh-CN": "格式不对（应符合 {pattern}）",
    "en-US": "has the wrong format (must match {pattern})",
  },
  "template.problem.byOrIndex": {
    "zh-CN": "排名依据须给出 by（一个表达式）或 index（综合指数）二者之一",
    "en-US": "give either by (an expression) or index (a composite index)",
  },
  "template.problem.other": {
    "zh-CN": "取值无效",
    "en-US": "is not valid",
  },
  "template.type.string": { "zh-CN": "文字", "en-US": "text" },
  "template.type.number": { "zh-CN": "数字", "en-US": "a number" },
  "template.type.boolean": { "zh-CN": "true 或 false", "en-US": "true or false" },
  "template.type.array": { "zh-CN": "列表 [ … ]", "en-US": "a list [ … ]" },
  "template.type.object": { "zh-CN": "对象 { … }", "en-US": "an object { … }" },
  "template.duplicateKey": {
    "zh-CN": "模板 {path}：列键“{key}”与第 {first} 列重复，每列的 key 必须不同",
    "en-US": "Template {path}: column key “{key}” repeats column {first}; every key must be unique",
  },
  "template.reservedKey": {
    "zh-CN": "模板 {path}：列键“{key}”是汇总明细自带的名称（{reserved}），请换一个 key",
    "en-US": "Template {path}: column key “{key}” is a name every merged unit has ({reserved}); choose another key",
  },
  "template.duplicateName": {
    "zh-CN": "模板 {path}：表头或同义词“{name}”已用于列“{other}”，无法区分，请删去其中一个",
    "en-US": "Template {path}: header or synonym “{name}” is already used by column “{other}”; remove one of them",
  },
  "template.unknownColumn": {
    "zh-CN": "模板 {path}：“{key}”不是本模板的列键。可用：{known}",
    "en-US": "Template {path}: “{key}” is not a column key of this template. Known: {known}",
  },
  "template.wrongColumnType": {
    "zh-CN": "模板 {path}：列“{key}”的类型应为 {expected}",
    "en-US": "Template {path}: column “{key}” must be of type {expected}",
  },
  "template.unknownSymbol": {
    "zh-CN": "模板 {path}：表达式“{expr}”中的“{name}”不是列键或数值参数。可用：{known}",
    "en-US": "Template {path}: “{name}” in expression “{expr}” is neither a column key nor a numeric parameter. Known: {known}",
  },
  "template.unsupported": {
    "zh-CN": "模板 {path}：表达式“{expr}”中不能使用“{name}”（只可用列键、{表头}、参数、数字、\"文字\"、[列表]、+ - * /、比较、and/or/not、? :，以及函数 {functions}）",
    "en-US": "Template {path}: “{name}” is not allowed in expression “{expr}” (only column keys, {headers}, parameters, numbers, \"text\", [lists], + - * /, comparisons, and/or/not, ? :, and the functions {functions})",
  },
  "template.arity": {
    "zh-CN": "模板 {path}：表达式“{expr}”中函数 {name} 的参数个数不对（见 docs/templates.md）",
    "en-US": "Template {path}: function {name} in expression “{expr}” has the wrong number of arguments (see docs/templates.md)",
  },
  "template.unknownHeader": {
    "zh-CN": "模板 {path}：“{{name}}”不是本模板的表头或同义词。可用：{known}",
    "en-US": "Template {path}: “{{name}}” is not a header or synonym of this template. Known: {known}",
  },
  "template.computeCycle": {
    "zh-CN": "模板 {path}：计算列互相引用（{cycle}），无法计算，请改正 compute.expr",
    "en-US": "Template {path}: computed columns refer to each other ({cycle}); fix compute.expr",
  },
  "template.unknownMeasure": {
    "zh-CN": "模板 {path}：“{key}”不是汇总指标（summary.measures）的 key。可用：{known}",
    "en-US": "Template {path}: “{key}” is not the key of a summary measure. Known: {known}",
  },
  "template.duplicateMeasure": {
    "zh-CN": "模板 {path}：汇总指标 key“{key}”重复（或与列键、参数同名），每个 key 必须不同",
    "en-US": "Template {path}: summary key “{key}” repeats (or is a column key or parameter); every key must be unique",
  },
  "template.measureCycle": {
    "zh-CN": "模板 {path}：比率或目标指标互相引用，无法计算，请改正 numerator / denominator / measure",
    "en-US": "Template {path}: ratio or goal measures refer to each other; fix numerator / denominator / measure",
  },
  "template.notList": {
    "zh-CN": "模板 {path}：参数“{name}”应为数字列表，如 [90, 80, 60]",
    "en-US": "Template {path}: parameter “{name}” must be a list of numbers, e.g. [90, 80, 60]",
  },
  "template.syntax": {
    "zh-CN": "模板 {path}：表达式“{expr}”写法有误：{reason}",
    "en-US": "Template {path}: expression “{expr}” cannot be parsed: {reason}",
  },
  "template.badPattern": {
    "zh-CN": "模板 {path}：正则表达式“{pattern}”无效",
    "en-US": "Template {path}: regular expression “{pattern}” is not valid",
  },
  "template.enumMissing": {
    "zh-CN": "模板 {path}：enum 类型的列必须给出可选值列表 enum",
    "en-US": "Template {path}: a column of type enum needs its list of values in enum",
  },
  "template.minMax": {
    "zh-CN": "模板 {path}：min {min} 大于 max {max}",
    "en-US": "Template {path}: min {min} is greater than max {max}",
  },
  "template.unknownBuiltin": {
    "zh-CN": "没有内置模板“{id}”。可用：{ids}",
    "en-US": "There is no built-in template “{id}”. Available: {ids}",
  },
} satisfies Catalogue;
