/**
 * A township's 报送状态 in words: the one text the county workbook, the CLI table and the pane show
 * (merged, partial, failed for one of three reasons, missing).
 */
import { t, type Locale } from "../i18n";
import type { TownshipSummary } from "./types";

export function townshipStatusText(tw: Pick<TownshipSummary, "status" | "failure" | "errorCount" | "rejectedRows">, locale?: Locale): string {
  if (tw.status === "merged") return t("merge.status.merged", {}, locale);
  if (tw.status === "partial") return tw.rejectedRows ? t("merge.status.partial", { rejected: tw.rejectedRows }, locale) : t("merge.status.partialNoRows", {}, locale);
  if (tw.status === "missing") return t("merge.status.missing", {}, locale);
  if (tw.failure === "duplicate") return t("merge.failure.duplicate", {}, locale);
  if (tw.failure === "unreadable") return t("merge.failure.unreadable", {}, locale);
  return t("merge.failure.errors", { errors: tw.errorCount }, locale);
}
