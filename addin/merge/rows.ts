/**
 * Steps 3–4 of the merge: every row of every file either accepted (one registry village of the file's own township,
 * numbers where the template has numbers, each village at most once) or rejected with its reason. A village code seen
 * twice is rejected every time: the merge never picks one row silently.
 *
 * Rows are matched to the registry by position (registry-positions.ts): accepted rows are kept by their village's
 * registry position, so they come out in registry order without a sort, and no map of 200,000 codes is made when the
 * files list their villages as the registry does.
 */
import type { CompiledTemplate, Registry } from "../templates";
import type { FileReport, RejectCode } from "../validate";
import type { FileSorting } from "./files";
import { registryPositions } from "./registry-positions";
import type { MergeText } from "./text";
import type { RejectedRow } from "./types";

/** The accepted rows, by registry position p (township t's village k at first[t] + k). */
export interface Accepted {
  first: Int32Array;
  /** Input position of the file of the village's accepted row, -1 when none. */
  file: Int32Array;
  /** The accepted row's place in its file's rows (FileReport.rows), -1 when none. */
  row: Int32Array;
  /** How many accepted rows (villages merged). */
  count: number;
}

/** A row that passed the row checks, where more than one row names its village (or it names another township's). */
interface Candidate {
  fileIndex: number;
  /** Its place in its file's rows. */
  j: number;
  /** Registry position of its village. */
  p: number;
  /** Its place among the candidates (input order). */
  seq: number;
}

const textOrNull = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

/** A 12-digit village code (as /^\d{12}$/ tests it). */
function isCode(v: unknown): v is string {
  if (typeof v !== "string" || v.length !== 12) return false;
  for (let i = 0; i < 12; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function sortRows(reports: readonly FileReport[], ct: CompiledTemplate, sorting: FileSorting, registry: Registry, text: MergeText): { accepted: Accepted; rejected: RejectedRow[] } {
  const { msg, label, sep } = text;
  const { files, mergeFiles } = sorting;
  const tws = registry.townships;
  const reg = registryPositions(registry);
  const villages = reg.first[tws.length];
  const villageAt = (p: number) => tws[reg.townshipOf(p)].villages[p - reg.first[reg.townshipOf(p)]];
  const codeKey = ct.summary.codeColumn?.key;
  // Number columns must hold numbers (a required one always; an optional one when filled); 序号 is not merged.
  const numeric = ct.columns.filter((c) => c.numeric && c.key !== ct.template.sequenceColumn);
  const rejected: RejectedRow[] = [];
  // The rejected row j of a file (its place in the file's rows).
  const reject = (fileIndex: number, j: number, code: RejectCode, reason: string) => {
    const report = reports[fileIndex];
    rejected.push({
      code,
      file: report.file,
      fileIndex,
      sheet: report.sheet,
      row: report.rows.row[j],
      villageCode: codeKey ? textOrNull(report.rows.value(j, codeKey)) : null,
      township: files[fileIndex].townshipName ?? report.township?.name ?? null,
      reason,
    });
    files[fileIndex].rejectedRows++;
  };

  const accepted: Accepted = { first: reg.first, file: new Int32Array(villages).fill(-1), row: new Int32Array(villages).fill(-1), count: 0 };
  // Own-township rows per village; the first one's place among the candidates (for the order of the duplicates).
  const times = new Uint32Array(villages);
  const firstSeq = new Float64Array(villages);
  const groups = new Map<number, Candidate[]>();
  const elsewhere: Candidate[] = [];
  let seq = 0;
  reports.forEach((report, i) => {
    if (!mergeFiles.has(i)) {
      for (let j = 0; j < report.rows.length; j++) reject(i, j, "row-file-rejected", files[i].reason);
      return;
    }
    const { length, row: sheetRows, hasErrors } = report.rows;
    const codes = codeKey ? report.rows.column(codeKey) : undefined;
    const numbers = numeric.map((c) => report.rows.column(c.key));
    const t = reg.townshipAt.get(files[i].townshipCode!)!;
    const own = tws[t].villages;
    let next = 0;
    for (let j = 0; j < length; j++) {
      if (hasErrors[j]) {
        const messages = report.issues
          .filter((x) => x.severity === "error" && x.row === sheetRows[j] && (!x.sheet || !report.sheet || x.sheet === report.sheet))
          .map((x) => x.message);
        reject(i, j, "row-errors", messages.length ? msg("merge.reason.rowErrors", { messages: messages.join(msg("merge.messageSeparator")) }) : msg("merge.reason.rowErrorsUnspecified"));
        continue;
      }
      const code = codes?.[j];
      if (!isCode(code)) {
        reject(i, j, "row-no-code", msg("merge.reason.noCode"));
        continue;
      }
      // Where the registry order puts it, else anywhere in its township, else anywhere in the registry.
      const k = next < own.length && own[next].code === code ? next : (reg.within(t).get(code) ?? -1);
      if (k < 0) {
        const p = reg.anywhere().get(code);
        if (p === undefined) reject(i, j, "row-not-in-registry", msg("merge.reason.notInRegistry", { code }));
        // Decided after the duplicate check, so the reason can say where the village is merged.
        else elsewhere.push({ fileIndex: i, j, p, seq: seq++ });
        continue;
      }
      next = k + 1;
      let bad: (typeof numeric)[number] | undefined;
      for (let k = 0; k < numeric.length; k++) {
        const c = numeric[k];
        const v = numbers[k]?.[j];
        if (v === null || v === undefined ? c.required : typeof v !== "number" || !Number.isFinite(v)) {
          bad = c;
          break;
        }
      }
      if (bad) {
        reject(i, j, "row-not-number", msg("merge.reason.notNumber", { column: bad.header }));
        continue;
      }
      const p = reg.first[t] + k;
      const s = seq++;
      const n = ++times[p];
      if (n === 1) {
        accepted.file[p] = i;
        accepted.row[p] = j;
        firstSeq[p] = s;
        accepted.count++;
        continue;
      }
      if (n === 2) {
        groups.set(p, [{ fileIndex: accepted.file[p], j: accepted.row[p], p, seq: firstSeq[p] }]);
        accepted.file[p] = -1;
        accepted.row[p] = -1;
        accepted.count--;
      }
      groups.get(p)!.push({ fileIndex: i, j, p, seq: s });
    }
  });

  // A code seen twice: each of its rows rejected, the codes in the order of their first row.
  const twice = [...groups.values()].sort((a, b) => a[0].seq - b[0].seq);
  const sheetRow = (fileIndex: number, j: number) => reports[fileIndex].rows.row[j];
  const place = (c: Candidate) => msg("merge.place", { file: label(c.fileIndex), row: sheetRow(c.fileIndex, c.j) });
  for (const group of twice) {
    const v = villageAt(group[0].p);
    const reason = msg("merge.reason.duplicateVillage", { code: v.code, name: v.name, places: group.map(place).join(sep) });
    for (const c of group) reject(c.fileIndex, c.j, "row-duplicate-village", reason);
  }
  for (const c of elsewhere) {
    const v = villageAt(c.p);
    const actual = tws[reg.townshipOf(c.p)];
    const at = accepted.file[c.p];
    const reason =
      msg("merge.reason.wrongTownship", { code: v.code, name: v.name, actual: actual.name, township: files[c.fileIndex].townshipName }) +
      (at >= 0 ? msg("merge.reason.alsoReported", { file: label(at), row: sheetRow(at, accepted.row[c.p]) }) : "");
    reject(c.fileIndex, c.j, "row-wrong-township", reason);
  }
  return { accepted, rejected };
}
