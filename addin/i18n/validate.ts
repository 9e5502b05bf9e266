import type { Catalogue } from "./types";

/**
 * Messages of the validation engine (addin/validate). Each names the sheet and cell, says what is wrong and how to fix it.
 * {at} is "sheet!A1" (or "sheet 第 7 行" for a whole row).
 */
export const validate = {
  "validate.at.row": { "zh-CN": "{sheet} 第 {row} 行", "en-US": "{sheet} row {row}" },
  "validate.omitted": {
    "zh-CN": "另有 {count} 个同类问题，位于 {where}（每类问题只逐条列出前 {limit} 个；请按上面列出的问题同样修改）。",
    "en-US": "{count} more issues of this kind, in {where} (only the first {limit} of each kind are listed; fix them as the ones above).",
  },
  "validate.omitted.nowhere": {
    "zh-CN": "另有 {count} 个同类问题（每类问题只逐条列出前 {limit} 个；请按上面列出的问题同样修改）。",
    "en-US": "{count} more issues of this kind (only the first {limit} of each kind are listed; fix them as the ones above).",
  },
  "validate.omitted.rows": { "zh-CN": "{sheet} 第 {first}–{last} 行", "en-US": "{sheet} rows {first}–{last}" },
  "validate.internalError": {
    "zh-CN": "{file}：审核这个文件时出现了意外错误（{detail}），无法审核。请把这个文件原样发给县里（县农业农村局）核查；其他文件的审核不受影响。",
    "en-US": "{file}: an unexpected error occurred while checking this file ({detail}). Please send the file as it is to the county for inspection; the other files are not affected.",
  },
  "validate.sheetNotFound": {
    "zh-CN": "{file}：文件里没有任何有内容的工作表，请确认选对了文件。",
    "en-US": "{file}: no sheet in this file has any content; check that this is the right file.",
  },
  "validate.headerNotFound": {
    "zh-CN": "{file}：找不到“{template}”的表头（应有 {headers} 等列）。请使用县里下发的模板填报，不要改动表头文字。",
    "en-US": "{file}: the header of “{template}” was not found (it has columns such as {headers}). Use the county's template and keep its header text.",
  },
  "validate.missingColumn": {
    "zh-CN": "{file} 工作表“{sheet}”：缺少“{column}”列，请在表头{where}加上“{column}”列并填写。",
    "en-US": "{file} sheet “{sheet}”: column “{column}” is missing; add it to the header{where} and fill it in.",
  },
  "validate.missingColumn.group": { "zh-CN": "“{group}”下", "en-US": " under “{group}”" },
  "validate.duplicateColumn": {
    "zh-CN": "{at}：“{column}”列重复出现（{first} 已有这一列），请删除多余的一列。",
    "en-US": "{at}: column “{column}” appears twice (already at {first}); delete the extra column.",
  },
  "validate.required": {
    "zh-CN": "{at}：{column}不能为空，请填写。",
    "en-US": "{at}: {column} must not be empty; please fill it in.",
  },
  "validate.requiredWhen": {
    "zh-CN": "{at}：{reason}时{column}必须填写，请补填。",
    "en-US": "{at}: {column} is required when {reason}; please fill it in.",
  },
  "validate.notNumber": {
    "zh-CN": "{at}：{column}“{value}”不是数字，请填写数值{unit}。",
    "en-US": "{at}: {column} “{value}” is not a number; enter a number{unit}.",
  },
  "validate.unit": { "zh-CN": "（单位：{unit}）", "en-US": " (in {unit})" },
  "validate.notInteger": {
    "zh-CN": "{at}：{column}“{value}”不是整数，请填写整数。",
    "en-US": "{at}: {column} “{value}” is not a whole number; enter a whole number.",
  },
  "validate.notYear": {
    "zh-CN": "{at}：{column}“{value}”不是 4 位年份，请填写如 2024。",
    "en-US": "{at}: {column} “{value}” is not a 4-digit year; enter a year such as 2024.",
  },
  "validate.notDate": {
    "zh-CN": "{at}：{column}“{value}”不是有效日期，请填写如 2026-06-30、2026/6/30 或 2026年6月30日 的日期，或把单元格设为日期格式。",
    "en-US": "{at}: {column} “{value}” is not a valid date; enter a date such as 2026-06-30, 2026/6/30 or 2026年6月30日, or format the cell as a date.",
  },
  "validate.dateBeforeMin": {
    "zh-CN": "{at}：{column} {value} 早于 {min}，请核对。",
    "en-US": "{at}: {column} {value} is before {min}; please check.",
  },
  "validate.dateAfterMax": {
    "zh-CN": "{at}：{column} {value} 晚于 {max}，请核对。",
    "en-US": "{at}: {column} {value} is after {max}; please check.",
  },
  "validate.textNumber": {
    "zh-CN": "{at}：{column}“{value}”是文本格式的数字，已按 {number} 读取；请把单元格设为数值格式并只填数字。",
    "en-US": "{at}: {column} “{value}” is a number stored as text, read as {number}; format the cell as a number and enter digits only.",
  },
  "validate.belowMin": {
    "zh-CN": "{at}：{column} {value} 小于最小值 {min}，请核对。",
    "en-US": "{at}: {column} {value} is below the minimum {min}; please check.",
  },
  "validate.aboveMax": {
    "zh-CN": "{at}：{column} {value} 大于最大值 {max}，请核对（单位是否为{unit}）。",
    "en-US": "{at}: {column} {value} is above the maximum {max}; please check (is the unit {unit}?).",
  },
  "validate.enum": {
    "zh-CN": "{at}：{column}“{value}”不是可选项，请从 {options} 中选择一项。",
    "en-US": "{at}: {column} “{value}” is not one of the options; choose one of {options}.",
  },
  "validate.yesNo": {
    "zh-CN": "{at}：{column}“{value}”应填“是”或“否”，请改正。",
    "en-US": "{at}: {column} “{value}” must be 是 or 否.",
  },
  "validate.pattern": {
    "zh-CN": "{at}：{column}“{value}”格式不对，请按模板要求填写。",
    "en-US": "{at}: {column} “{value}” has the wrong format; follow the template.",
  },
  "validate.codeScientific": {
    "zh-CN": "{at}：{column}显示为科学计数法“{value}”，后几位已经丢失。请把该列设为“文本”格式，再重新输入完整的 {length} 位代码。",
    "en-US": "{at}: {column} shows in scientific notation “{value}” and its last digits are lost. Format the column as Text and re-enter the full {length}-digit code.",
  },
  "validate.codeTruncated": {
    "zh-CN": "{at}：{column} {value} 末尾是一串 0，像是被科学计数法截断了。请把该列设为“文本”格式，再重新输入完整的 {length} 位代码。",
    "en-US": "{at}: {column} {value} ends in a run of zeros, as if cut short by scientific notation. Format the column as Text and re-enter the full {length}-digit code.",
  },
  "validate.codeLength": {
    "zh-CN": "{at}：{column}“{value}”不是 {length} 位数字，请按统计用区划代码填写 {length} 位数字。",
    "en-US": "{at}: {column} “{value}” is not {length} digits; enter the {length}-digit statistical division code.",
  },
  "validate.formulaError": {
    "zh-CN": "{at}：单元格是错误值 {error}，请检查公式，或直接填写数值。",
    "en-US": "{at}: the cell holds the error value {error}; fix the formula or enter the value directly.",
  },
  "validate.formulaUncalculated": {
    "zh-CN": "{at}：{column}是公式（={formula}），但文件里没有保存计算结果（文件可能由其他软件生成，未在 Excel 中打开过）。请用 Excel 或 WPS 打开该文件，确认数值后保存，再重新提交。",
    "en-US": "{at}: {column} is a formula (={formula}) saved without its calculated value (the file was probably written by another program). Open it in Excel or WPS, check the figures, save it and resubmit.",
  },
  "validate.decimals": {
    "zh-CN": "{at}：{column} {value} 超过 {decimals} 位小数（单位：{unit}，保留 {decimals} 位小数），请改为 {rounded}。",
    "en-US": "{at}: {column} {value} has more than {decimals} decimals (in {unit}, {decimals} decimals); change it to {rounded}.",
  },
  "validate.yearNotEliminated": {
    "zh-CN": "{at}：{name}填了消薄年份 {year}，但是否已消薄为“否”，请核对：如已消薄，请把是否已消薄改为“是”；如未消薄，请清空消薄年份。",
    "en-US": "{at}: {name} has 消薄年份 {year} but 是否已消薄 is 否; if it was eliminated change 是否已消薄 to 是, otherwise clear the year.",
  },
  "validate.yearAfterReport": {
    "zh-CN": "{at}：{name}的消薄年份 {year} 晚于本表的年度 {reportYear} 年，请填写实际消薄的年份（不晚于 {reportYear}）。",
    "en-US": "{at}: 消薄年份 {year} of {name} is after this report's year {reportYear}; enter the actual year (not after {reportYear}).",
  },
  "validate.yearInFuture": {
    "zh-CN": "{at}：{name}的消薄年份 {year} 还没有到（今年是 {reportYear} 年），请填写实际消薄的年份。",
    "en-US": "{at}: 消薄年份 {year} of {name} is in the future (this year is {reportYear}); enter the actual year.",
  },
  "validate.blankRow": {
    "zh-CN": "{at}：表格中间有空行，请删除该行（或填上数据）。",
    "en-US": "{at}: there is a blank row inside the table; delete it (or fill it in).",
  },
  "validate.hiddenRow": {
    "zh-CN": "{at}：该行被隐藏了，请取消隐藏并核对（隐藏的行同样会被审核和汇总）。",
    "en-US": "{at}: this row is hidden; unhide it and check it (hidden rows are checked and merged too).",
  },
  "validate.unknownVillage": {
    "zh-CN": "{at}：村代码 {code} 不在县村名册中，请核对代码。",
    "en-US": "{at}: village code {code} is not in the county registry; check the code.",
  },
  "validate.unknownVillage.hint": {
    "zh-CN": "{at}：村代码 {code} 不在县村名册中；村名册中{township}“{name}”的代码是 {expected}，请改为 {expected}。",
    "en-US": "{at}: village code {code} is not in the county registry; the registry's code for {township}'s “{name}” is {expected}: use {expected}.",
  },
  "validate.wrongTownship.hint": {
    "zh-CN": "{at}：村代码 {code}（{name}）属于{actual}，不属于本表的{township}；村名册中{township}“{own}”的代码是 {expected}，请改为 {expected}。",
    "en-US": "{at}: village code {code} ({name}) belongs to {actual}, not to this file's {township}; the registry's code for {township}'s “{own}” is {expected}: use {expected}.",
  },
  "validate.wrongTownship": {
    "zh-CN": "{at}：村代码 {code}（{name}）属于{actual}，不属于本表的{township}，请删除该行或核对代码。",
    "en-US": "{at}: village code {code} ({name}) belongs to {actual}, not to this file's {township}; delete the row or check the code.",
  },
  "validate.duplicateVillage": {
    "zh-CN": "{at}：村代码 {code}（{name}）重复填报，第 {first} 行和第 {row} 行是同一个村，请删除重复的一行。",
    "en-US": "{at}: village code {code} ({name}) is reported twice, on rows {first} and {row}; delete one of them.",
  },
  "validate.duplicateValue": {
    "zh-CN": "{at}：{column}“{value}”重复，第 {first} 行已有，请删除重复的一行或改正。",
    "en-US": "{at}: {column} “{value}” repeats row {first}; delete the repeated row or correct it.",
  },
  "validate.missingVillage": {
    "zh-CN": "{file}：漏报{township}{name}（村代码 {code}），请补上该村一行。",
    "en-US": "{file}: {name} (code {code}) of {township} is missing; add a row for it.",
  },
  "validate.registryMismatch": {
    "zh-CN": "{at}：{name}（{code}）的是否薄弱村基数填了“{value}”，县村名册为“{expected}”。薄弱村基数不能更改，请改为“{expected}”。",
    "en-US": "{at}: 是否薄弱村基数 of {name} ({code}) is “{value}” but the county registry says “{expected}”. The baseline cannot change; enter “{expected}”.",
  },
  "validate.nameMismatch": {
    "zh-CN": "{at}：村名称“{value}”与村名册中代码 {code} 的名称“{expected}”不一致，请核对代码和名称。",
    "en-US": "{at}: village name “{value}” differs from the registry name “{expected}” of code {code}; check the code and the name.",
  },
  "validate.rule": { "zh-CN": "{at}：{text}", "en-US": "{at}: {text}" },
  "validate.computedMismatch": {
    "zh-CN": "{at}：{column}填写为 {filled}，按模板的计算方法（{formula}）应为 {expected}。请改正，或留空由系统计算",
    "en-US": "{at}: {column} is {filled}, but by the template's formula ({formula}) it is {expected}. Correct it, or leave it blank for XiaoBo to compute",
  },
  "validate.standard.and": {
    "zh-CN": "总收入 ≥ {totalMin} 万元且经营性收入 ≥ {operatingMin} 万元",
    "en-US": "total income ≥ {totalMin} and operating income ≥ {operatingMin} (万元)",
  },
  "validate.standard.or": {
    "zh-CN": "总收入 ≥ {totalMin} 万元或经营性收入 ≥ {operatingMin} 万元",
    "en-US": "total income ≥ {totalMin} or operating income ≥ {operatingMin} (万元)",
  },
  "validate.standard.operating": {
    "zh-CN": "经营性收入 ≥ {operatingMin} 万元",
    "en-US": "operating income ≥ {operatingMin} (万元)",
  },
  "validate.eliminatedNotMet": {
    "zh-CN": "{at}：{name}填了已消薄，但总收入 {total}、经营性收入 {operating} 未达到消薄标准（{standard}），请核对收入，或把是否已消薄改为“否”。",
    "en-US": "{at}: {name} is marked 已消薄 but total income {total} and operating income {operating} do not meet the standard ({standard}); check the income or change it to 否.",
  },
  "validate.metNotEliminated": {
    "zh-CN": "{at}：{name}总收入 {total}、经营性收入 {operating} 已达到消薄标准（{standard}），但是否已消薄填了“否”，请核对；如确实未消薄，请在备注中写明原因。",
    "en-US": "{at}: {name} meets the standard ({standard}) with total income {total} and operating income {operating} but is marked 否; check it, or explain why in 备注.",
  },
  "validate.totalMissing": {
    "zh-CN": "{file} 工作表“{sheet}”：没有找到“合计”行，请在最后一个村下面加上合计行。",
    "en-US": "{file} sheet “{sheet}”: there is no 合计 (total) row; add one below the last village.",
  },
  "validate.totalMismatch": {
    "zh-CN": "{at}：合计行的{column} {value} 与各村之和 {sum} 不符（相差 {diff}），请改为 {sum}，或用 SUM 公式求和。",
    "en-US": "{at}: the total row's {column} {value} differs from the sum of the villages {sum} (by {diff}); enter {sum} or use a SUM formula.",
  },
  "validate.totalBlank": {
    "zh-CN": "{at}：合计行的{column}是空的，各村之和为 {sum}。请填写 {sum} 或用 SUM 公式求和；如果这里本来就是公式，说明文件没有保存计算结果（可能由其他软件生成），请用 Excel 或 WPS 打开该文件并保存后再提交。",
    "en-US": "{at}: the total row's {column} is empty; the villages add up to {sum}. Enter {sum} or a SUM formula; if it already is a formula, the file was saved without calculated values (probably by another program): open it in Excel or WPS, save it and resubmit.",
  },
  "validate.yoyChange": {
    "zh-CN": "{at}：{name}{column}由上年的 {previous} 变为 {current}，变化 {change}，超过 ±{max}，请核对；如情况属实，请在备注中写明原因。",
    "en-US": "{at}: {column} of {name} changed from {previous} last year to {current} ({change}), more than ±{max}; check it, or explain why in 备注.",
  },
  "validate.unknownTownship": {
    "zh-CN": "{file}：无法确定本表属于哪个乡镇（填报单位没有写乡镇名称，村代码也不在村名册中），请在“填报单位”处写上乡镇名称。",
    "en-US": "{file}: the township of this file cannot be told (填报单位 names none and no village code is in the registry); write the township's name after 填报单位.",
  },
} satisfies Catalogue;
