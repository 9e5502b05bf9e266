import type { Catalogue } from "./types";

/** Messages of the county consolidation (addin/merge) and of the summary workbook (addin/io/summary-workbook.ts). */
export const merge = {
  // Why a row was not merged (the 未汇总行 list).
  "merge.reason.fileFailed": {
    "zh-CN": "文件未通过审核（{errors} 个错误），整份文件未汇总",
    "en-US": "the file failed validation ({errors} errors); none of its rows was merged",
  },
  "merge.reason.rowErrors": { "zh-CN": "该行有错误：{messages}", "en-US": "this row has errors: {messages}" },
  "merge.reason.rowErrorsUnspecified": {
    "zh-CN": "该行有错误（详见“审核问题”）",
    "en-US": "this row has errors (see 审核问题)",
  },
  "merge.reason.duplicateTownship": {
    "zh-CN": "{township}重复报送（{files}），两份都未汇总",
    "en-US": "{township} sent more than one file ({files}); none was merged",
  },
  "merge.reason.unknownTownship": {
    "zh-CN": "无法确定文件所属乡镇，未汇总",
    "en-US": "the file's township cannot be told; not merged",
  },
  "merge.reason.townshipNotInRegistry": {
    "zh-CN": "文件所属乡镇“{name}”（{code}）不在村名册中，未汇总",
    "en-US": "the file's township “{name}” ({code}) is not in the registry; not merged",
  },
  "merge.reason.unreadable": { "zh-CN": "文件无法读取：{message}", "en-US": "the file cannot be read: {message}" },
  "merge.reason.unreadableUnspecified": { "zh-CN": "文件无法读取", "en-US": "the file cannot be read" },
  "merge.reason.noCode": {
    "zh-CN": "缺少有效的村代码，无法确定是哪个村",
    "en-US": "no valid village code, so the village cannot be told",
  },
  "merge.reason.notInRegistry": {
    "zh-CN": "村代码 {code} 不在村名册中",
    "en-US": "village code {code} is not in the registry",
  },
  "merge.reason.wrongTownship": {
    "zh-CN": "村代码 {code}（{name}）属于{actual}，不属于本文件的{township}",
    "en-US": "village code {code} ({name}) belongs to {actual}, not to this file's {township}",
  },
  "merge.reason.alsoReported": {
    "zh-CN": "；该村已由 {file} 第 {row} 行报送",
    "en-US": "; the village is reported in {file} row {row}",
  },
  "merge.reason.duplicateVillage": {
    "zh-CN": "村代码 {code}（{name}）重复出现（{places}），无法确定以哪一行为准，均未汇总",
    "en-US": "village code {code} ({name}) appears more than once ({places}); none of them was merged",
  },
  "merge.reason.notNumber": {
    "zh-CN": "{column}不是有效数字",
    "en-US": "{column} is not a valid number",
  },
  "merge.fileOrdinal": { "zh-CN": "{file}（第 {n} 个输入文件）", "en-US": "{file} (input file {n})" },
  "merge.place": { "zh-CN": "{file} 第 {row} 行", "en-US": "{file} row {row}" },
  "merge.listSeparator": { "zh-CN": "、", "en-US": ", " },
  "merge.messageSeparator": { "zh-CN": "；", "en-US": "; " },

  // Issues the merge adds to the files' own.
  "merge.issue.duplicateTownship": {
    "zh-CN": "{file}：与 {others} 同为{township}的报表，无法确定以哪一份为准，均未汇总。请确认有效的一份后只提交一份。",
    "en-US": "{file}: {others} is also a file for {township}; neither was merged. Keep the valid one and send only that.",
  },
  "merge.issue.unknownTownship": {
    "zh-CN": "{file}：无法确定本表属于哪个乡镇，未汇总。请在“填报单位”处写上乡镇名称。",
    "en-US": "{file}: the township of this file cannot be told; not merged. Write the township's name after 填报单位.",
  },
  "merge.issue.townshipNotInRegistry": {
    "zh-CN": "{file}：乡镇“{name}”（{code}）不在本县村名册中，未汇总。请核对文件是否报错了县，或更新村名册。",
    "en-US": "{file}: township “{name}” ({code}) is not in this county's registry; not merged. Check the file, or update the registry.",
  },

  // Township / file statuses.
  "merge.status.merged": { "zh-CN": "已汇总", "en-US": "merged" },
  "merge.status.partial": { "zh-CN": "部分汇总（退回 {rejected} 行）", "en-US": "partly merged ({rejected} rows rejected)" },
  "merge.status.partialNoRows": { "zh-CN": "部分汇总", "en-US": "partly merged" },
  "merge.status.failed": { "zh-CN": "未通过审核", "en-US": "failed" },
  "merge.status.missing": { "zh-CN": "未报送", "en-US": "missing" },
  "merge.failure.errors": { "zh-CN": "未通过审核（{errors} 个错误）", "en-US": "failed validation ({errors} errors)" },
  "merge.failure.duplicate": { "zh-CN": "未通过审核（重复报送）", "en-US": "failed (more than one file; none merged)" },
  "merge.failure.unreadable": { "zh-CN": "未通过审核（文件无法读取）", "en-US": "failed (file cannot be read)" },
  "merge.fileStatus.passed": { "zh-CN": "通过", "en-US": "passed" },
  "merge.fileStatus.passedWithWarnings": { "zh-CN": "通过（有未说明的警告）", "en-US": "passed (unexplained warnings)" },
  "merge.fileStatus.mergedWithErrors": {
    "zh-CN": "有错误，仅汇总无错误的行",
    "en-US": "has errors; only rows without errors merged",
  },
  "merge.fileStatus.failed": { "zh-CN": "未通过审核", "en-US": "failed" },
  "merge.fileStatus.duplicate": { "zh-CN": "重复报送", "en-US": "duplicate township" },
  "merge.fileStatus.unknownTownship": { "zh-CN": "乡镇不明", "en-US": "unknown township" },
  "merge.fileStatus.unreadable": { "zh-CN": "无法读取", "en-US": "unreadable" },
  "merge.fileStatus.missing": { "zh-CN": "未报送", "en-US": "missing" },

  // reconcile(): every violation says which figure does not add up.
  "merge.reconcile.rowCount": {
    "zh-CN": "{file}：输入 {input} 行，汇总 {merged} 行 + 未汇总 {rejected} 行 = {sum} 行，不相等",
    "en-US": "{file}: {input} rows in, {merged} merged + {rejected} rejected = {sum}",
  },
  "merge.reconcile.unknownSource": {
    "zh-CN": "{file} 第 {row} 行不属于任何输入文件",
    "en-US": "{file} row {row} comes from no input file",
  },
  "merge.reconcile.rowTwice": {
    "zh-CN": "{file} 第 {row} 行出现了不止一次（汇总或未汇总）",
    "en-US": "{file} row {row} appears more than once (merged or rejected)",
  },
  "merge.reconcile.villageTwice": {
    "zh-CN": "村代码 {code} 在村级明细中出现了 {n} 次",
    "en-US": "village code {code} appears {n} times in the detail",
  },
  "merge.reconcile.villageOutside": {
    "zh-CN": "村级明细中的村代码 {code} 不属于{township}（或不在村名册中）",
    "en-US": "village code {code} in the detail does not belong to {township} (or is not in the registry)",
  },
  "merge.reconcile.registryValue": {
    "zh-CN": "村级明细中村代码 {code} 的{column}为 {value}，与村名册（{expected}）不符",
    "en-US": "village code {code} in the detail has {column} {value}, but the registry says {expected}",
  },
  "merge.reconcile.noReason": {
    "zh-CN": "{file} 第 {row} 行未汇总，但没有写明原因",
    "en-US": "{file} row {row} was rejected without a reason",
  },
  "merge.reconcile.township": {
    "zh-CN": "{township}的{figure}为 {value}，但由村级明细计算为 {expected}",
    "en-US": "{township}: {figure} is {value}, but the village detail gives {expected}",
  },
  "merge.reconcile.county": {
    "zh-CN": "全县合计的{figure}为 {value}，但各乡镇合计为 {expected}",
    "en-US": "county total {figure} is {value}, but the townships add up to {expected}",
  },
  "merge.reconcile.notMergedFigure": {
    "zh-CN": "{township}未汇总，但{figure}为 {value}（应为空）",
    "en-US": "{township} was not merged, but {figure} is {value} (should be blank)",
  },
  "merge.reconcile.incompleteMerged": {
    "zh-CN": "{township}标为“已汇总”，但只汇总了 {reported}/{villages} 个村（应为“部分汇总”）",
    "en-US": "{township} is marked merged, but only {reported}/{villages} villages were merged (should be partial)",
  },
  "merge.reconcile.rankedPartial": {
    "zh-CN": "{township}未完整汇总（{status}），却有排名或红黄旗",
    "en-US": "{township} is not completely merged ({status}) but has a rank or flag",
  },
  "merge.reconcile.countyDetail": {
    "zh-CN": "全县合计的{figure}为 {value}，但由村级明细计算为 {expected}",
    "en-US": "county total {figure} is {value}, but the village detail gives {expected}",
  },

  // The summary workbook.
  "merge.sheet.townships": { "zh-CN": "乡镇汇总", "en-US": "Townships" },
  "merge.sheet.detail": { "zh-CN": "村级明细", "en-US": "Villages" },
  "merge.sheet.submissions": { "zh-CN": "报送情况", "en-US": "Submissions" },
  "merge.sheet.issues": { "zh-CN": "审核问题", "en-US": "Issues" },
  "merge.sheet.rejected": { "zh-CN": "未汇总行", "en-US": "Rejected rows" },
  "merge.title.year": { "zh-CN": "{year}年度", "en-US": " {year}" },
  "merge.title.detailOf": { "zh-CN": "{county}{name}明细", "en-US": "{county} {name}: detail" },
  "merge.title.submissions": { "zh-CN": "{county}各乡镇报送情况", "en-US": "{county} township submissions" },
  "merge.title.issues": { "zh-CN": "审核问题清单", "en-US": "Validation issues" },
  "merge.title.rejected": { "zh-CN": "未汇总行清单", "en-US": "Rows not merged" },
  "merge.rejectedOmitted": {
    "zh-CN": "另有 {count} 行因同一原因未汇总（第 {first}–{last} 行）：{reason}",
    "en-US": "{count} more rows not merged for the same reason (rows {first}–{last}): {reason}",
  },
  "merge.note.partial": {
    "zh-CN": "文件有 {errors} 个错误、退回 {rejected} 行，仅汇总了 {reported}/{villages} 个村；各项只计已汇总的村，{measure}不可与其他乡镇比较，未参与排名和红黄旗",
    "en-US": "{errors} errors and {rejected} rows rejected in the file; only {reported}/{villages} villages merged. Figures count the merged villages only; not ranked or flagged",
  },
  "merge.note.partialRanked": {
    "zh-CN": "文件有 {errors} 个错误、退回 {rejected} 行，仅汇总了 {reported}/{villages} 个村；各项只计已汇总的村（按设置仍参与排名）",
    "en-US": "{errors} errors and {rejected} rows rejected in the file; only {reported}/{villages} villages merged. Figures count the merged villages only (ranked as set)",
  },
  "merge.note.otherRows": {
    "zh-CN": "另有 {rejected} 行不属于本乡镇或无法识别，未汇总（见“未汇总行”）",
    "en-US": "{rejected} more rows are not this township's or cannot be told; not merged (see 未汇总行)",
  },
  "merge.note.partialNoFlags": {
    "zh-CN": "文件有 {errors} 个错误、退回 {rejected} 行，仅汇总了 {reported}/{villages} 个村；各项只计已汇总的村，{measure}不可与其他乡镇比较，未参与排名",
    "en-US": "{errors} errors and {rejected} rows rejected in the file; only {reported}/{villages} villages merged. Figures count the merged villages only; not ranked",
  },
  "merge.note.partialNoRank": {
    "zh-CN": "文件有 {errors} 个错误、退回 {rejected} 行，仅汇总了 {reported}/{villages} 个村；各项只计已汇总的村",
    "en-US": "{errors} errors and {rejected} rows rejected in the file; only {reported}/{villages} villages merged. Figures count the merged villages only",
  },
  "merge.note.unranked": { "zh-CN": "{measure}无法计算，不参与排名", "en-US": "{measure} cannot be computed: not ranked" },
  "merge.note.ranking": {
    "zh-CN": "全县 {ranked} 个参与排名（{method}）",
    "en-US": "{ranked} ranked county-wide ({method})",
  },
  "merge.note.rankingBottom": { "zh-CN": "{bottom}共 {n} 个（并列计入），一对一联系", "en-US": "{bottom}: {n} (ties included)" },
  "merge.note.rankingUnranked": { "zh-CN": "另有 {n} 个无得分，未排名", "en-US": "{n} more without a value, not ranked" },
  "merge.note.list": { "zh-CN": "共 {n} 个", "en-US": "{n} in all" },
  "merge.method.dense": { "zh-CN": "中国式排名", "en-US": "dense ranking" },
  "merge.method.competition": { "zh-CN": "并列占位排名", "en-US": "competition ranking" },
  "merge.note.notMerged": { "zh-CN": "未汇总，各项留空（不计入全县合计）", "en-US": "not merged: figures left blank (not in the county total)" },
  "merge.note.countyTotal": {
    "zh-CN": "只计已汇总的村；村数等村名册数字和任务数为全县",
    "en-US": "merged villages only; registry figures and targets are the whole county's",
  },
  "merge.countyTotal": { "zh-CN": "全县合计", "en-US": "County total" },
  "merge.flag.red": { "zh-CN": "红旗", "en-US": "red flag" },
  "merge.flag.yellow": { "zh-CN": "黄旗", "en-US": "yellow flag" },
  "merge.yes": { "zh-CN": "是", "en-US": "是" },
  "merge.no": { "zh-CN": "否", "en-US": "否" },
  "merge.severity.error": { "zh-CN": "错误", "en-US": "error" },
  "merge.severity.warning": { "zh-CN": "警告", "en-US": "warning" },
  "merge.explained": { "zh-CN": "已说明", "en-US": "explained" },
  "merge.none": { "zh-CN": "无", "en-US": "none" },

  "merge.col.seq": { "zh-CN": "序号", "en-US": "No." },
  "merge.col.township": { "zh-CN": "乡镇", "en-US": "Township" },
  "merge.col.townshipCode": { "zh-CN": "乡镇代码", "en-US": "Township code" },
  "merge.col.status": { "zh-CN": "报送状态", "en-US": "Status" },
  "merge.col.villages": { "zh-CN": "村数", "en-US": "Villages" },
  "merge.col.reported": { "zh-CN": "已报村数", "en-US": "Reported" },
  "merge.col.rankOf": { "zh-CN": "{measure}排名", "en-US": "Rank" },
  "merge.col.unitRank": { "zh-CN": "排名", "en-US": "Rank" },
  "merge.col.bottom": { "zh-CN": "后{share}%", "en-US": "Bottom {share}%" },
  "merge.col.stars": { "zh-CN": "星级", "en-US": "Stars" },
  "merge.col.flag": { "zh-CN": "红黄旗", "en-US": "Flag" },
  "merge.col.villageCode": { "zh-CN": "村（社区）代码", "en-US": "Village code" },
  "merge.col.villageName": { "zh-CN": "村（社区）名称", "en-US": "Village" },
  "merge.col.sourceFile": { "zh-CN": "来源文件", "en-US": "Source file" },
  "merge.col.sourceRow": { "zh-CN": "来源行", "en-US": "Source row" },
  "merge.col.files": { "zh-CN": "报送文件", "en-US": "Files" },
  "merge.col.result": { "zh-CN": "审核结果", "en-US": "Result" },
  "merge.col.errors": { "zh-CN": "错误数", "en-US": "Errors" },
  "merge.col.warnings": { "zh-CN": "警告数", "en-US": "Warnings" },
  "merge.col.rows": { "zh-CN": "数据行数", "en-US": "Rows" },
  "merge.col.rejectedRows": { "zh-CN": "退回行数", "en-US": "Rejected rows" },
  "merge.col.mergedRows": { "zh-CN": "汇总行数", "en-US": "Merged rows" },
  "merge.col.note": { "zh-CN": "说明", "en-US": "Note" },
  "merge.col.file": { "zh-CN": "文件", "en-US": "File" },
  "merge.col.sheet": { "zh-CN": "工作表", "en-US": "Sheet" },
  "merge.col.cell": { "zh-CN": "单元格", "en-US": "Cell" },
  "merge.col.row": { "zh-CN": "行号", "en-US": "Row" },
  "merge.col.severity": { "zh-CN": "类别", "en-US": "Severity" },
  "merge.col.code": { "zh-CN": "问题代码", "en-US": "Code" },
  "merge.col.message": { "zh-CN": "问题及修改方法", "en-US": "Problem and how to fix it" },
  "merge.col.explained": { "zh-CN": "是否已说明", "en-US": "Explained" },
  "merge.col.reason": { "zh-CN": "未汇总原因", "en-US": "Reason" },
} satisfies Catalogue;
