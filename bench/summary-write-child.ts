/**
 * One measurement of the county-workbook writer, in its own process: the merge bench's corpus validated and merged
 * (not timed), then the workbook for 200,000 villages written `runs` times to the same file, each write timed:
 * wall time, CPU time of the whole process (zlib's threads deflate the chunks) and of the main thread (which builds
 * the XML; Linux only), and the file's size. `node --require tsx/cjs bench/summary-write-child.ts <data-root> [runs]`
 * prints `BENCH {json}`. It uses only the engine's public entry points, so the same file measures an older checkout.
 */
import { existsSync, readFileSync, rmSync, statSync } from "fs";
import { join } from "path";
import { readBookFile, writeSummaryFile } from "../addin/io/node";
import { mergeSubmissions, reconcile, summaryTables } from "../addin/merge";
import { builtinTemplate, parseRegistry, parseTargets } from "../addin/templates";
import { validateBook, type FileReport } from "../addin/validate";

/** CPU ms of the main thread so far (the process's id is its main thread's), or NaN where /proc is not there. */
function mainThreadMs(): number {
  const stat = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(stat)) return NaN;
  const fields = readFileSync(stat, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
}

async function main(): Promise<void> {
  const root = process.argv[2];
  const runs = Number(process.argv[3] ?? 3);
  const files = readFileSync(join(root, "list.txt"), "utf8").split("\n").filter(Boolean);
  const template = builtinTemplate("village-economy");
  const registry = parseRegistry(readFileSync(join(root, "registry.csv"), "utf8"));
  const targets = parseTargets(readFileSync(join(root, "targets.csv"), "utf8"), "targets.csv", registry);
  const reports: FileReport[] = [];
  for (const f of files) reports.push(validateBook(await readBookFile(f), { template, registry }));
  const summary = mergeSubmissions(reports, { registry, targets, template });
  reconcile(summary);
  const tables = summaryTables(summary, { county: "基准县" });
  const out = join(root, `县汇总-write-bench-${process.pid}.xlsx`);
  const writes: { wallMs: number; cpuMs: number; mainMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const main0 = mainThreadMs();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await writeSummaryFile(tables, out, summary.locale);
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    writes.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, mainMs: mainThreadMs() - main0 });
  }
  const result = { villages: summary.detail.length, bytes: statSync(out).size, writes };
  rmSync(out);
  process.stdout.write(`\nBENCH ${JSON.stringify(result)}\n`);
}

void main();
