import { getLocale, t, type Locale, type MessageKey, type Params } from "../i18n";
import type { RegistryTownship, RegistryVillage } from "../templates";
import type { DataRow, FileReport, Issue } from "../validate";
import {
  averagePerVillage,
  denseRankDescending,
  eliminationRate,
  fromCents,
  redYellowFlags,
  shareAtLeast,
  taskCompletionRate,
  toCents,
} from "./figures";
import type {
  CountySummary,
  CountyTotals,
  FileOutcome,
  MergedVillage,
  MergeOptions,
  RejectedFile,
  RejectedRow,
  SubmittedFile,
  TownshipFailure,
  TownshipSummary,
} from "./types";

/** 经营性收入 threshold when neither the options nor the template give one (万元). */
export const DEFAULT_OPERATING_THRESHOLD = 15;

interface VillageRef {
  village: RegistryVillage;
  township: RegistryTownship;
  /** Position in the registry (townships in order, villages in order). */
  order: number;
}

/** A row that passed the row checks, waiting for the duplicate check. */
interface Candidate {
  fileIndex: number;
  row: DataRow;
  ref: VillageRef;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const textOrNull = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (!i.explained) warnings++;
  }
  return { errors, warnings };
}

/**
 * Consolidates validated township files into the county summary (汇总).
 *
 * Policy (docs: domain.md "The county summary"):
 * - A file with errors is not merged (its township is 未通过审核 and every row is rejected as 文件未通过审核),
 *   unless `allowErrors`: then its rows without errors are merged and rows with errors rejected with their messages.
 * - A registry township with no file is 未报送. Two or more readable files for one township are all rejected
 *   (duplicate-township issue naming the others): the merge never picks one silently.
 * - A file whose township is unknown or not in the registry is rejected (unknown-township); an unreadable file is
 *   listed with its reason.
 * - Row by row, whatever validation said, only a registry village of the file's own township, with numeric
 *   incomes, is merged; a village code that would be merged twice is rejected every time it appears.
 * - 已消除数 counts registry-baseline villages whose merged row says 是否已消薄 = 是. Validation makes
 *   是 without 达标 an error, so every merged 是 row is 达标 (with allowErrors too: such a row has an error and is
 *   rejected). The baseline is always the registry's, never the file's.
 * - A township whose file was merged but not completely (with errors under allowErrors, or some registry villages
 *   not merged) is `partial`: its figures count what was merged, and it is not ranked or flagged (unless
 *   `rankPartial`), since its 消除率 is not comparable with the complete townships'.
 * - A failed or missing township has no figures: 已消除数, money and rates are null (blank), never a made-up 0.
 *   全县合计 is computed from the villages, so it counts what was merged; its 消除率 is the county's eliminated ÷ the
 *   whole registry baseline.
 * Every input row ends in `detail` or in `rejected` (with a reason): see reconcile().
 */
