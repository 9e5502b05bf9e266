/**
 * `npm run bench -- merge`: the county merge (read + validate + merge + write) over N township files × V
 * villages (default 1,000 × 200; XIAOBO_BENCH_TOWNSHIPS / XIAOBO_BENCH_VILLAGES to change), against the read
 * floor and a plain read-and-concatenate baseline measured in the same run, each in its own process.
 *
 * Targets (architecture.md): validation adds < 50% on top of reading; `xiaobo merge` ≥ 5× faster than a pandas +
 * openpyxl script that only stacks the rows. pandas cannot be installed here, so that figure is derived from the
 * architecture's measurement on this machine type (pandas 25 s ≈ 3.7 × the 6.8 s single-threaded read floor)
 * and the read floor measured in this run; it is labelled as derived.
 */
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { benchData } from "./merge-data";

const PANDAS_OVER_READ_FLOOR = 25 / 6.8;

interface Measure {
  mode: string;
  ms: number;
  rows: number;
  maxRssMB: number;
}

function measure(mode: string, root: string): Measure {
  const out = execFileSync(process.execPath, ["--require", "tsx/cjs", join(__dirname, "merge-child.ts"), mode, root], {
    cwd: join(__dirname, ".."),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const line = out.split("\n").find((l) => l.startsWith("BENCH "));
  if (!line) throw new Error(`no result from ${mode}`);
  return JSON.parse(line.slice(6)) as Measure;
}

export async function run(log: (s: string) => void = console.log): Promise<void> {
  const townships = Number(process.env.XIAOBO_BENCH_TOWNSHIPS ?? 1000);
  const villages = Number(process.env.XIAOBO_BENCH_VILLAGES ?? 200);
  log(`merge bench: ${townships} township files × ${villages} villages`);
  const data = await benchData(townships, villages, log);
  const root = join(data.dir, "..");
  writeFileSync(join(root, "list.txt"), data.files.join("\n"));

  const read = measure("read", root);
  const concat = measure("concat", root);
  const validate = measure("validate", root);
  const merge = measure("merge", root);
  const s = (m: Measure) => (m.ms / 1000).toFixed(2);
  log("");
  log("| run | seconds | × read floor | rows | peak RSS MB |");
  log("|---|---:|---:|---:|---:|");
  for (const [name, m] of [
    ["read floor (readBook, 1 thread)", read],
    ["read + concatenate rows (1 thread)", concat],
    ["read + validate (1 thread)", validate],
    ["xiaobo merge (read+validate+merge+write, worker threads)", merge],
  ] as const)
    log(`| ${name} | ${s(m)} | ${(m.ms / read.ms).toFixed(2)} | ${m.rows} | ${m.maxRssMB.toFixed(0)} |`);
  log("");
  log(`validation on top of reading: +${(((validate.ms - read.ms) / read.ms) * 100).toFixed(0)}% (target < 50%)`);
  log(`merge vs read-and-concatenate baseline: ${(concat.ms / merge.ms).toFixed(2)}× faster`);
  log(
    `merge vs pandas+openpyxl stacking (derived: pandas ≈ ${PANDAS_OVER_READ_FLOOR.toFixed(2)} × read floor): ` +
      `${((PANDAS_OVER_READ_FLOOR * read.ms) / merge.ms).toFixed(2)}× faster (target ≥ 5×)`,
  );
  log(`merge peak memory: ${merge.maxRssMB.toFixed(0)} MB (target < 1024 MB)`);
}

if (require.main === module) void run();
