/**
 * Finding the header: title rows may sit above it; it may be one row or two (a group row over sub-headers, with merged
 * cells); header text is normalised (normaliseHeader) and matched against each column's header and synonyms, in any order.
 */
import { address, cellAt, type Grid, type Range } from "../grid";
import { normaliseHeader, type CompiledColumn, type CompiledTemplate } from "../templates";

/** How many rows from the top are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderCell {
  /** 0-based sheet column. */
  col: number;
  column: CompiledColumn;
  /** A1 address of the header cell the column was recognised by. */
  cell: string;
}

export interface HeaderMatch {
  /** 0-based row of the header's first row. */
  top: number;
  /** 1 or 2 header rows. */
  depth: 1 | 2;
  /** Every recognised header cell in sheet order, duplicates included (map-columns reports them). */
  cells: HeaderCell[];
  /** Distinct template columns recognised. */
  score: number;
}

function cellText(grid: Grid, r: number, c: number): string {
  const cell = cellAt(grid, r, c);
  if (!cell) return "";
  if (typeof cell.value === "string") return cell.value;
  return cell.text ?? (cell.value === null ? "" : String(cell.value));
}

/**
 * The merged area covering a cell of the header rows, by a per-row index (built once per row, on demand): a scan of
 * every merge for every cell was rows × columns × merges, minutes on a 16,384-column sheet with thousands of merges.
 * The first merge in the sheet's order wins where (invalid) merges overlap, as the scan did; filled columns are
 * skipped through `next` pointers, so overlapping merges cost no more than the row's width.
 */
export class MergeIndex {
  private readonly rows: (Int32Array | undefined)[] = [];
  constructor(
    private readonly merges: Range[],
    private readonly colCount: number,
  ) {}

  at(r: number, c: number): Range | undefined {
    if (this.merges.length === 0 || c >= this.colCount) return undefined;
    const row = (this.rows[r] ??= this.build(r));
    const k = row[c];
    return k < 0 ? undefined : this.merges[k];
  }

  private build(r: number): Int32Array {
    const n = this.colCount;
    const row = new Int32Array(n).fill(-1);
    const next = new Int32Array(n + 1);
    for (let c = 0; c <= n; c++) next[c] = c;
    const find = (c: number): number => {
      let root = c;
      while (next[root] !== root) root = next[root];
      while (next[c] !== root) {
        const up = next[c];
        next[c] = root;
        c = up;
      }
      return root;
    };
    this.merges.forEach((m, k) => {
      if (r < m.top || r > m.bottom) return;
      for (let c = find(Math.max(0, m.left)); c <= Math.min(m.right, n - 1); c = find(c + 1)) {
        row[c] = k;
        next[c] = c + 1;
      }
    });
    return row;
  }
}

/**
 * The text shown at (r, c). `spread`: a merged area's text counts in every column it covers (a group header);
 * otherwise only in its own first column (a header merged across two columns for width is one column).
 */
function shownText(grid: Grid, merges: MergeIndex, r: number, c: number, spread: boolean): string {
  const own = cellText(grid, r, c);
  if (own.trim() !== "") return own;
  const m = merges.at(r, c);
  if (!m || (!spread && m.left !== c)) return "";
  return cellText(grid, m.top, m.left);
}

/** Normalised header texts of the top rows, computed on demand, once per row. */
class Texts {
  private readonly ownRows: (string[] | undefined)[] = [];
  private readonly spreadRows: (string[] | undefined)[] = [];
  private readonly continuedRows: (boolean[] | undefined)[] = [];
  private readonly merges: MergeIndex;
  constructor(
    private readonly grid: Grid,
    readonly rows: number,
  ) {
    this.merges = new MergeIndex(grid.merges.filter((m) => m.top < rows), grid.colCount);
  }
  private fill(r: number, spread: boolean): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.grid.colCount; c++) out.push(normaliseHeader(shownText(this.grid, this.merges, r, c, spread)));
    return out;
  }
  own(r: number): string[] {
    return (this.ownRows[r] ??= this.fill(r, false));
  }
  spread(r: number): string[] {
    return (this.spreadRows[r] ??= this.fill(r, true));
  }
  /** (r, c) is covered by the same merge as (r - 1, c): the continuation of a vertically merged header. */
  continued(r: number): boolean[] {
    let row = this.continuedRows[r];
    if (!row) {
      row = [];
      for (let c = 0; c < this.grid.colCount; c++) {
        const m = r > 0 ? this.merges.at(r, c) : undefined;
        row.push(!!m && m.top < r);
      }
      this.continuedRows[r] = row;
    }
    return row;
  }
}

