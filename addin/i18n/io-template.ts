import type { Catalogue } from "./types";

/** Text printed into the template workbooks. */
export const ioTemplate = {
  "io.template.sheetName": { "zh-CN": "村级集体经济", "en-US": "村级集体经济" },
  "io.template.instructionsSheet": { "zh-CN": "填表说明", "en-US": "Instructions" },
  "io.template.instructions": {
    "zh-CN":
      "填表说明\n1. 村（社区）代码、名称和是否薄弱村基数由县里按村名册预填，不得改动。\n2. 金额单位为万元，保留两位小数，请直接填数字，不要加“万元”等文字。\n3. 是否已消薄：只有薄弱村基数村填写“是”或“否”；填“是”时须填写消薄年份。\n4. 经营性收入不含上级补助收入；经营性收入 + 上级补助收入不能超过总收入。\n5. 数据有特殊情况的，请在“备注”栏写明原因。\n6. 报送前请用消薄助手“检查本表”，没有错误后再报送。",
    "en-US":
      "Instructions\n1. Village codes, names and baseline are prefilled from the registry: do not change them.\n2. Amounts in 10k yuan, two decimals, numbers only.\n3. 是否已消薄 only for baseline villages; 是 needs the year.\n4. Operating income excludes subsidies; operating + subsidy ≤ total.\n5. Explain anything unusual in 备注.\n6. Check the sheet with XiaoBo before submitting.",
  },
  "io.template.unitLine": { "zh-CN": "填报单位：{township}（盖章）", "en-US": "填报单位：{township}（盖章）" },
  "io.template.dateLine": { "zh-CN": "填报日期：{date}", "en-US": "填报日期：{date}" },
  "io.template.unit": { "zh-CN": "单位：{unit}", "en-US": "单位：{unit}" },
  "io.template.footer": {
    "zh-CN": "填表人：            审核人：            联系电话：",
    "en-US": "填表人：            审核人：            联系电话：",
  },
  "io.template.villageSheet": { "zh-CN": "本乡镇村名册", "en-US": "本乡镇村名册" },
  "io.template.villageSheetTitle": {
    "zh-CN": "{township}村名册（县里按村名册生成，只供选择和复制，请勿改动）",
    "en-US": "{township} villages (from the county's registry: choose or copy from here, do not edit)",
  },
  "io.template.somePromptTitle": { "zh-CN": "只填需要上报的村", "en-US": "Only the villages concerned" },
  "io.template.somePrompt": {
    "zh-CN": "从下拉列表选择本乡镇的村（社区），代码见“本乡镇村名册”表；本表只填需要上报的村，用不完的行留空。",
    "en-US": "Choose the village from the list (codes on the 本乡镇村名册 sheet); list only the villages concerned and leave spare rows blank.",
  },
  "io.template.listErrorTitle": { "zh-CN": "请从下拉列表中选择", "en-US": "Choose from the list" },
  "io.template.listError": { "zh-CN": "只能填写：{values}", "en-US": "Allowed: {values}" },
  "io.template.numberErrorTitle": { "zh-CN": "请填写数字", "en-US": "Enter a number" },
  "io.template.numberError": { "zh-CN": "请填写不小于 0 的数字（单位：{unit}），不要加文字。", "en-US": "Enter a number ≥ 0 ({unit}), no text." },
} satisfies Catalogue;
