/**
 * A report laid out as tables: what the county summary becomes (addin/merge/tables.ts) and what the workbook writers
 * render (addin/io/summary-workbook.ts, the pane's Office.js writer). It lives on this floor so that io writes tables
 * without knowing what a merge is.
 */
export type TableCell = string | number | null;
export type ColumnFormat = "integer" | "money" | "decimal" | "percent" | "text" | "general";
/** Excel number formats for each column format (rates are fractions shown as 0.0%, 万元 and scores with two decimals). */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  integer: "0",
  money: "0.00",
  decimal: "0.00",
  percent: "0.0%",
  text: "@",
  general: "General",
};
export type CellMark = "red" | "yellow" | "error" | "warning" | "total";

/**
 * The one palette (RGB hex) of marked cells and headers: the county workbook, the annotated copy and the cells the
 * pane marks in Excel all use it. error/warning are Excel's own 浅红/浅黄 conditional-format fills; red/yellow the flags.
 */
export const PALETTE: Record<CellMark | "header", string> = {
  header: "D9E1F2",
  total: "F2F2F2",
  red: "FF0000",
  yellow: "FFFF00",
  error: "FFC7CE",
  warning: "FFEB9C",
};

export interface SummaryColumn {
  header: string;
  format: ColumnFormat;
  /** Widest the column should be made (Excel units), for long texts. */
  maxWidth?: number;
}

/** A chart of one measure over the townships (the county workbook's, the pane's): addin/merge's chartData makes it. */
export interface ChartPoint {
  /** The township's row in the 乡镇汇总 table. */
  row: number;
  name: string;
  value: number;
  rank: number | null;
  flag: "red" | "yellow" | null;
}

export interface ChartData {
  title: string;
  /** The measure's header as the 乡镇汇总 sheet shows it (消除率): the column the chart reads, the value axis title. */
  measure: string;
  /** The measure's key in TownshipSummary (eliminationRate). */
  key: string;
  /** The measure's number format (0.0% for a rate). */
  numFmt: string;
  percent: boolean;
  /** Whether the points are in rank order (the template ranks by this measure) or by value. */
  ranked: boolean;
  /** The townships with a figure, in rank order (by value, largest first, when the template has no rank). */
  points: ChartPoint[];
}

/** A table's rows one at a time: `fill(i, row)` writes row i into `row` (as long as the table has columns). */
export interface RowSource {
  count: number;
  fill(i: number, row: TableCell[]): void;
}

/** How many data rows a table has. */
export function rowCount(table: SummaryTable): number {
  return table.source ? table.source.count : table.rows.length;
}

/** Row i of a table: filled from its source into one reused row (which the caller must not keep), else from its rows. */
export function rowReader(table: SummaryTable): (i: number) => readonly TableCell[] {
  const { source } = table;
  if (!source) {
    const rows = table.rows;
    return (i) => rows[i];
  }
  const row: TableCell[] = new Array(table.columns.length).fill(null);
  return (i) => {
    source.fill(i, row);
    return row;
  };
}

/**
 * A table whose rows come from `source`: `rows` is made from it the first time something reads it (the task pane, a
 * test), so a writer that uses the source never makes them.
 */
export function sourcedTable(table: Omit<SummaryTable, "rows" | "source">, source: RowSource): SummaryTable {
  let rows: TableCell[][] | undefined;
  const width = table.columns.length;
  // `source` is not enumerable: a copy or a comparison of the table sees its rows, as for any table.
  return Object.defineProperties({ ...table } as SummaryTable, {
    source: { value: source, enumerable: false },
    rows: {
      enumerable: true,
      get: () => {
        if (!rows) {
          rows = new Array(source.count);
          for (let i = 0; i < source.count; i++) {
            const row: TableCell[] = new Array(width).fill(null);
            source.fill(i, row);
            rows[i] = row;
          }
        }
        return rows;
      },
    },
  });
}

export interface SummaryTable {
  /** ranking, list and breakdown tables come from the template's summary (unitRankings, lists, breakdowns). */
  key: "townships" | "detail" | "ranking" | "list" | "breakdown" | "submissions" | "issues" | "rejected";
  /** Sheet name. */
  name: string;
  /** Title row, merged across the table. */
  title: string;
  /** A second merged row (unit and definitions), or null. */
  note: string | null;
  columns: SummaryColumn[];
  rows: TableCell[][];
  /**
   * The same rows made one at a time, for the tables of a row per village (200,000 in a province): a writer that goes
   * through them once fills one reused row from here and keeps none, where `rows` (made on first use) holds them all.
   */
  source?: RowSource;
  /** Columns to freeze at the left (the header rows are always frozen). */
  freezeColumns: number;
  /** Cells to fill: row and column are 0-based indexes into `rows` and `columns`. */
  marks: { row: number; column: number; mark: CellMark }[];
  /** The chart drawn below the table (乡镇汇总: the ranked measure). */
  chart?: ChartData;
  /** For the red/yellow flag cells: the text is in the cell too (红旗/黄旗), the mark adds the colour. */
}