export function mergeSubmissions(reports: readonly FileReport[], options: MergeOptions): CountySummary {
  const locale: Locale = options.locale ?? getLocale();
  const msg = (key: MessageKey, params: Params = {}) => t(key, params, locale);
  const sep = msg("merge.listSeparator");
  const registry = options.registry;
  const targets = options.targets ?? {};
  const allowErrors = !!options.allowErrors;
  const threshold =
    options.operatingThreshold ?? options.template?.parameters?.operatingMin ?? DEFAULT_OPERATING_THRESHOLD;
  const flagTop = options.flagTop ?? 3;
  const flagBottom = options.flagBottom ?? 3;
  const rankPartial = !!options.rankPartial;
  // FileReport.file is used as given (the CLI makes it a relative path when base names clash); should two inputs
  // still carry the same name, messages add the input position so they never name "both" files alike.
  const nameCount = new Map<string, number>();
  for (const r of reports) nameCount.set(r.file, (nameCount.get(r.file) ?? 0) + 1);
  const label = (i: number) =>
    (nameCount.get(reports[i].file) ?? 0) > 1 ? msg("merge.fileOrdinal", { file: reports[i].file, n: i + 1 }) : reports[i].file;

  const townshipByCode = new Map<string, RegistryTownship>();
  const villageByCode = new Map<string, VillageRef>();
  let order = 0;
  for (const tw of registry.townships) {
    townshipByCode.set(tw.code, tw);
    for (const v of tw.villages) villageByCode.set(v.code, { village: v, township: tw, order: order++ });
  }

  // 1. Classify each file.
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
      if (code) {
        const name = report.township?.name ?? "";
        entry.reason = msg("merge.reason.townshipNotInRegistry", { code, name });
        extraIssues[i].push({
          code: "unknown-township",
          severity: "error",
          file: report.file,
          sheet: report.sheet,
          message: msg("merge.issue.townshipNotInRegistry", { file: report.file, code, name }),
        });
      } else {
        entry.reason = msg("merge.reason.unknownTownship");
        if (!report.issues.some((x) => x.code === "unknown-township")) {
          extraIssues[i].push({
            code: "unknown-township",
            severity: "error",
            file: report.file,
            sheet: report.sheet,
            message: msg("merge.issue.unknownTownship", { file: report.file }),
          });
        }
      }
      entry.errorCount += extraIssues[i].length;
      return;
    }
    pushTo(readableByTownship, tw.code, i);
  });

  // 2. Duplicates, failures, the files to merge.
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

  // 3. Rows: rejected with the file's reason, or checked one by one.
  const rejected: RejectedRow[] = [];
  const candidates: Candidate[] = [];
  const reject = (fileIndex: number, row: DataRow, reason: string) => {
    const report = reports[fileIndex];
    rejected.push({
      file: report.file,
      fileIndex,
      sheet: report.sheet,
      row: row.row,
      villageCode: textOrNull(row.values.villageCode),
      township: files[fileIndex].townshipName ?? report.township?.name ?? null,
      reason,
    });
    files[fileIndex].rejectedRows++;
  };
  reports.forEach((report, i) => {
    if (!mergeFiles.has(i)) {
      for (const row of report.rows) reject(i, row, files[i].reason);
      return;
    }
    const fileTownship = townshipByCode.get(files[i].townshipCode!)!;
    for (const row of report.rows) {
      if (row.hasErrors) {
        const messages = report.issues
          .filter((x) => x.severity === "error" && x.row === row.row && (!x.sheet || !report.sheet || x.sheet === report.sheet))
          .map((x) => x.message);
        reject(i, row, messages.length ? msg("merge.reason.rowErrors", { messages: messages.join(msg("merge.messageSeparator")) }) : msg("merge.reason.rowErrorsUnspecified"));
        continue;
      }
      const code = row.values.villageCode;
      if (typeof code !== "string" || !/^\d{12}$/.test(code)) {
        reject(i, row, msg("merge.reason.noCode"));
        continue;
      }
      const ref = villageByCode.get(code);
      if (!ref) {
        reject(i, row, msg("merge.reason.notInRegistry", { code }));
        continue;
      }
      if (ref.township.code !== fileTownship.code) {
        // Decided after the duplicate check, so the reason can say where the village is merged.
        candidates.push({ fileIndex: i, row, ref });
        continue;
      }
      const bad = (["totalIncome", "operatingIncome"] as const).find((k) => !isNumber(row.values[k]));
      const subsidy = row.values.subsidyIncome;
      if (bad || (subsidy !== null && subsidy !== undefined && !isNumber(subsidy))) {
        const column = msg(bad === "totalIncome" ? "merge.col.total" : bad === "operatingIncome" ? "merge.col.operating" : "merge.col.subsidy");
        reject(i, row, msg("merge.reason.notNumber", { column }));
        continue;
      }
      candidates.push({ fileIndex: i, row, ref });
    }
  });

  // 4. Each village at most once: own-township rows grouped by code; a code seen twice is rejected every time.
  const own = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.ref.township.code === files[c.fileIndex].townshipCode) pushTo(own, c.ref.village.code, c);
  }
  const place = (c: Candidate) => msg("merge.place", { file: label(c.fileIndex), row: c.row.row });
  const accepted: Candidate[] = [];
  for (const [code, group] of own) {
    if (group.length === 1) {
      accepted.push(group[0]);
      continue;
    }
    const reason = msg("merge.reason.duplicateVillage", {
      code,
      name: group[0].ref.village.name,
      places: group.map(place).join(sep),
    });
    for (const c of group) reject(c.fileIndex, c.row, reason);
  }
  const acceptedByCode = new Map(accepted.map((c) => [c.ref.village.code, c]));
  for (const c of candidates) {
    if (c.ref.township.code === files[c.fileIndex].townshipCode) continue;
    const elsewhere = acceptedByCode.get(c.ref.village.code);
    const reason =
      msg("merge.reason.wrongTownship", {
        code: c.ref.village.code,
        name: c.ref.village.name,
        actual: c.ref.township.name,
        township: files[c.fileIndex].townshipName,
      }) + (elsewhere ? msg("merge.reason.alsoReported", { file: label(elsewhere.fileIndex), row: elsewhere.row.row }) : "");
    reject(c.fileIndex, c.row, reason);
  }

  // 5. The detail, in registry order.
  accepted.sort((a, b) => a.ref.order - b.ref.order);
  const detail: MergedVillage[] = accepted.map((c) => {
    const report = reports[c.fileIndex];
    files[c.fileIndex].mergedRows++;
    const v = c.row.values;
    const eliminated = typeof v.eliminated === "boolean" ? v.eliminated : null;
    const year = v.eliminatedYear;
    return {
      townshipCode: c.ref.township.code,
      townshipName: c.ref.township.name,
      villageCode: c.ref.village.code,
      villageName: c.ref.village.name,
      reportedName: textOrNull(v.villageName),
      weakBaseline: c.ref.village.weakBaseline,
      totalIncome: fromCents(toCents(v.totalIncome as number)),
      operatingIncome: fromCents(toCents(v.operatingIncome as number)),
      subsidyIncome: isNumber(v.subsidyIncome) ? fromCents(toCents(v.subsidyIncome)) : null,
      eliminated,
      eliminatedYear: isNumber(year) ? year : typeof year === "string" && /^\d{4}$/.test(year.trim()) ? Number(year) : null,
      incomePath: textOrNull(v.incomePath),
      remarks: textOrNull(v.remarks),
      countedEliminated: c.ref.village.weakBaseline && eliminated === true,
      source: { file: report.file, fileIndex: c.fileIndex, sheet: report.sheet, row: c.row.row },
    };
  });

  // 6. Townships.
  const detailByTownship = new Map<string, MergedVillage[]>();
  for (const d of detail) pushTo(detailByTownship, d.townshipCode, d);
  const townships: TownshipSummary[] = registry.townships.map((tw) => {
    const readable = readableByTownship.get(tw.code) ?? [];
    const unreadable = unreadableByTownship.get(tw.code) ?? [];
    const own = [...readable, ...unreadable].sort((a, b) => a - b);
    const merged = readable.length === 1 && mergeFiles.has(readable[0]);
    let failure: TownshipFailure | null = null;
    if (!merged && own.length) {
      failure = readable.length > 1 ? "duplicate" : readable.length === 1 ? "errors" : "unreadable";
    }
    const counted = merged ? readable : own;
    const rows = detailByTownship.get(tw.code) ?? [];
    const weakBaseline = tw.villages.filter((v) => v.weakBaseline).length;
    const target = Object.prototype.hasOwnProperty.call(targets, tw.code) ? targets[tw.code] : null;
    const rejectedRows = own.reduce((n, i) => n + files[i].rejectedRows, 0);
    // Complete: every registry village merged, from a file without errors. (A rejected row that is not one of its
    // villages, e.g. a neighbour's, leaves its figures complete; it is still listed in 未汇总行.)
    const partial = merged && (files[readable[0]].outcome === "merged-with-errors" || rows.length < tw.villages.length);
    const base = {
      code: tw.code,
      name: tw.name,
      failure,
      files: own.map((i) => reports[i].file),
      errorCount: counted.reduce((n, i) => n + files[i].errorCount, 0),
      warningCount: counted.reduce((n, i) => n + files[i].warningCount, 0),
      villages: tw.villages.length,
      reported: rows.length,
      rejectedRows,
      weakBaseline,
      target,
      rank: null,
      flag: null,
    };
    if (!merged) {
      return {
        ...base,
        status: own.length ? "failed" : "missing",
        eliminated: null,
        eliminationRate: null,
        taskCompletionRate: null,
        totalIncome: null,
        operatingIncome: null,
        subsidyIncome: null,
        averageOperatingIncome: null,
        atThreshold: null,
        atThresholdShare: null,
      } satisfies TownshipSummary;
    }
    const figures = aggregate(rows, threshold);
    return {
      ...base,
      status: partial ? "partial" : "merged",
      eliminated: figures.eliminated,
      eliminationRate: eliminationRate(figures.eliminated, weakBaseline),
      taskCompletionRate: taskCompletionRate(figures.eliminated, target),
      totalIncome: figures.totalIncome,
      operatingIncome: figures.operatingIncome,
      subsidyIncome: figures.subsidyIncome,
      averageOperatingIncome: figures.averageOperatingIncome,
      atThreshold: figures.atThreshold,
      atThresholdShare: figures.atThresholdShare,
    } satisfies TownshipSummary;
  });

  // 7. 消除率 rank (中国式排名) and red/yellow flags among the complete townships with a rate (partial ones too if asked).
  const ranked = townships.filter((tw) => tw.eliminationRate !== null && (tw.status === "merged" || (rankPartial && tw.status === "partial")));
  const rates = ranked.map((tw) => tw.eliminationRate as number);
  const ranks = denseRankDescending(rates);
  const flagged = redYellowFlags(rates, flagTop, flagBottom);
  ranked.forEach((tw, k) => {
    tw.rank = ranks[k];
    tw.flag = flagged[k];
  });

  // 8. 全县合计, from the villages.
  const all = aggregate(detail, threshold);
  const villages = registry.townships.reduce((n, tw) => n + tw.villages.length, 0);
  const weakBaseline = townships.reduce((n, tw) => n + tw.weakBaseline, 0);
  // Σ targets of every township with one, merged or not: the county's task does not shrink when a file fails.
  const withTarget = townships.filter((tw) => tw.target !== null);
  const target = withTarget.length ? withTarget.reduce((n, tw) => n + (tw.target as number), 0) : null;
  const county: CountyTotals = {
    villages,
    reported: detail.length,
    weakBaseline,
    eliminated: all.eliminated,
    eliminationRate: eliminationRate(all.eliminated, weakBaseline),
    target,
    taskCompletionRate: taskCompletionRate(all.eliminated, target),
    totalIncome: all.totalIncome,
    operatingIncome: all.operatingIncome,
    subsidyIncome: all.subsidyIncome,
    averageOperatingIncome: all.averageOperatingIncome,
    atThreshold: all.atThreshold,
    atThresholdShare: all.atThresholdShare,
  };

  const issues: Issue[] = [];
  reports.forEach((r, i) => issues.push(...r.issues, ...extraIssues[i]));
  const rejectedFiles: RejectedFile[] = files
    .filter((f) => f.outcome !== "passed" && f.outcome !== "merged-with-errors")
    .map((f) => ({ file: f.file, outcome: f.outcome as RejectedFile["outcome"], reason: f.reason }));

  return {
    townships,
    county,
    detail,
    rejected,
    files,
    rejectedFiles,
    issues,
    operatingThreshold: threshold,
    allowErrors,
    rankPartial,
    locale,
    registry,
  };
}

/** Sums of a set of merged villages: money in integer cents, then back to 万元. */
export function aggregate(rows: readonly MergedVillage[], threshold: number) {
  let total = 0;
  let operating = 0;
  let subsidy = 0;
  let eliminated = 0;
  let atThreshold = 0;
  const operatingValues: number[] = [];
  for (const r of rows) {
    total += toCents(r.totalIncome);
    operating += toCents(r.operatingIncome);
    if (r.subsidyIncome !== null) subsidy += toCents(r.subsidyIncome);
    if (r.countedEliminated) eliminated++;
    if (r.operatingIncome >= threshold) atThreshold++;
    operatingValues.push(r.operatingIncome);
  }
  return {
    eliminated,
    totalIncome: fromCents(total),
    operatingIncome: fromCents(operating),
    subsidyIncome: fromCents(subsidy),
    averageOperatingIncome: averagePerVillage(operating, rows.length),
    atThreshold,
    // The share through the metrics engine (=XB.SHAREABOVE), so the summary and the functions cannot disagree.
    atThresholdShare: shareAtLeast(operatingValues, threshold),
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export type { FileOutcome };
