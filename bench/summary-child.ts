/**
 * One measurement of the summary bench, in its own process: every file of the merge bench's corpus read and validated
 * first (not timed), then the steps after validation timed one by one — mergeSubmissions, reconcile, the county
 * workbook written — for Template 1 over 200,000 villages (with `without-ranking`, without its 强村富民指数榜). `node --require tsx/cjs bench/summary-child.ts <data-root>`
 * [without-ranking]` prints `BENCH {json}`. It uses only the engine's public entry points, so the same file measures an older checkout.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readBookFile, writeSummaryFile } from "../addin/io/node";
import { mergeSubmissions, reconcile, summaryTables } from "../addin/merge";
import { builtinTemplate, loadTemplate, parseRegistry, parseTargets } from "../addin/templates";
import { validateBook, type FileReport } from "../addin/validate";

async function main(): Promise<void> {
  const root = process.argv[2];
  const files = readFileSync(join(root, "list.txt"), "utf8").split("\n").filter(Boolean);
  const t1 = builtinTemplate("village-economy");
  const registry = parseRegistry(readFileSync(join(root, "registry.csv"), "utf8"));
  const targets = parseTargets(readFileSync(join(root, "targets.csv"), "utf8"), "targets.csv", registry);
  const reports: FileReport[] = [];
  let started = performance.now();
  for (const f of files) reports.push(validateBook(await readBookFile(f), { template: t1, registry }));
  const validateMs = performance.now() - started;
  // "without-ranking": Template 1 without the 强村富民指数榜 it gained, like for like with a checkout from before the
  // summary was data.
  let template = t1;
  const spec = (t1 as { summary?: { unitRankings?: unknown[] } }).summary;
  if (process.argv[3] === "without-ranking" && spec) template = loadTemplate({ ...t1, summary: { ...spec, unitRankings: [] } });
  started = performance.now();
  const summary = mergeSubmissions(reports, { registry, targets, template });
  const mergeMs = performance.now() - started;
  started = performance.now();
  const violations = reconcile(summary);
  const reconcileMs = performance.now() - started;
  started = performance.now();
  await writeSummaryFile(summaryTables(summary, { county: "基准县" }), join(root, "县汇总-summary-bench.xlsx"), summary.locale);
  const writeMs = performance.now() - started;
  const result = { validateMs, mergeMs, reconcileMs, writeMs, villages: summary.detail.length, violations: violations.length, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`\nBENCH ${JSON.stringify(result)}\n`);
}

void main();
