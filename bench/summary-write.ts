/**
 * `npm run bench -- summary-write`: the county workbook for 200,000 villages (Template 1 over the merge bench's 1,000
 * township files × 200 villages) written by this checkout and, with XIAOBO_BASELINE=<another checkout>, by that one,
 * in alternating processes (so machine load hits both alike). Each process validates and merges once (not timed),
 * then writes the workbook XIAOBO_BENCH_WRITES times (default 3); the fastest write of each process counts, medians
 * over XIAOBO_BENCH_RUNS processes (default 3), and each process's first write apart (what one `xiaobo merge` pays).
 * Reported: wall ms, CPU ms of the whole process and of its main thread (on a shared 2-core machine wall time follows
 * the load, CPU time much less), the file's size.
 */
import { execFileSync } from "child_process";
import { copyFileSync } from "fs";
import { join, resolve } from "path";
import { summaryBenchSetup } from "./merge-data";

interface Result {
  villages: number;
  bytes: number;
  writes: { wallMs: number; cpuMs: number; mainMs: number }[];
}

function once(checkout: string, root: string, writes: number): Result {
  const child = join(checkout, "bench", "summary-write-child.ts");
  const own = join(__dirname, "summary-write-child.ts");
  if (resolve(child) !== resolve(own)) copyFileSync(own, child);
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", child, root, String(writes)], { cwd: checkout, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no result from ${checkout}`);
  return JSON.parse(line.slice(6)) as Result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fastest = (r: Result) => r.writes.reduce((best, w) => (w.wallMs < best.wallMs ? w : best));

export async function run(log: (s: string) => void = console.log): Promise<void> {
  const { townships, villages, runs, baseline, root } = await summaryBenchSetup(log);
  const writes = Number(process.env.XIAOBO_BENCH_WRITES ?? 3);
  const ours: Result[] = [];
  const base: Result[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(once(join(__dirname, ".."), root, writes));
    if (baseline) base.push(once(baseline, root, writes));
  }
  const m = (xs: Result[], k: "wallMs" | "cpuMs" | "mainMs") => median(xs.map((x) => fastest(x)[k]));
  // The first write of a process is what `xiaobo merge` pays (one write, the code not yet optimised by the JIT).
  const first = (xs: Result[]) => median(xs.map((x) => x.writes[0].wallMs));
  const row = (name: string, xs: Result[]) =>
    `| ${name} | ${m(xs, "wallMs").toFixed(0)} | ${first(xs).toFixed(0)} | ${m(xs, "cpuMs").toFixed(0)} | ${m(xs, "mainMs").toFixed(0)} | ${(xs[0].bytes / 1e6).toFixed(1)} | ${xs[0].villages} |`;
  log(`county workbook write: ${townships} townships × ${villages} villages, Template 1; fastest of ${writes} writes per process, median of ${runs} processes`);
  log("");
  log("| checkout | write ms | first write ms | CPU ms (all threads) | main thread CPU ms | file MB | villages |");
  log("|---|---:|---:|---:|---:|---:|---:|");
  log(row("this one", ours));
  if (baseline) {
    log(row(`baseline (${baseline})`, base));
    const ratio = (k: "wallMs" | "cpuMs" | "mainMs") => (m(ours, k) / m(base, k)).toFixed(2);
    log("");
    log(`write: ${ratio("wallMs")}× the baseline's wall time, ${ratio("cpuMs")}× its CPU time, ${ratio("mainMs")}× its main thread's; file ${(ours[0].bytes / base[0].bytes).toFixed(2)}× its size`);
  }
}

if (require.main === module) void run();
