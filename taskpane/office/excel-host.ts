/** The WorkbookHost the pane uses inside Excel: each operation is one Excel.run over taskpane/office. */
import type { WorkbookHost } from "../app/services";
import type { KeyValueStore } from "../storage";
import { capabilityNotices, officeCapabilities } from "./capabilities";
import { clearMarks, markProblems } from "./marks";
import { readActiveSheetGrid } from "./read-sheet";
import { selectCell } from "./select";
import { writeSummarySheets } from "./summary-sheets";

export function createExcelHost(store: KeyValueStore): WorkbookHost {
  const caps = officeCapabilities();
  return {
    notices: capabilityNotices(caps),
    readActiveSheet: () =>
      Excel.run(async (context) => {
        const grid = await readActiveSheetGrid(context, { caps });
        return { grid, fileName: workbookName() };
      }),
    mark: (issues) => Excel.run((context) => markProblems(context, issues, { caps, store })),
    clearMarks: () => Excel.run((context) => clearMarks(context, { caps, store })),
    select: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    writeSummary: (tables, overwrite) => Excel.run((context) => writeSummarySheets(context, tables, { overwrite, caps })),
  };
}

/** The workbook's file name from its URL ("东湖镇.xlsx"), or "" for a new, unsaved workbook. */
function workbookName(): string {
  const url = Office.context.document.url ?? "";
  const last = url.split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
