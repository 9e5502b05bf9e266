import { basename } from "path";
import { readBookFile, UnreadableError } from "../addin/io/node";
import type { Registry } from "../addin/templates";
import { loadTemplate } from "../addin/templates";
import { unreadableReport, validateBook, type FileReport } from "../addin/validate";

/** What every file of a run shares: sent once to each worker. */
export interface ValidateShared {
  /** The template as JSON (templates cross threads as data and are checked again on arrival). */
  template: unknown;
  registry: Registry;
}

export interface ValidateTask {
  path: string;
  /** Last year's report for the same township, for the year-over-year check. */
  previous?: FileReport;
}

/** Reads and validates one file; an unreadable file becomes a report, never an exception. */
export function makeValidator(shared: ValidateShared): (task: ValidateTask) => Promise<FileReport> {
  const template = loadTemplate(shared.template);
  return async (task) => {
    const file = basename(task.path);
    try {
      const book = await readBookFile(task.path);
      return validateBook(book, { template, registry: shared.registry, previous: task.previous });
    } catch (e) {
      if (e instanceof UnreadableError) return unreadableReport(file, e.message);
      throw e;
    }
  };
}
