import { t, type Locale, type MessageKey, type Params } from "../i18n";
import type { FileReport } from "../validate";

/** The merge's messages in its locale, and how it names an input file. */
export interface MergeText {
  locale: Locale;
  msg(key: MessageKey, params?: Params): string;
  /** The file's name; with its input position when two inputs carry the same name (never "both" named alike). */
  label(fileIndex: number): string;
  sep: string;
}

export function mergeText(reports: readonly FileReport[], locale: Locale): MergeText {
  const msg = (key: MessageKey, params: Params = {}) => t(key, params, locale);
  const nameCount = new Map<string, number>();
  for (const r of reports) nameCount.set(r.file, (nameCount.get(r.file) ?? 0) + 1);
  const label = (i: number) => ((nameCount.get(reports[i].file) ?? 0) > 1 ? msg("merge.fileOrdinal", { file: reports[i].file, n: i + 1 }) : reports[i].file);
  return { locale, msg, label, sep: msg("merge.listSeparator") };
}
