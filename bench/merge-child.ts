/**
 * One measurement of the merge benchmark, in its own process so timings and peak memory are not mixed
 * up with other runs: `node --require tsx/cjs bench/merge-child.ts <mode> <data-root>`. Prints `BENCH {json}`.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readBook } from "../addin/io";
import { readBookFile } from "../addin/io/node";
import { builtinTemplate, parseRegistry } from "../addin/templates";
import { validateBook } from "../addin/validate";
import { mergeCommand } from "../cli/commands/merge";

async function main(): Promise<void> {
  const [mode, root] = process.argv.slice(2);
  const files = readFileSync(join(root, "list.txt"), "utf8").split("\n").filter(Boolean);
  // The registry and template are read before the clock starts: a one-time cost of a run, not of each file (the merge
  // run below pays it, on its clock).
  const template = builtinTemplate("village-economy");
  const registry = mode === "validate" ? parseRegistry(readFileSync(join(root, "registry.csv"), "utf8")) : undefined;
  const started = performance.now();
  let rows = 0;
  if (mode === "sheetjs") {
    // A general-purpose workbook library reading every file (SheetJS, dense mode): the architecture's baseline.
    for (const f of files) rows += readBook(new Uint8Array(readFileSync(f)), f).sheets[0].rowCount;
  } else if (mode === "read" || mode === "concat") {
    // The parse floor (our reader, as the CLI reads), and a plain "read everything and stack the rows" (what a
    // pandas script does).
    const stacked: unknown[][] = [];
    for (const f of files) {
      const book = await readBookFile(f);
      if (mode === "concat") for (const row of book.sheets[0].rows) stacked.push(row.map((c) => c?.value ?? null));
      rows += book.sheets[0].rowCount;
    }
    if (mode === "concat") rows = stacked.length;
  } else if (mode === "validate") {
    for (const f of files) rows += validateBook(await readBookFile(f), { template, registry }).rows.length;
  } else if (mode === "merge") {
    const out = await mergeCommand([join(root, "files")], {
      registry: join(root, "registry.csv"),
      targets: join(root, "targets.csv"),
      out: join(root, "县汇总.xlsx"),
      json: true,
    });
    rows = out.summary.detail.length;
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - started;
  process.stdout.write(`\nBENCH ${JSON.stringify({ mode, ms, rows, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

void main();
