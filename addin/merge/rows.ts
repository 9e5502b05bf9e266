/**
 * Steps 3–4 of the merge: every row of every file either accepted (one registry village of the file's own township,
 * numbers where the template has numbers, each village at most once) or rejected with its reason. A village code seen
 * twice is rejected every time: the merge never picks one row silently.
 */
import type { CompiledTemplate, RegistryTownship, RegistryVillage } from "../templates";
import type { DataRow, FileReport, RejectCode } from "../validate";
import { pushTo, type FileSorting } from "./files";
import type { MergeText } from "./text";
import type { RejectedRow } from "./types";

export interface VillageRef {
  village: RegistryVillage;
  township: RegistryTownship;
  /** Position in the registry (townships in order, villages in order). */
  order: number;
  /** Own-township rows of this village in this merge (the refs are made afresh for each merge). */
  rows: number;
}

/** A row that passed the row checks. */
export interface Candidate {
  fileIndex: number;
  row: DataRow;
  ref: VillageRef;
}

const textOrNull = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

export function sortRows(reports: readonly FileReport[], ct: CompiledTemplate, sorting: FileSorting, villageByCode: Map<string, VillageRef>, text: MergeText): { accepted: Candidate[]; rejected: RejectedRow[] } {
  const { msg, label, sep } = text;
  const { files, mergeFiles, townshipByCode } = sorting;
  const codeKey = ct.summary.codeColumn?.key;
  // Number columns must hold numbers (a required one always; an optional one when filled); 序号 is not merged.
  const numeric = ct.columns.filter((c) => c.numeric && c.key !== ct.template.sequenceColumn);
  const rejected: RejectedRow[] = [];
  const reject = (fileIndex: number, row: DataRow, code: RejectCode, reason: string) => {
    const report = reports[fileIndex];
    rejected.push({
      code,
      file: report.file,
      fileIndex,
      sheet: report.sheet,
      row: row.row,
      villageCode: codeKey ? textOrNull(row.values[codeKey]) : null,
      township: files[fileIndex].townshipName ?? report.township?.name ?? null,
      reason,
    });
    files[fileIndex].rejectedRows++;
  };

  const candidates: Candidate[] = [];
  reports.forEach((report, i) => {
    if (!mergeFiles.has(i)) {
      for (const row of report.rows) reject(i, row, "row-file-rejected", files[i].reason);
      return;
    }
    const fileTownship = townshipByCode.get(files[i].townshipCode!)!;
    for (const row of report.rows) {
      if (row.hasErrors) {
        const messages = report.issues
          .filter((x) => x.severity === "error" && x.row === row.row && (!x.sheet || !report.sheet || x.sheet === report.sheet))
          .map((x) => x.message);
        reject(i, row, "row-errors", messages.length ? msg("merge.reason.rowErrors", { messages: messages.join(msg("merge.messageSeparator")) }) : msg("merge.reason.rowErrorsUnspecified"));
        continue;
      }
      const code = codeKey ? row.values[codeKey] : undefined;
      if (typeof code !== "string" || !/^\d{12}$/.test(code)) {
        reject(i, row, "row-no-code", msg("merge.reason.noCode"));
        continue;
      }
      const ref = villageByCode.get(code);
      if (!ref) {
        reject(i, row, "row-not-in-registry", msg("merge.reason.notInRegistry", { code }));
        continue;
      }
      if (ref.township.code !== fileTownship.code) {
        // Decided after the duplicate check, so the reason can say where the village is merged.
        candidates.push({ fileIndex: i, row, ref });
        continue;
      }
      let bad: (typeof numeric)[number] | undefined;
      for (const c of numeric) {
        const v = row.values[c.key];
        if (v === null || v === undefined ? c.required : typeof v !== "number" || !Number.isFinite(v)) {
          bad = c;
          break;
        }
      }
      if (bad) {
        reject(i, row, "row-not-number", msg("merge.reason.notNumber", { column: bad.header }));
        continue;
      }
      candidates.push({ fileIndex: i, row, ref });
    }
  });

  // Each village at most once: own-township rows counted by code; a code seen twice is rejected every time (the groups
  // are built only for such codes: they are rare, and 200,000 one-row groups would only be garbage).
  for (const c of candidates) if (c.ref.township.code === files[c.fileIndex].townshipCode) c.ref.rows++;
  const twice = new Map<string, Candidate[]>();
  const accepted: Candidate[] = [];
  for (const c of candidates) {
    if (c.ref.township.code !== files[c.fileIndex].townshipCode) continue;
    if (c.ref.rows === 1) accepted.push(c);
    else pushTo(twice, c.ref.village.code, c);
  }
  const place = (c: Candidate) => msg("merge.place", { file: label(c.fileIndex), row: c.row.row });
  for (const [code, group] of twice) {
    const reason = msg("merge.reason.duplicateVillage", { code, name: group[0].ref.village.name, places: group.map(place).join(sep) });
    for (const c of group) reject(c.fileIndex, c.row, "row-duplicate-village", reason);
  }
  const acceptedByCode = new Map(accepted.map((c) => [c.ref.village.code, c]));
  for (const c of candidates) {
    if (c.ref.township.code === files[c.fileIndex].townshipCode) continue;
    const elsewhere = acceptedByCode.get(c.ref.village.code);
    const reason =
      msg("merge.reason.wrongTownship", { code: c.ref.village.code, name: c.ref.village.name, actual: c.ref.township.name, township: files[c.fileIndex].townshipName }) +
      (elsewhere ? msg("merge.reason.alsoReported", { file: label(elsewhere.fileIndex), row: elsewhere.row.row }) : "");
    reject(c.fileIndex, c.row, "row-wrong-township", reason);
  }
  accepted.sort((a, b) => a.ref.order - b.ref.order);
  return { accepted, rejected };
}
