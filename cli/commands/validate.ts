import { t } from "../../addin/i18n";
import { templateToJson } from "../../addin/templates";
import { countIssues, type FileReport, type Issue } from "../../addin/validate";
import { indexRegistrySource, loadTemplateOption, readRegistrySource } from "../context";
import { stopWorkers } from "../pool";
import { renderTable } from "../text-table";
import { collectFiles, previousReports, validateFiles, workersFor } from "../validate-run";

export interface ValidateOptions {
  template?: string;
  registry?: string;
  previous?: string;
  json?: boolean;
  annotate?: string;
  jobs?: number;
  maxIssuesPerCode?: number;
}

/** `xiaobo validate`: exit 0 when no file has errors, 1 when some file has errors or is unreadable. */
export async function validateCommand(paths: string[], opts: ValidateOptions): Promise<number> {
  const files = await collectFiles(paths);
  const registrySource = readRegistrySource(opts.registry);
  const template = loadTemplateOption(opts.template);
  // With --previous each file is validated twice, on this thread (no workers: bin/xiaobo.js's early ones are stopped).
  const workers = workersFor(files, opts.previous ? 1 : opts.jobs, registrySource);
  let reports: FileReport[];
  try {
    const shared = { template: templateToJson(template), maxIssuesPerCode: opts.maxIssuesPerCode };
    if (opts.previous) {
      const withRegistry = { ...shared, registry: indexRegistrySource(registrySource, true) };
      const previous = await previousReports(opts.previous, withRegistry, opts.json);
      reports = await validateFiles(files, withRegistry, { previous, workers });
    } else {
      // This thread's registry is read once the workers have their first files (validateFiles).
      reports = await validateFiles(files, shared, { workers, registryInWorkers: true, registry: () => indexRegistrySource(registrySource, true) });
    }
  } finally {
    stopWorkers(workers);
  }

  if (opts.annotate) {
    // ExcelJS loads only when annotated copies are asked for (tsx's CommonJS hook serves require, not import()).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { annotateFiles } = require("../annotate") as typeof import("../annotate");
    const { written, failed } = await annotateFiles(files, reports, opts.annotate);
    for (const f of failed) process.stderr.write(`${t("cli.errorPrefix")}${f.message}\n`);
    if (!opts.json) process.stderr.write(t("cli.annotated", { count: written.length, dir: opts.annotate }) + "\n");
  }

  if (opts.json) process.stdout.write(JSON.stringify({ files: reports.map(jsonReport) }, null, 2) + "\n");
  else process.stdout.write(humanReport(reports) + "\n");
  return reports.some((r) => r.status === "errors" || r.status === "unreadable") ? 1 : 0;
}

export function jsonReport(r: FileReport) {
  // errors/warnings count every issue, the omitted ones too (an issue with `omitted` stands for `omitted.count`).
  return { file: r.file, township: r.township?.name ?? null, status: r.status, ...countIssues(r.issues), issues: r.issues };
}

const STATUS_KEYS = {
  ok: "cli.status.ok",
  warnings: "cli.status.warnings",
  errors: "cli.status.errors",
  unreadable: "cli.status.unreadable",
} as const;

export function statusLabel(r: FileReport): string {
  return t(STATUS_KEYS[r.status]);
}

function issueRows(issues: Issue[]): string[][] {
  // Errors first, then warnings; explained warnings last: what blocks submission comes first.
  const rank = (i: Issue) => (i.severity === "error" ? 0 : i.explained ? 2 : 1);
  return [...issues]
    .sort((a, b) => rank(a) - rank(b) || (a.omitted ? Number.MAX_SAFE_INTEGER : (a.row ?? 0)) - (b.omitted ? Number.MAX_SAFE_INTEGER : (b.row ?? 0)))
    .map((i) => [
      i.severity === "error" ? t("cli.severity.error") : i.explained ? t("cli.severity.explained") : t("cli.severity.warning"),
      i.cell ? `${i.sheet ?? ""}!${i.cell}` : i.omitted?.range ? `${i.sheet ?? ""}!${i.omitted.range}` : i.row !== undefined ? t("cli.rowAt", { sheet: i.sheet ?? "", row: i.row }) : (i.sheet ?? ""),
      i.code,
      i.message,
    ]);
}

export function humanReport(reports: FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const { errors, warnings } = countIssues(r.issues);
    out.push(
      t("cli.fileHeading", { file: r.file, township: r.township?.name ?? t("cli.unknownTownshipName"), status: statusLabel(r), errors, warnings }),
    );
    if (r.issues.length) out.push(indent(renderTable([t("cli.col.severity"), t("cli.col.cell"), t("cli.col.code"), t("cli.col.message")], issueRows(r.issues))));
    out.push("");
  }
  const count = (s: FileReport["status"]) => reports.filter((r) => r.status === s).length;
  out.push(
    t("cli.validateSummary", {
      total: reports.length,
      ok: count("ok"),
      warnings: count("warnings"),
      errors: count("errors"),
      unreadable: count("unreadable"),
    }),
  );
  return out.join("\n");
}

function indent(s: string): string {
  return s
    .split("\n")
    .map((l) => "  " + l)
    .join("\n");
}
