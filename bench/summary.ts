/**
 * `npm run bench -- summary`: Template 1 on the summary machinery, against a baseline checkout in the same run.
 *
 * Over the merge bench's corpus (1,000 township files × 200 villages), each run in its own process: validation of every
 * file (one thread), then mergeSubmissions, reconcile and the county workbook written. With XIAOBO_BASELINE=<path of
 * another checkout, e.g. a `git worktree add` of the commit before> the same measurement runs there too, interleaved
 * run by run (so machine load hits both alike), and the ratios new ÷ baseline are printed. XIAOBO_BENCH_RUNS runs of
 * each (default 3), medians reported.
 */
import { execFileSync } from "child_process";
import { copyFileSync } from "fs";
import { join, resolve } from "path";
import { summaryBenchSetup } from "./merge-data";

interface Steps {
  validateMs: number;
  mergeMs: number;
  reconcileMs: number;
  writeMs: number;
  villages: number;
  violations: number;
  maxRssMB: number;
}

function once(checkout: string, root: string, variant = ""): Steps {
  const child = join(checkout, "bench", "summary-child.ts");
  // The child uses only public entry points, so it runs unchanged in an older checkout.
  const own = join(__dirname, "summary-child.ts");
  if (resolve(child) !== resolve(own)) copyFileSync(own, child);
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", child, root, ...(variant ? [variant] : [])], { cwd: checkout, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] });
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no result from ${checkout}`);
  return JSON.parse(line.slice(6)) as Steps;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(log: (s: string) => void = console.log): Promise<void> {
  const { townships, villages, runs, baseline, root } = await summaryBenchSetup(log);
  const ours: Steps[] = [];
  const like: Steps[] = [];
  const base: Steps[] = [];
  const here = join(__dirname, "..");
  for (let i = 0; i < runs; i++) {
    ours.push(once(here, root));
    like.push(once(here, root, "without-ranking"));
    if (baseline) base.push(once(baseline, root));
  }
  const row = (name: string, xs: Steps[]) => {
    const m = (k: keyof Steps) => median(xs.map((x) => x[k]));
    let peak = 0;
    for (const x of xs) peak = Math.max(peak, x.maxRssMB);
    return `| ${name} | ${(m("validateMs") / 1000).toFixed(2)} | ${m("mergeMs").toFixed(0)} | ${m("reconcileMs").toFixed(0)} | ${m("writeMs").toFixed(0)} | ${((m("mergeMs") + m("reconcileMs") + m("writeMs")) / 1000).toFixed(2)} | ${xs[0].villages} | ${xs[0].violations} | ${peak.toFixed(0)} |`;
  };
  log(`summary bench: ${townships} files × ${villages} villages, Template 1, median of ${runs} runs`);
  log("");
  log("| checkout | validate s (1 thread) | merge ms | reconcile ms | write ms | after validation s | villages | violations | peak RSS MB |");
  log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  log(row("this one", ours));
  log(row("this one, without the 强村富民指数榜 (the baseline's sheets)", like));
  if (baseline) {
    log(row(`baseline (${baseline})`, base));
    const ratio = (k: (s: Steps) => number, b: (s: Steps) => number = k) => (median(ours.map(k)) / median(base.map(b))).toFixed(2);
    const after = (s: Steps) => s.mergeMs + s.reconcileMs + s.writeMs;
    log("");
    log(`validation: ${ratio((s) => s.validateMs)}× the baseline's time; merge: ${ratio((s) => s.mergeMs)}×; reconcile: ${ratio((s) => s.reconcileMs)}×; write: ${ratio((s) => s.writeMs)}×; all after validation: ${ratio(after)}×`);
    const likeRatio = (median(like.map(after)) / median(base.map(after))).toFixed(2);
    log(`like for like (the baseline's sheets, without the 强村富民指数榜): ${likeRatio}× the baseline's time after validation`);
  }
}

if (require.main === module) void run();
