/**
 * Print setup and filters for the county workbook's sheets, as the raw SpreadsheetML the summary writer
 * (addin/io/summary-workbook.ts) puts around each sheet's data: every sheet landscape A4, fitted to one page wide
 * (as many pages down as it takes), its title and header rows repeated on each page (_xlnm.Print_Titles), the sheet
 * name and page numbers in the footer; the detail and issue sheets get an autofilter on their header row.
 */
import { t, type Locale } from "../i18n";
import { rowCount, type SummaryTable } from "../grid";

/** Tables whose header row gets an autofilter: the long ones a county filters by township or by problem. */
const FILTERED: ReadonlySet<SummaryTable["key"]> = new Set(["detail", "issues"]);

/** The sheet row (1-based) of a table's header: after the title row and the note row when there is one. */
export function headerRowOf(table: SummaryTable): number {
  return table.note !== null ? 3 : 2;
}

function colName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The autofilter's range: the header row down to the last data row, across every column. */
export function filterRef(table: SummaryTable): string | undefined {
  if (!FILTERED.has(table.key) || table.columns.length === 0) return undefined;
  const h = headerRowOf(table);
  return `A${h}:${colName(table.columns.length - 1)}${h + rowCount(table)}`;
}

/** The XML a sheet needs around its data, each piece at its place in the worksheet's schema order. */
export interface SheetPrint {
  /** Before <sheetViews>: the fit-to-page flag. */
  head: string;
  /** After </sheetData>, before <mergeCells>: the autofilter. */
  filter: string;
  /** After <pageMargins>: page setup, footer and the drawing (the chart) when the sheet has one. */
  tail: string;
}

export function sheetPrint(table: SummaryTable, opts: { drawing?: boolean; locale?: Locale } = {}): SheetPrint {
  const ref = filterRef(table);
  const footer = `&amp;L&amp;A&amp;C${esc(t("chart.footer", {}, opts.locale))}`;
  return {
    head: `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
    filter: ref ? `<autoFilter ref="${ref}"/>` : "",
    tail: `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddFooter>${footer}</oddFooter></headerFooter>` + (opts.drawing ? `<drawing r:id="rId1"/>` : ""),
  };
}

/** workbook.xml's <definedNames>: each sheet's print titles, and the filter database of each filtered sheet. */
export function definedNamesXml(tables: readonly SummaryTable[]): string {
  const names: string[] = [];
  tables.forEach((table, i) => {
    const ref = filterRef(table);
    if (ref) {
      const [from, to] = ref.split(":").map((c) => c.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
      names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(`${quoted(table.name)}!${from}:${to}`)}</definedName>`);
    }
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`${quoted(table.name)}!$1:$${headerRowOf(table)}`)}</definedName>`);
  });
  return names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
}
