import { resolve } from "path";
import { listSpreadsheets } from "../addin/io/node";
import { t } from "../addin/i18n";
import { RowTable, type FileReport } from "../addin/validate";
import type { Worker } from "worker_threads";
import { defaultJobs, runPool, startWorkers, stopWorkers, takeEarlyWorkers } from "./pool";
import { startProgress } from "./progress";
import { UsageError } from "./usage-error";
import { displayNames } from "./display-names";
import type { RegistrySource } from "./context";
import type { Registry } from "../addin/templates";
import { makeValidator, type ValidateShared, type ValidateTask, type ValidateWorkerData } from "./validate-file";

/** Below this many files, a worker's start-up (about half a second) costs more than it saves. */
const INLINE_MAX = 32;

/**
 * Workers for a run over these files: none for a small run (the calling thread alone is faster), else one per core
 * besides the calling thread: those bin/xiaobo.js started as the process began, else new ones. Given the registry's
 * text, each indexes it as soon as it has loaded (a township's villages read when a file asks for them): a province's
 * registry (200,000 villages) would otherwise be parsed, then copied to each worker, before any starts. The calling
 * thread parses its own copy once the workers have their first files (validateFiles, `registry`).
 */
export function workersFor(files: string[], jobs?: number, registry?: RegistrySource): Worker[] {
  const count = files.length > INLINE_MAX ? Math.min(jobs ?? defaultJobs(), files.length) - 1 : 0;
  const early = takeEarlyWorkers("validate-worker.js", count);
  for (const w of early) w.postMessage({ registry });
  const data: ValidateWorkerData = { registry };
  return [...early, ...startWorkers("validate-worker.js", count - early.length, data)];
}

/** Lists the spreadsheets under the given files/folders; none at all is a usage error. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files = await listSpreadsheets(paths.map((p) => resolve(p)));
  if (files.length === 0) throw new UsageError(t("cli.noFiles", { paths: paths.join(t("app.listSeparator")) }));
  return files;
}

/** Reads and validates every file (on all cores for large runs), reports in input order. */
export async function validateFiles(
  files: string[],
  shared: ValidateShared,
  opts: {
    previous?: Map<string, FileReport>;
    quiet?: boolean;
    label?: string;
    workers?: Worker[];
    /** The workers were started with the registry's text (workersFor) and parsed it themselves: it is not sent again. */
    registryInWorkers?: boolean;
    /**
     * The calling thread's registry (instead of `shared.registry`), parsed when this thread starts on its own files:
     * after the workers have theirs, so that they are validating while it parses (a province's registry takes it 0.3 s).
     */
    registry?: () => Registry;
  } = {},
): Promise<FileReport[]> {
  const progress = startProgress(opts.label ?? t("cli.progressValidate"), files.length, opts.quiet);
  // Year-over-year: a file's previous report is last year's report of the same township.
  const previousOf = (report: FileReport | undefined) =>
    report?.township && opts.previous ? opts.previous.get(report.township.code) : undefined;
  const names = displayNames(files);
  try {
    let validator: ReturnType<typeof makeValidator> | undefined;
    const registry = opts.registry;
    const validate = (task: ValidateTask) => (validator ??= makeValidator(registry ? { ...shared, registry: registry() } : shared))(task);
    const workers = opts.workers ?? [];
    if (!opts.previous && workers.length > 0) {
      const reports = await runPool<ValidateTask, FileReport>({
        workers,
        shared: opts.registryInWorkers ? { ...shared, registry: undefined, registryInWorkers: true } : shared,
        tasks: files.map((path, i) => ({ path, name: names[i] })),
        inline: validate,
        onResult: (r) => progress.tick(r.file),
      });
      // A worker's report arrives as a structured clone: its rows' table has its fields, not its methods.
      for (const r of reports) r.rows = RowTable.revive(r.rows);
      return reports;
    }
    stopWorkers(workers);
    const reports: FileReport[] = [];
    for (const [i, path] of files.entries()) {
      let report = await validate({ path, name: names[i] });
      const previous = previousOf(report);
      if (previous) report = await validate({ path, name: names[i], previous });
      reports.push(report);
      progress.tick(report.file);
    }
    return reports;
  } finally {
    progress.stop();
  }
}

/** Last year's reports keyed by township code, for --previous. */
export async function previousReports(folder: string, shared: ValidateShared, quiet?: boolean): Promise<Map<string, FileReport>> {
  const files = await collectFiles([folder]);
  const reports = await validateFiles(files, shared, { quiet, label: t("cli.progressPrevious") });
  const map = new Map<string, FileReport>();
  for (const r of reports) if (r.township) map.set(r.township.code, r);
  return map;
}
