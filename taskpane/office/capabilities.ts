/**
 * What this Excel can do, from its ExcelApi requirement sets (Excel 2016 volume = 1.1, 2019 = 1.7,
 * 2021 = 1.14, Microsoft 365 and the web = all). Every Office call degrades on these flags, and the pane
 * says plainly what this Excel cannot do.
 */
import type { MessageKey } from "../../addin/i18n";

export interface Capabilities {
  /** Row/column hidden flags per range (ExcelApi 1.2). */
  rowHidden: boolean;
  /** range.format.autofitColumns() (ExcelApi 1.2). */
  autofit: boolean;
  /** getItemOrNullObject on worksheets (1.4). */
  nullObjects: boolean;
  /** worksheet.getRanges("A1,C3"), range.getSpecialCells(visible), fill.pattern (1.9). */
  multiRanges: boolean;
  /** Threaded comments (1.10). */
  comments: boolean;
  /** Merged areas of a range (1.13). */
  mergedAreas: boolean;
  /** Notes, the old-style yellow comments (1.18). */
  notes: boolean;
}

export type IsSetSupported = (name: string, minVersion: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const api = (v: string) => {
    try {
      return isSetSupported("ExcelApi", v) === true;
    } catch {
      return false;
    }
  };
  return {
    rowHidden: api("1.2"),
    autofit: api("1.2"),
    nullObjects: api("1.4"),
    multiRanges: api("1.9"),
    comments: api("1.10"),
    mergedAreas: api("1.13"),
    notes: api("1.18"),
  };
}

/** Everything available: tests and the newest Excel. */
export const ALL_CAPABILITIES: Readonly<Capabilities> = Object.freeze({
  rowHidden: true,
  autofit: true,
  nullObjects: true,
  multiRanges: true,
  comments: true,
  mergedAreas: true,
  notes: true,
});

/** The capabilities of the Excel the pane runs in. Only call inside Office. */
export function officeCapabilities(): Capabilities {
  return detectCapabilities((name, v) => Office.context.requirements.isSetSupported(name, v));
}

/** What to tell the user about this Excel's limits (empty when nothing is missing). */
export function capabilityNotices(caps: Capabilities): MessageKey[] {
  const out: MessageKey[] = [];
  if (!caps.notes && !caps.comments) out.push("taskpane.cap.noAnnotations");
  if (!caps.mergedAreas) out.push("taskpane.cap.noMergedAreas");
  if (!caps.rowHidden) out.push("taskpane.cap.noHiddenRows");
  return out;
}
