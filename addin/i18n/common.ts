import type { Catalogue } from "./types";

/** Messages shared by every surface. */
export const common = {
  "app.name": { "zh-CN": "消薄助手", "en-US": "XiaoBo" },
  "app.comingSoon": { "zh-CN": "功能即将上线", "en-US": "Coming soon" },
  "app.listSeparator": { "zh-CN": "、", "en-US": ", " },
  "app.clauseSeparator": { "zh-CN": "；", "en-US": "; " },
  "app.quoted": { "zh-CN": "“{text}”", "en-US": "“{text}”" },
  "app.labelled": { "zh-CN": "{label}：{text}", "en-US": "{label}: {text}" },
  // Names XiaoBo gives: files it writes, titles and headers of what it makes up. {township}, {county} and {year} left
  // in a title are filled in later, when the workbook is written.
  "name.countySummaryFile": { "zh-CN": "县汇总.xlsx", "en-US": "county-summary.xlsx" },
  "name.countySummaryFileOf": { "zh-CN": "县汇总-{id}.xlsx", "en-US": "county-summary-{id}.xlsx" },
  "name.templateFile": { "zh-CN": "{township}{template}（{year}年度）.xlsx", "en-US": "{township} {template} ({year}).xlsx" },
  "name.templateTitle": { "zh-CN": "{township}{template}（{year}年度）", "en-US": "{township} {template} ({year})" },
  "name.demoCounty": { "zh-CN": "示例县", "en-US": "Demo County" },
  "name.schemaTitle": { "zh-CN": "消薄助手报表模板", "en-US": "XiaoBo report template" },
  "name.summaryTitle": { "zh-CN": "{county}{year}{template}汇总表", "en-US": "{county} {year} {template}: summary" },
  "name.villages": { "zh-CN": "村数", "en-US": "Villages" },
  "name.reportedVillages": { "zh-CN": "已报村数", "en-US": "Reported" },
  "name.reportedEntries": { "zh-CN": "已报条数", "en-US": "Entries" },
  "name.sumOf": { "zh-CN": "{header}合计", "en-US": "{header} total" },
  "name.codeHeader": { "zh-CN": "代码", "en-US": "Code" },
  "name.nameHeader": { "zh-CN": "名称", "en-US": "Name" },
} satisfies Catalogue;
