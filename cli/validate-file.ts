import { cellCount } from "../addin/grid";
import { readBookFile, UnreadableError } from "../addin/io/node";
import type { Registry } from "../addin/templates";
import { loadTemplate } from "../addin/templates";
import { internalErrorReport, unreadableReport, validateBook, type FileReport } from "../addin/validate";
import type { RegistrySource } from "./context";
import { displayName } from "./display-names";

/** What every file of a run shares: sent once to each worker. */
export interface ValidateShared {
  /** The template as JSON (templates cross threads as data and are checked again on arrival). */
  template: unknown;
  registry?: Registry;
  /** A worker's registry is the one it parsed from its ValidateWorkerData (the registry above is then not sent). */
  registryInWorkers?: boolean;
  /** Issues of one code listed per file (ValidateContext.maxIssuesPerCode). */
  maxIssuesPerCode?: number;
}

/** What a validate worker is started with. */
export interface ValidateWorkerData {
  registry?: RegistrySource;
}

export interface ValidateTask {
  path: string;
  /** The name the user knows the file by in messages (see displayNames); the base name when not given. */
  name?: string;
  /** Last year's report for the same township, for the year-over-year check. */
  previous?: FileReport;
}

/**
 * Reads and validates one file. Never rejects: an unreadable file becomes an `unreadable` report, and any other
 * exception (a bug, a file the readers choke on unexpectedly, a file gone or unreadable on disk) becomes that
 * file's report asking to send the file to the county, so one file never stops the others.
 */
export function makeValidator(shared: ValidateShared): (task: ValidateTask) => Promise<FileReport> {
  const template = loadTemplate(shared.template);
  return async (task) => {
    const file = task.name ?? displayName(task.path);
    try {
      const book = await readBookFile(task.path);
      book.file = file;
      const report = validateBook(book, { template, registry: shared.registry, previous: task.previous, maxIssuesPerCode: shared.maxIssuesPerCode });
      report.cells = cellCount(book);
      return report;
    } catch (e) {
      if (e instanceof UnreadableError) return unreadableReport(file, e.file === file ? e.message : new UnreadableError(file, e.reason, e.params).message);
      return internalErrorReport(file, e);
    }
  };
}
