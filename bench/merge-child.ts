/**
 * One measurement of the merge benchmark, in its own process so timings and peak memory are not mixed up with other
 * runs: `node --require tsx/cjs bench/merge-child.ts <mode> <files-dir> <registry.csv> <targets.csv> <out-dir>`.
 * Prints `BENCH {json}`: the time from after module loading to the end of the work, rows seen, peak RSS.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { inflateRawSync } from "zlib";
import { readBook, DEFAULT_LIMITS } from "../addin/io";
import { readBookFile, writeSummaryFile } from "../addin/io/node";
import { guardZip, dataOffset } from "../addin/io/zip-guard";
import { mergeSubmissions, reconcile, summaryTables } from "../addin/merge";
import { builtinTemplate, parseRegistry, parseTargets } from "../addin/templates";
import { validateBook, type FileReport } from "../addin/validate";
import type { mergeCommand as MergeCommand } from "../cli/commands/merge";
import type { validateFolder as ValidateFolder } from "../cli/main";

/**
 * The physical floor: every worksheet (and the shared strings, where the text of a shared-strings producer's cells
 * is) inflated, and its bytes scanned once, counting cells — what any reader of the file must at least do.
 */
function floor(files: string[]): number {
  let cells = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    for (const e of guardZip(bytes, f, DEFAULT_LIMITS)) {
      if (!/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(e.name)) continue;
      const start = dataOffset(bytes, e);
      const xml = e.method === 8 ? inflateRawSync(bytes.subarray(start, start + e.compressedSize)) : bytes.subarray(start, start + e.compressedSize);
      // "<c " or "<c>": one cell.
      for (let i = 0; i < xml.length - 2; i++) if (xml[i] === 60 && xml[i + 1] === 99 && (xml[i + 2] === 32 || xml[i + 2] === 62)) cells++;
    }
  }
  return cells;
}

async function main(): Promise<void> {
  const [mode, dir, registryCsv, targetsCsv, outDir] = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(dir, f));
  // The registry and template are read before the clock starts: a one-time cost of a run, not of each file (the merge
  // run below pays it, on its clock).
  const template = builtinTemplate("village-economy");
  const registry = parseRegistry(readFileSync(registryCsv, "utf8"));
  // The precompiled CLI (as `npm ci` builds it), so its workers load JavaScript, not TypeScript, as a user's do.
  const cli = mode === "merge" || mode.startsWith("threads") ? (require("../dist-cli/main.js") as { mergeCommand: typeof MergeCommand; validateFolder: typeof ValidateFolder }) : undefined;
  const started = performance.now();
  let rows = 0;
  let extra: Record<string, number> = {};
  if (mode === "floor") rows = floor(files);
  else if (mode === "sheetjs") {
    // A general-purpose workbook library reading every file (SheetJS, dense mode).
    for (const f of files) rows += readBook(new Uint8Array(readFileSync(f)), f).sheets[0].rowCount;
  } else if (mode === "read") {
    for (const f of files) rows += (await readBookFile(f)).sheets[0].rowCount;
  } else if (mode === "validate") {
    for (const f of files) rows += validateBook(await readBookFile(f), { template, registry }).rows.length;
  } else if (mode.startsWith("threads")) {
    // "threads1", "threads2": validation of every file as the CLI does it on that many threads, workers started on the clock.
    rows = await cli!.validateFolder(dir, registryCsv, Number(mode.slice("threads".length)));
  } else if (mode === "merge") {
    const out = await cli!.mergeCommand([dir], { registry: registryCsv, targets: targetsCsv, out: join(outDir, "县汇总-merge.xlsx"), json: true });
    rows = out.summary.detail.length;
  } else if (mode === "after") {
    // After validation: every file validated first (off the clock), then merge + reconcile + the county workbook.
    const reports: FileReport[] = [];
    for (const f of files) reports.push(validateBook(await readBookFile(f), { template, registry }));
    const targets = parseTargets(readFileSync(targetsCsv, "utf8"), "targets.csv", registry);
    const t0 = performance.now();
    const summary = mergeSubmissions(reports, { registry, targets, template });
    const t1 = performance.now();
    const violations = reconcile(summary);
    const t2 = performance.now();
    await writeSummaryFile(summaryTables(summary, { county: "基准县" }), join(outDir, "县汇总-after.xlsx"), summary.locale);
    const t3 = performance.now();
    if (violations.length) throw new Error(violations.map((v) => v.message).join("\n"));
    rows = summary.detail.length;
    extra = { mergeMs: t1 - t0, reconcileMs: t2 - t1, writeMs: t3 - t2 };
    process.stdout.write(`\nBENCH ${JSON.stringify({ mode, ms: t3 - t0, rows, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
    return;
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - started;
  process.stdout.write(`\nBENCH ${JSON.stringify({ mode, ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`);
}

void main();
