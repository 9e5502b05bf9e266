/**
 * `npm run bench -- ranks`: XB.RANKS over 1k / 10k / 100k values with ties, every method, against
 *  (floor) a native Float64Array sort of the same values — ranking is a sort plus a pass, so this is the floor;
 *  (a) n calls of the single-value rank (XB.RANK filled down a column);
 *  (b) the classic SUMPRODUCT((r>=x)/COUNTIF(r,r)) formula's O(n²) algorithm (at 100k, timed on a sample of rows
 *      and extrapolated, as the output says).
 * All in one process, medians of several runs. Targets: 100k well under a second, ≥ 100× faster than (b),
 * within 3× of the floor for every method.
 */
import { rank, rankOf, RANK_METHODS } from "../addin/metrics";

// The wrappers are measured as Excel calls them; they only need CustomFunctions for errors, which these inputs never raise.
(globalThis as { CustomFunctions?: unknown }).CustomFunctions ??= { Error: Error, ErrorCode: {} };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XB = require("../functions/functions") as typeof import("../functions/functions");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** Values with plenty of ties, as rates over a county's units are (3 decimals). */
function values(n: number, seed = 7): Float64Array {
  let a = seed;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1664525) + 1013904223) | 0;
    out[i] = Math.round(((a >>> 0) / 4294967296) * 1000) / 1000;
  }
  return out;
}

/** The COUNTIF/SUMPRODUCT dense rank, computed the way the spreadsheet does: for each x, Σ over r of (r≥x)/COUNTIF(r,r). */
function sumproductRanks(xs: Float64Array, rows: number): number {
  const n = xs.length;
  const count = new Map<number, number>();
  for (const v of xs) count.set(v, (count.get(v) ?? 0) + 1);
  let checksum = 0;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (xs[j] >= xs[i]) s += 1 / count.get(xs[j])!;
    checksum += s;
  }
  return checksum;
}

export function run(log: (s: string) => void = console.log): void {
  log("| n | method | engine rank ms | XB.RANKS ms | XB.GROUPRANK ms | floor: Float64Array sort ms | RANKS × floor | GROUPRANK × floor | (a) n × RANK ms | RANKS vs (a) | (b) SUMPRODUCT ms | RANKS vs (b) |");
  log("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const n of [1_000, 10_000, 100_000]) {
    const xs = values(n);
    // As Excel passes a column: one row per value; groups like townships (12 of them).
    const column = Array.from(xs, (v) => [v]);
    const groups = Array.from(xs, (_, i) => [`乡镇${i % 12}`]);
    const runs = n >= 100_000 ? 7 : 21;
    const floor = time(() => xs.slice().sort(), runs);
    // (b) is the same for every method's comparison; at 100k time a sample of rows and scale up.
    const sampleRows = n >= 100_000 ? 500 : n;
    const bSample = time(() => sumproductRanks(xs, sampleRows), n >= 10_000 ? 3 : 5);
    const b = (bSample * n) / sampleRows;
    for (const method of RANK_METHODS) {
      const engine = time(() => rank(xs, { method }), runs);
      const r = time(() => XB.RANKS(column, true, method), runs);
      const g = time(() => XB.GROUPRANK(column, groups, true, method), runs);
      // (a) n single-value lookups; at 100k time a sample and scale (each lookup sorts the list again, as RANK does).
      const aRows = n >= 10_000 ? 200 : n;
      const aSample = time(() => {
        for (let i = 0; i < aRows; i++) rankOf(xs[i], xs, { method: method === "ordinal" ? "competition" : method });
      }, 3);
      const a = (aSample * n) / aRows;
      const est = (rows: number) => (rows < n ? "≈" : "");
      log(
        `| ${n.toLocaleString("en")} | ${method} | ${engine.toFixed(2)} | ${r.toFixed(2)} | ${g.toFixed(2)} | ${floor.toFixed(2)} | ${(r / floor).toFixed(2)} | ${(g / floor).toFixed(2)} | ${est(aRows)}${a.toFixed(0)} | ${(a / r).toFixed(0)}× | ${est(sampleRows)}${b.toFixed(0)} | ${(b / r).toFixed(0)}× |`,
      );
    }
  }
  log("");
  log("≈: extrapolated from a sample of rows (500 for SUMPRODUCT at 100k, 200 single-value ranks at 10k and 100k), each row costing the same.");
}

if (require.main === module) run();
