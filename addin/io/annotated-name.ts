import { t } from "../i18n";

/**
 * 东湖镇.xls → 东湖镇_审核标注.xlsx: the name of a file's annotated copy (always .xlsx). Its own module, free of
 * ExcelJS, so the task pane can show the name before the writer is loaded.
 */
export function annotatedName(file: string): string {
  return `${file.replace(/\.(xlsx|xlsm|xls|csv|ods|fods|xml)$/i, "")}_${t("io.annotate.suffix")}.xlsx`;
}
