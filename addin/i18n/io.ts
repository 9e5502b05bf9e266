import type { Catalogue } from "./types";

/** Why a file could not be read, and what the user should do. */
export const io = {
  "io.unreadable.empty": { "zh-CN": "文件“{file}”是空的，请重新导出后再提交。", "en-US": "“{file}” is empty; export it again and resubmit." },
  "io.unreadable.notSpreadsheet": {
    "zh-CN": "文件“{file}”不是有效的 Excel 表格。请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。",
    "en-US": "“{file}” is not a valid spreadsheet. Open it in Excel or WPS, save it as .xlsx and resubmit.",
  },
  "io.unreadable.truncated": {
    "zh-CN": "文件“{file}”已损坏或不完整（可能传输中断）。请从原电脑重新复制或另存后再提交。",
    "en-US": "“{file}” is damaged or incomplete (perhaps cut off in transfer). Copy or save it again and resubmit.",
  },
  "io.unreadable.encrypted": {
    "zh-CN": "文件“{file}”设置了打开密码，无法读取。请在 Excel 中取消文件密码（文件→信息→保护工作簿）后再提交。",
    "en-US": "“{file}” is password-protected. Remove the password (File → Info → Protect Workbook) and resubmit.",
  },
  "io.unreadable.tooLarge": {
    "zh-CN": "文件“{file}”超过 {limit} MB，不像一份乡镇报表。请只保留报表工作表后另存再提交。",
    "en-US": "“{file}” is over {limit} MB, too large for a township report. Keep only the report sheet and resubmit.",
  },
  "io.unreadable.zipBomb": {
    "zh-CN": "文件“{file}”解压后异常巨大，已拒绝读取（可能是恶意文件）。请与报送单位核实。",
    "en-US": "“{file}” expands to an abnormal size and was refused (possibly hostile). Check with the sender.",
  },
  "io.unreadable.tooManySheets": {
    "zh-CN": "文件“{file}”有 {count} 个工作表，超过 {limit} 个，不像一份乡镇报表。请只保留报表工作表后另存再提交。",
    "en-US": "“{file}” has {count} sheets, more than {limit}, too many for a township report. Keep only the report sheet and resubmit.",
  },
  "io.unreadable.tooManyColumns": {
    "zh-CN": "文件“{file}”的工作表“{sheet}”有 {count} 列，超过 {limit} 列，不像一份乡镇报表。请删除多余的列后再提交。",
    "en-US": "Sheet “{sheet}” of “{file}” has {count} columns, more than {limit}, too many for a township report. Delete the extra columns and resubmit.",
  },
  "io.unreadable.tooManyMerges": {
    "zh-CN": "文件“{file}”有 {count} 个合并单元格区域，超过 {limit} 个，不像一份乡镇报表。请取消多余的合并单元格（开始→合并后居中→取消单元格合并）后再提交。",
    "en-US": "“{file}” has {count} merged ranges, more than {limit}, too many for a township report. Unmerge the extra cells (Home → Merge & Center → Unmerge) and resubmit.",
  },
  "io.unreadable.tooManyStrings": {
    "zh-CN": "文件“{file}”的共享文字表有超过 {limit} 条文字，不像一份乡镇报表。请把报表工作表复制到新工作簿另存后再提交。",
    "en-US": "“{file}” holds more than {limit} shared strings, too many for a township report. Copy the report sheet into a new workbook, save and resubmit.",
  },
  "io.unreadable.tooManyCells": {
    "zh-CN": "文件“{file}”的数据超过 {limit} 行/个单元格，不像一份乡镇报表。请删除多余内容后再提交。",
    "en-US": "“{file}” has more than {limit} rows/cells, too many for a township report. Remove the extra content and resubmit.",
  },
} satisfies Catalogue;
