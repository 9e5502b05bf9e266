/**
 * What the views need from their surroundings. In Excel, `workbook` is backed by taskpane/office (Excel.run);
 * standalone it is absent and the views work on files only. Component tests pass fakes of these.
 */
import type { Grid } from "../../addin/grid";
import type { MessageKey } from "../../addin/i18n";
import type { Issue } from "../../addin/validate";
import type { MarkResult } from "../office/marks";
import type { SheetTable, WriteSummaryResult } from "../office/summary-sheets";
import type { KeyValueStore } from "../storage";

export interface WorkbookHost {
  /** What this Excel cannot do, as messages to show. */
  notices: MessageKey[];
  /** The active sheet as a Grid, and the workbook's name for messages. */
  readActiveSheet(): Promise<{ grid: Grid; fileName: string }>;
  mark(issues: readonly Issue[]): Promise<MarkResult>;
  clearMarks(): Promise<{ cells: number }>;
  select(sheet: string, cell: string): Promise<void>;
  writeSummary(tables: readonly SheetTable[], overwrite: boolean): Promise<WriteSummaryResult>;
}

export interface AppServices {
  mode: "office" | "standalone";
  workbook?: WorkbookHost;
  store: KeyValueStore;
  download(bytes: Uint8Array, fileName: string): void;
}
