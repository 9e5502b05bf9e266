/**
 * The rows not merged, as the outputs list them: a file that failed as a whole (or a row problem repeated down a long
 * sheet) rejects every row for one reason, and listing 60,000 identical reasons makes a county workbook nobody can
 * open. Per file and reason, the first `limit` rows are listed and the rest counted with their first and last row.
 * The summary itself keeps every rejected row (reconcile counts them).
 */
import { DEFAULT_MAX_ISSUES_PER_CODE } from "../validate/report";
import type { RejectedRow } from "./types";

/** Rows of one file rejected for one reason beyond the limit. */
export interface RejectedOmitted {
  file: string;
  sheet: string | null;
  township: string | null;
  reason: string;
  count: number;
  firstRow: number;
  lastRow: number;
}

export function boundRejected(rows: readonly RejectedRow[], limit = DEFAULT_MAX_ISSUES_PER_CODE): { listed: RejectedRow[]; omitted: RejectedOmitted[] } {
  const seen = new Map<string, number>();
  const omitted = new Map<string, RejectedOmitted>();
  const listed: RejectedRow[] = [];
  for (const r of rows) {
    const key = `${r.fileIndex}\u0000${r.reason}`;
    const n = seen.get(key) ?? 0;
    if (n < limit) {
      seen.set(key, n + 1);
      listed.push(r);
      continue;
    }
    const o = omitted.get(key);
    if (o) {
      o.count++;
      if (r.row < o.firstRow) o.firstRow = r.row;
      if (r.row > o.lastRow) o.lastRow = r.row;
    } else omitted.set(key, { file: r.file, sheet: r.sheet ?? null, township: r.township, reason: r.reason, count: 1, firstRow: r.row, lastRow: r.row });
  }
  return { listed, omitted: [...omitted.values()] };
}