function matchRow(ct: CompiledTemplate, texts: Texts, r: number, depth: 1 | 2): HeaderMatch {
  const cells: HeaderCell[] = [];
  const seen = new Set<string>();
  let fromLower = 0;
  /** Cells the upper row names (a header merged down, or a group over its sub-header). */
  let byUpper = 0;
  const upper = texts.own(r);
  const lowerRow = depth === 2 ? texts.own(r + 1) : undefined;
  for (let c = 0; c < upper.length; c++) {
    let column: CompiledColumn | undefined;
    let row = r;
    if (lowerRow) {
      const lower = lowerRow[c];
      if (lower !== "") {
        column = ct.byName.get(lower);
        if (!column) {
          column = ct.byName.get(texts.spread(r)[c] + lower);
          if (column) byUpper++;
        }
        row = r + 1;
        if (column) {
          if (!texts.continued(r + 1)[c]) fromLower++;
          else byUpper++; // the upper cell merged down
        }
      }
      if (!column) {
        column = ct.byName.get(upper[c]);
        row = r;
        if (column) byUpper++;
      }
    } else column = ct.byName.get(upper[c]);
    if (!column) continue;
    cells.push({ col: c, column, cell: address(row, c) });
    seen.add(column.key);
  }
  // Nothing above the lower row belongs to the header (a 填报单位 line over a one-row header): the header is the lower
  // row, found on its own at r + 1.
  if (lowerRow && byUpper === 0) return { top: r, depth: 1, cells: [], score: 0 };
  // A second header row only counts when it contributes something of its own, or when it is the lower half of header
  // cells merged down over both rows (a one-level header two rows tall: that row is header, not a blank data row).
  const keep = fromLower > 0 || (depth === 2 && mergedDown(texts, r, cells));
  return { top: r, depth: depth === 2 && !keep ? 1 : depth, cells, score: seen.size };
}

/** Every header cell of row r is merged down over row r + 1. */
function mergedDown(texts: Texts, r: number, cells: HeaderCell[]): boolean {
  return cells.length > 0 && cells.every((h) => texts.continued(r + 1)[h.col]);
}

/** The best header on the sheet, or undefined when no row matches at least `minScore` template columns. */
export function locateHeader(grid: Grid, ct: CompiledTemplate, minScore = minimumScore(ct)): HeaderMatch | undefined {
  if (grid.rowCount === 0 || grid.colCount === 0) return undefined;
  const texts = new Texts(grid, Math.min(grid.rowCount, HEADER_SCAN_ROWS + 1));
  const all = ct.columns.length;
  let best: HeaderMatch | undefined;
  for (let r = 0; r < texts.rows; r++) {
    // Every column found and two rows past it: nothing below can do better.
    if (best && best.score === all && r > best.top + 2) break;
    const single = matchRow(ct, texts, r, 1);
    let pick = single;
    if (r + 1 < texts.rows) {
      const double = matchRow(ct, texts, r, 2);
      if (double.depth === 2 && (double.score > single.score || (double.score === single.score && mergedDown(texts, r, single.cells)))) pick = double;
    }
    if (!best || pick.score > best.score) best = pick;
  }
  return best && best.score >= minScore ? best : undefined;
}

/** At least three template columns (or all of them, for a tiny template) must be recognised. */
export function minimumScore(ct: CompiledTemplate): number {
  return Math.min(3, ct.columns.length);
}
