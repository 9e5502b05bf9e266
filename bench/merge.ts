/**
 * `npm run bench -- merge [--files N] [--villages V] [--runs R] [--producers openpyxl,libreoffice,sheetjs,xiaobo]`:
 * the county merge over N township files × V villages (default 1,000 × 200, docs/architecture.md's performance targets), on
 * the files of each producer (bench/corpus.ts: openpyxl, LibreOffice, SheetJS and XiaoBo's own writer), every run in
 * its own process, R runs of each interleaved (median time reported, and every run's; the most memory any run took):
 *  - the physical floor: every sheet's XML inflated and scanned once (one thread);
 *  - our reader, SheetJS's reader, read + validate (one thread each; the registry read before the clock);
 *  - `xiaobo merge` in-process (read + validate + merge + write, on the threads the CLI uses by default; module loading
 *    before the clock);
 *  - `xiaobo merge` as a user runs it: the whole node process, start to workbook written (bin/xiaobo.js);
 *  - the pandas + openpyxl script that stacks the rows (bench/pandas_stack.py), run for real on Debian's python3.
 * Whole processes are timed, and their peak RSS taken, by bench/measure.py. Once, on the first producer: merge +
 * reconcile + write after validation, validation alone and the whole CLI on 1 and 2 threads, and node start → first
 * file read.
 */
import { execFileSync } from "child_process";
import { mkdirSync } from "fs";
import { join } from "path";
import { corpus, corpusFiles, ensurePython, PRODUCERS, PYTHON, type Producer } from "./corpus";
import type { BenchOptions } from "./run";

interface Measure {
  ms: number;
  rows?: number;
  maxRssMB: number;
  mergeMs?: number;
  reconcileMs?: number;
  writeMs?: number;
}

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, ".bench-cache", "out");

