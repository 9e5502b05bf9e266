/**
 * reconcile()'s row check: every input row is merged or rejected exactly once (in = merged + rejected, per input file,
 * and each (file, sheet, row) once); every rejected row has a reason. Counted in typed arrays by file position, with a
 * bit per sheet row: no per-row key string or Map entry.
 */
import type { Params } from "../i18n";
import type { ReconcileCode, VariantOf } from "../validate";
import type { CountySummary, RowSource } from "./types";

export type Fail = <C extends ReconcileCode>(code: C, variant: VariantOf<C>, params: Params) => void;

/** Rows past Excel's last (1,048,576) are not sheet rows: such a source takes the general path. */
const MAX_ROW = 1_048_576;

export function checkRows(summary: CountySummary, fail: Fail): void {
  const files = summary.files;
  const nf = files.length;
  const merged = new Float64Array(nf);
  const rejected = new Float64Array(nf);
  const at = (i: unknown): number => (typeof i === "number" && Number.isInteger(i) && i >= 0 && i < nf ? i : -1);
  // Indexed loops over the rows (a for-of allocates an iterator result per row until its function is optimised).
  const { detail, rejected: rows } = summary;
  for (let k = 0; k < detail.length; k++) {
    const i = at(detail.fileIndex[k]);
    if (i >= 0) merged[i]++;
  }
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const i = at(r.fileIndex);
    if (i >= 0) rejected[i]++;
    if (!r.reason || !r.reason.trim()) fail("reconcile-rows", "noReason", { file: r.file, row: r.row });
  }
  if (!checkSourcesFast(summary, fail)) checkSourcesByKey(summary, fail);
  for (let i = 0; i < nf; i++) {
    const f = files[i];
    const m = merged[i];
    const r = rejected[i];
    if (m + r !== f.rows) fail("reconcile-rows", "rowCount", { file: f.file, input: f.rows, merged: m, rejected: r, sum: m + r });
  }
}

/**
 * Every source of the summary in order: the detail's, then the rejected rows'. The detail's are handed over in one
 * reused object (a visit reads it and keeps nothing), not an object per unit.
 */
function forEachSource(summary: CountySummary, visit: (s: RowSource) => void): void {
  const { detail, rejected } = summary;
  const s: RowSource = { file: "", fileIndex: 0, sheet: undefined, row: 0 };
  for (let k = 0; k < detail.length; k++) {
    s.file = detail.file[k];
    s.fileIndex = detail.fileIndex[k];
    s.sheet = detail.sheet[k];
    s.row = detail.row[k];
    visit(s);
  }
  for (let k = 0; k < rejected.length; k++) visit(rejected[k]);
}

/** Whether a source names an input file (by position and name); one that does not is reported as unknown. */
function known(summary: CountySummary, s: RowSource): boolean {
  const input = summary.files[s.fileIndex];
  return !!input && input.file === s.file;
}

/**
 * The sources checked with a bitmap of sheet rows per file: when every source that names a file has an integer row
 * within a sheet and its file's one sheet (what a merge writes). Returns false, having reported nothing, otherwise.
 */
function checkSourcesFast(summary: CountySummary, fail: Fail): boolean {
  const nf = summary.files.length;
  const sheets: (string | undefined)[] = new Array(nf).fill(undefined);
  const top = new Float64Array(nf).fill(-1);
  let sources = 0;
  let ok = true;
  forEachSource(summary, (s) => {
    if (!ok || !known(summary, s)) return;
    const i = s.fileIndex;
    const sheet = s.sheet ?? "";
    const row = s.row;
    if (typeof i !== "number" || typeof sheet !== "string" || typeof row !== "number" || !Number.isInteger(row) || row < 0 || row > MAX_ROW) ok = false;
    else if (top[i] < 0) {
      sheets[i] = sheet;
      top[i] = row;
    } else if (sheets[i] !== sheet) ok = false;
    else if (row > top[i]) top[i] = row;
    sources++;
  });
  if (!ok) return false;
  // One bit per row up to each file's last: bounded by the sources, else the general path (a handful of huge row numbers).
  const offset = new Float64Array(nf);
  let bits = 0;
  for (let i = 0; i < nf; i++) {
    offset[i] = bits;
    bits += top[i] + 1;
  }
  if (bits > 64 * sources + MAX_ROW) return false;
  const seen = new Uint8Array(Math.ceil(bits / 8));
  forEachSource(summary, (s) => {
    if (!known(summary, s)) {
      fail("reconcile-rows", "unknownSource", { file: s.file, row: s.row });
      return;
    }
    const bit = offset[s.fileIndex] + s.row;
    const byte = Math.floor(bit / 8);
    const mask = 1 << bit % 8;
    if (seen[byte] & mask) fail("reconcile-rows", "rowTwice", { file: s.file, row: s.row });
    seen[byte] |= mask;
  });
  return true;
}

/** The general path: each source by its (file position, sheet, row) key. */
function checkSourcesByKey(summary: CountySummary, fail: Fail): void {
  const seen = new Set<string>();
  forEachSource(summary, (s) => {
    if (!known(summary, s)) {
      fail("reconcile-rows", "unknownSource", { file: s.file, row: s.row });
      return;
    }
    const key = `${s.fileIndex}\u0000${s.sheet ?? ""}\u0000${s.row}`;
    if (seen.has(key)) fail("reconcile-rows", "rowTwice", { file: s.file, row: s.row });
    seen.add(key);
  });
}
