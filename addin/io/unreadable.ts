import { t, type MessageKey } from "../i18n";

export type UnreadableReason = "empty" | "not-spreadsheet" | "truncated" | "encrypted" | "too-large" | "zip-bomb" | "too-many-cells" | "too-many-sheets" | "too-many-columns" | "too-many-merges" | "too-many-strings";

const MESSAGES: Record<UnreadableReason, MessageKey> = {
  empty: "io.unreadable.empty",
  "not-spreadsheet": "io.unreadable.notSpreadsheet",
  truncated: "io.unreadable.truncated",
  encrypted: "io.unreadable.encrypted",
  "too-large": "io.unreadable.tooLarge",
  "zip-bomb": "io.unreadable.zipBomb",
  "too-many-cells": "io.unreadable.tooManyCells",
  "too-many-sheets": "io.unreadable.tooManySheets",
  "too-many-columns": "io.unreadable.tooManyColumns",
  "too-many-merges": "io.unreadable.tooManyMerges",
  "too-many-strings": "io.unreadable.tooManyStrings",
};

/** A file that cannot be read as a spreadsheet. `message` says, in Chinese, which file and what to do. */
export class UnreadableError extends Error {
  override name = "UnreadableError";
  constructor(
    readonly file: string,
    readonly reason: UnreadableReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(t(MESSAGES[reason], { file, ...params }));
  }
}