function child(mode: string, dir: string, registry: string, targets: string): Measure {
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", join(__dirname, "merge-child.ts"), mode, dir, registry, targets, OUT], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // Progress lines go to stderr: kept out of the table, and shown in the error if the run fails.
    stdio: ["ignore", "pipe", "pipe"],
  });
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no result from ${mode}`);
  return JSON.parse(line.slice(6)) as Measure;
}

/** A whole process, timed from its start to its exit, with its peak RSS (bench/measure.py). */
function whole(command: string[]): Measure {
  const out = execFileSync(PYTHON, [join(__dirname, "measure.py"), ...command], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const line = out.split("\n").find((l) => l.startsWith("MEASURE "));
  if (!line) throw new Error(`no result from ${command.join(" ")}`);
  return JSON.parse(line.slice(8)) as Measure;
}

const XIAOBO = join(ROOT, "bin", "xiaobo.js");

const MODES = ["floor", "read", "sheetjs", "validate", "merge", "cli", "pandas"] as const;
type Mode = (typeof MODES)[number];

const LABELS: Record<Mode, string> = {
  floor: "physical floor: inflate every sheet XML + one scan (1 thread)",
  read: "our reader (1 thread)",
  sheetjs: "SheetJS reader (1 thread)",
  validate: "read + validate (1 thread)",
  merge: "xiaobo merge in-process (default threads, modules loaded)",
  cli: "**xiaobo merge as a user runs it** (node start → workbook written)",
  pandas: "**pandas + openpyxl script stacking the rows** (python start → CSV written)",
};

function runMode(mode: Mode, dir: string, registry: string, targets: string): Measure {
  if (mode === "cli")
    return whole([process.execPath, XIAOBO, "merge", dir, "--registry", registry, "--targets", targets, "--out", join(OUT, "县汇总-cli.xlsx"), "--json"]);
  if (mode === "pandas") return whole([PYTHON, join(__dirname, "pandas_stack.py"), dir, join(OUT, "stacked.csv")]);
  return child(mode, dir, registry, targets);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peak = (xs: Measure[]) => xs.reduce((m, x) => Math.max(m, x.maxRssMB), 0);
const summarise = (xs: Measure[]): Measure => ({ ...xs[0], ms: median(xs.map((x) => x.ms)), maxRssMB: peak(xs) });
const sec = (ms: number) => (ms / 1000).toFixed(2);

export async function run(log: (s: string) => void = console.log, options: BenchOptions = {}): Promise<void> {
  const townships = Number(options.files ?? process.env.XIAOBO_BENCH_TOWNSHIPS ?? 1000);
  const villages = Number(options.villages ?? process.env.XIAOBO_BENCH_VILLAGES ?? 200);
  const runs = Number(options.runs ?? process.env.XIAOBO_BENCH_RUNS ?? 3);
  const producers = (options.producers ? options.producers.split(",") : [...PRODUCERS]) as Producer[];
  for (const p of producers) if (!PRODUCERS.includes(p)) throw new Error(`unknown producer ${p}; known: ${PRODUCERS.join(", ")}`);
  log(`merge bench: ${townships} township files × ${villages} villages per producer (${producers.join(", ")}), median of ${runs} runs`);
  ensurePython(log);
  mkdirSync(OUT, { recursive: true });
  const data = await corpus(townships, villages, producers, log);
  // The CLI as installed: the precompiled JavaScript that `npm ci` builds (prepare), rebuilt here from this checkout.
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });

  const results = new Map<string, Measure[]>();
  const add = (key: string, m: Measure) => results.set(key, [...(results.get(key) ?? []), m]);
  const first = producers[0];
  const oneFile = corpusFiles(data.files[first])[0];
  for (let r = 0; r < runs; r++) {
    for (const p of producers) for (const mode of MODES) add(`${p}/${mode}`, runMode(mode, data.files[p], data.registry, data.targets));
    add("after", child("after", data.files[first], data.registry, data.targets));
    for (const threads of [1, 2]) add(`threads${threads}`, child(`threads${threads}`, data.files[first], data.registry, data.targets));
    for (const jobs of [1, 2])
      add(`jobs${jobs}`, whole([process.execPath, XIAOBO, "merge", data.files[first], "--registry", data.registry, "--targets", data.targets, "--out", join(OUT, "县汇总-jobs.xlsx"), "--json", "--jobs", String(jobs)]));
    add("version", whole([process.execPath, XIAOBO, "--version"]));
    add("oneFile", whole([process.execPath, XIAOBO, "validate", oneFile, "--registry", data.registry, "--json"]));
  }
  const get = (key: string) => summarise(results.get(key)!);
  // Every run's time, so that a slow spell of the machine over some runs of a measurement shows beside its median.
  const each = (key: string) => results.get(key)!.map((m) => sec(m.ms)).join(" ");

  for (const p of producers) {
    const floor = get(`${p}/floor`);
    const pandas = get(`${p}/pandas`);
    const merged = get(`${p}/merge`).rows;
    if (merged !== townships * villages) log(`\n**${p}: ${merged} villages merged, not ${townships * villages}: the corpus is not what the bench means to measure.**`);
    log("");
    log(`### ${p} (${townships} files × ${villages} villages)`);
    log("");
    log("| run | seconds | × floor | pandas ÷ this | peak RSS MB | each run, in order (s) |");
    log("|---|---:|---:|---:|---:|---|");
    for (const mode of MODES) {
      const m = get(`${p}/${mode}`);
      log(`| ${LABELS[mode]} | ${sec(m.ms)} | ${(m.ms / floor.ms).toFixed(1)} | ${(pandas.ms / m.ms).toFixed(1)}× | ${m.maxRssMB.toFixed(0)} | ${each(`${p}/${mode}`)} |`);
    }
  }

  log("");
  log("### Summary: ratios within this run");
  log("");
  log("| producer | reader ÷ floor (target ≤ 3) | CLI merge vs pandas (target ≥ 10×) | CLI peak RSS MB (target < 1024) |");
  log("|---|---:|---:|---:|");
  for (const p of producers) {
    const floor = get(`${p}/floor`);
    const cli = get(`${p}/cli`);
    log(`| ${p} | ${(get(`${p}/read`).ms / floor.ms).toFixed(1)} | ${(get(`${p}/pandas`).ms / cli.ms).toFixed(1)}× | ${cli.maxRssMB.toFixed(0)} |`);
  }

  const after = get("after");
  const steps = (k: "mergeMs" | "reconcileMs" | "writeMs") => median(results.get("after")!.map((m) => m[k]!));
  const [j1, j2] = [get("jobs1"), get("jobs2")];
  const [v1, v2] = [get("threads1"), get("threads2")];
  log("");
  log(`after validation (${first}; ${after.rows} villages): merge + reconcile + write ${sec(after.ms)} s (merge ${steps("mergeMs").toFixed(0)} ms, reconcile ${steps("reconcileMs").toFixed(0)} ms, write ${steps("writeMs").toFixed(0)} ms; target ≤ 0.5 s; each run ${each("after")} s)`);
  log(`validation on threads (${first}, in-process as the CLI validates, workers started on the clock): 1 thread ${sec(v1.ms)} s (${((townships / v1.ms) * 1000).toFixed(0)} files/s), 2 threads ${sec(v2.ms)} s (${((townships / v2.ms) * 1000).toFixed(0)} files/s): ${(v1.ms / v2.ms).toFixed(2)}× on 2 threads`);
  log(`threads (${first}, the CLI as a user runs it): --jobs 1 ${sec(j1.ms)} s (${((townships / j1.ms) * 1000).toFixed(0)} files/s), --jobs 2 ${sec(j2.ms)} s (${((townships / j2.ms) * 1000).toFixed(0)} files/s): ${(j1.ms / j2.ms).toFixed(2)}× on 2 threads`);
  log(`start-up: \`xiaobo --version\` ${get("version").ms.toFixed(0)} ms; \`xiaobo validate\` of one file (node start → report) ${get("oneFile").ms.toFixed(0)} ms`);
}

if (require.main === module) void run();
