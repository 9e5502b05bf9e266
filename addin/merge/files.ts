/**
 * Steps 1–2 of the merge: each input file classified (unreadable, township unknown or not in the registry, duplicate
 * township, failed, merged with or without errors), with the issues the merge adds (duplicate-township,
 * unknown-township). The merge never picks one of two files of a township silently.
 */
import type { Registry, RegistryTownship } from "../templates";
import { countIssues, type FileReport, type Issue } from "../validate";
import type { MergeText } from "./text";
import type { SubmittedFile } from "./types";

export interface FileSorting {
  files: SubmittedFile[];
  /** Issues the merge adds to each file's own. */
  extraIssues: Issue[][];
  /** Readable / unreadable files by registry township code (input positions). */
  readableByTownship: Map<string, number[]>;
  unreadableByTownship: Map<string, number[]>;
  /** Input positions of the files whose rows are merged. */
  mergeFiles: Set<number>;
  townshipByCode: Map<string, RegistryTownship>;
}

export { countIssues };

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function sortFiles(reports: readonly FileReport[], registry: Registry, allowErrors: boolean, text: MergeText): FileSorting {
  const { msg, label, sep } = text;
  const townshipByCode = new Map(registry.townships.map((tw) => [tw.code, tw]));
  const files: SubmittedFile[] = [];
  const extraIssues: Issue[][] = reports.map(() => []);
  const readableByTownship = new Map<string, number[]>();
  const unreadableByTownship = new Map<string, number[]>();
  reports.forEach((report, i) => {
    const { errors, warnings } = countIssues(report.issues);
    const code = report.township?.code;
    const tw = code ? townshipByCode.get(code) : undefined;
    const unreadable = report.status === "unreadable" || report.issues.some((x) => x.code === "unreadable");
    const entry: SubmittedFile = {
      file: report.file,
      sheet: report.sheet,
      townshipCode: tw?.code ?? null,
      townshipName: tw?.name ?? null,
      outcome: "passed",
      errorCount: errors,
      warningCount: warnings,
      rows: report.rows.length,
      mergedRows: 0,
      rejectedRows: 0,
      reason: "",
    };
    files.push(entry);
    if (unreadable) {
      const first = report.issues.find((x) => x.code === "unreadable");
      entry.outcome = "unreadable";
      entry.reason = first ? msg("merge.reason.unreadable", { message: first.message }) : msg("merge.reason.unreadableUnspecified");
      if (tw) pushTo(unreadableByTownship, tw.code, i);
      return;
    }
    if (!tw) {
      entry.outcome = "unknown-township";
      const at = { file: report.file, sheet: report.sheet };
      if (code) {
        const name = report.township?.name ?? "";
        entry.reason = msg("merge.reason.townshipNotInRegistry", { code, name });
        extraIssues[i].push({ code: "unknown-township", severity: "error", ...at, message: msg("merge.issue.townshipNotInRegistry", { file: report.file, code, name }) });
      } else {
        entry.reason = msg("merge.reason.unknownTownship");
        if (!report.issues.some((x) => x.code === "unknown-township")) {
          extraIssues[i].push({ code: "unknown-township", severity: "error", ...at, message: msg("merge.issue.unknownTownship", { file: report.file }) });
        }
      }
      entry.errorCount += extraIssues[i].length;
      return;
    }
    pushTo(readableByTownship, tw.code, i);
  });

  const mergeFiles = new Set<number>();
  for (const [code, indexes] of readableByTownship) {
    const tw = townshipByCode.get(code)!;
    if (indexes.length > 1) {
      const names = indexes.map(label);
      for (const i of indexes) {
        const others = names.filter((_, k) => indexes[k] !== i).join(sep);
        extraIssues[i].push({
          code: "duplicate-township",
          severity: "error",
          file: reports[i].file,
          sheet: reports[i].sheet,
          message: msg("merge.issue.duplicateTownship", { file: label(i), others, township: tw.name }),
        });
        files[i].errorCount += 1;
        files[i].outcome = "duplicate";
        files[i].reason = msg("merge.reason.duplicateTownship", { township: tw.name, files: names.join(sep) });
      }
      continue;
    }
    const i = indexes[0];
    const hasErrors = files[i].errorCount > 0 || reports[i].status === "errors";
    if (hasErrors && !allowErrors) {
      files[i].outcome = "failed";
      files[i].reason = msg("merge.reason.fileFailed", { errors: files[i].errorCount });
    } else {
      files[i].outcome = hasErrors ? "merged-with-errors" : "passed";
      mergeFiles.add(i);
    }
  }
  return { files, extraIssues, readableByTownship, unreadableByTownship, mergeFiles, townshipByCode };
}
