import { mkdirSync, renameSync } from "fs";
import { dirname, resolve } from "path";
import { t } from "../../addin/i18n";
import { writeSummaryFile } from "../../addin/io/node";
import type { FileReport } from "../../addin/validate";
import { measureHeader, mergeSubmissions, reconcile, summaryTables, summaryToJson, townshipStatusText, type CountySummary } from "../../addin/merge";
import { compileTemplate, templateToJson, type CompiledMeasure, type Registry } from "../../addin/templates";
import { loadTargetsFor, loadTemplateOption, parseRegistrySource, readRegistrySource } from "../context";
import { stopWorkers } from "../pool";
import { renderTable } from "../text-table";
import { collectFiles, validateFiles, workersFor } from "../validate-run";

export interface MergeOptions {
  template?: string;
  registry?: string;
  targets?: string;
  out?: string;
  allowErrors?: boolean;
  json?: boolean;
  jobs?: number;
  year?: number;
  maxIssuesPerCode?: number;
}

export interface MergeOutcome {
  summary: CountySummary;
  out: string;
  exitCode: number;
}

/**
 * `xiaobo merge`: validate every file, merge the passing ones into the county summary, check that it
 * reconciles, write the workbook. Exit 0 when every registry township was merged, 1 when some township
 * failed, is missing or a file was unreadable (the workbook is still written), 3 when the summary does not
 * reconcile (nothing is written: a wrong total must never reach the county's report).
 */
export async function mergeCommand(paths: string[], opts: MergeOptions): Promise<MergeOutcome> {
  const files = await collectFiles(paths);
  const registrySource = readRegistrySource(opts.registry);
  const template = loadTemplateOption(opts.template);
  const workers = workersFor(files, opts.jobs, registrySource);
  let reports: FileReport[];
  // This thread's registry and the targets checked against it, read once the workers have their first files (so they
  // validate meanwhile); a problem in either stops the run before any file is validated on this thread.
  let read: { registry: Registry; targets: ReturnType<typeof loadTargetsFor> } | undefined;
  const readRegistry = () => {
    const registry = parseRegistrySource(registrySource);
    read = { registry, targets: loadTargetsFor(template, registry, opts.targets, opts.registry) };
    return registry;
  };
  try {
    reports = await validateFiles(files, { template: templateToJson(template), maxIssuesPerCode: opts.maxIssuesPerCode }, { workers, registryInWorkers: true, registry: readRegistry });
  } finally {
    stopWorkers(workers);
  }
  // Read on this thread's first file; here if every file went to a worker.
  if (!read) readRegistry();
  const { registry, targets } = read!;
  const summary = mergeSubmissions(reports, {
    registry,
    targets: targets.targets,
    targetColumns: targets.columns,
    template,
    allowErrors: !!opts.allowErrors,
  });
  const out = resolve(opts.out ?? t("name.countySummaryFile"));
  const violations = reconcile(summary);
  if (violations.length) {
    process.stderr.write(t("cli.reconcileFailed") + "\n" + violations.map((v) => `  [${v.code}] ${v.message}`).join("\n") + "\n");
    return { summary, out, exitCode: 3 };
  }
  mkdirSync(dirname(out), { recursive: true });
  // Streamed to a temporary name first: a half-written 县汇总.xlsx must never replace a good one.
  const partial = `${out}.part`;
  await writeSummaryFile(summaryTables(summary, { county: registry.county, year: opts.year }), partial, summary.locale);
  renameSync(partial, out);

  if (opts.json) process.stdout.write(JSON.stringify(summaryToJson(summary), null, 2) + "\n");
  else process.stdout.write(humanSummary(summary) + "\n\n" + t("cli.written", { path: out }) + "\n");
  const complete = summary.townships.every((tw) => tw.status === "merged") && summary.rejectedFiles.length === 0;
  return { summary, out, exitCode: complete ? 0 : 1 };
}


/** A figure as the table shows it: rates as 75.0%, money and scores with 2 decimals, a goal in words, — for none. */
function figureText(m: CompiledMeasure, v: unknown): string {
  if (typeof v !== "number") return "—";
  switch (m.format) {
    case "percent":
      return `${(v * 100).toFixed(1)}%`;
    case "money":
    case "decimal":
      return v.toFixed(2);
    case "goal":
      return m.spec.kind === "goal" ? m.spec.labels[v ? 0 : 1] : String(v);
    default:
      return String(v);
  }
}

/** The township table of the template's summary: the measures marked for the command line (all shown ones if none is). */
export function humanSummary(s: CountySummary): string {
  const cs = compileTemplate(s.template).summary;
  const shown = cs.measures.filter((m) => !m.spec.hidden);
  const measures = shown.some((m) => m.spec.cli) ? shown.filter((m) => m.spec.cli) : shown;
  const rank = cs.spec.rank;
  const header = [
    t("cli.col.township"),
    t("cli.col.status"),
    ...measures.map((m) => measureHeader(m, s) + (m.spec.unit ? `(${m.spec.unit})` : "")),
    ...(rank ? [t("cli.col.rank")] : []),
    ...(rank?.flags ? [t("cli.col.flag")] : []),
  ];
  const rows = s.townships.map((tw) => [
    tw.name,
    townshipStatusText(tw),
    ...measures.map((m) => figureText(m, tw[m.spec.key])),
    ...(rank ? [tw.rank === null ? "—" : String(tw.rank)] : []),
    ...(rank?.flags ? [tw.flag === "red" ? t("cli.flag.red") : tw.flag === "yellow" ? t("cli.flag.yellow") : ""] : []),
  ]);
  rows.push([t("cli.countyTotal"), "", ...measures.map((m) => figureText(m, s.county[m.spec.key])), ...(rank ? [""] : []), ...(rank?.flags ? [""] : [])]);
  const table = renderTable(header, rows, header.map((_, k) => k >= 2 && k < 2 + measures.length + (rank ? 1 : 0)));
  const rankHeader = cs.rank ? measureHeader(cs.rank.measure, s) : "";
  const notes = [
    ...(s.townships.some((tw) => tw.status === "partial") ? [t(!rank ? "cli.partialNoteNoRank" : s.rankPartial ? "cli.partialNoteRanked" : "cli.partialNote", { measure: rankHeader })] : []),
    ...(s.townships.some((tw) => tw.status !== "merged") ? [t("cli.countyNote")] : []),
    t("cli.rejectedRows", { n: s.rejected.length }),
    ...s.rejectedFiles.map((f) => `  ${t("app.labelled", { label: f.file, text: f.reason })}`),
  ];
  return [table, "", ...notes].join("\n");
}
