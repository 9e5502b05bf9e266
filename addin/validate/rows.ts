/**
 * Finding the data rows: below the header, up to the 合计 row ("合计"/"总计" in the first columns) or the footer
 * (填表人：… 审核人：…). A 小计 (subtotal) row inside the table is skipped: it is not a village, it does not end the
 * table, and it is not added into the sums the 合计 row is checked against. The label is looked for in the first three columns, the 序号 column and the code and name columns. A blank row with data below it is a blank-row warning; a hidden data row is a hidden-row warning.
 * Blank rows after the last village (a template with spare rows) are not. A 栏次 row right under the header
 * (甲 乙 1 2 3 …) is skipped.
 */
import { COLUMN_NUMBER_CHARS } from "../i18n";
import { isBlank, type Cell, type Grid } from "../grid";
import { compactText, type CompiledTemplate } from "../templates";
import type { Collector } from "./context";
import type { ColumnMap } from "./map-columns";

export interface RowScan {
  /** 0-based sheet rows holding data, in order. */
  dataRows: number[];
  /** 0-based row of the 合计 row, if there is one. */
  totalRow?: number;
}

function textOf(cell: Cell | undefined): string {
  if (!cell) return "";
  if (typeof cell.value === "string") return cell.value;
  return cell.text ?? "";
}

/**
 * A test for the first characters of a list of words (and any full-width form, which normalisation may fold into
 * one), to skip the costly normalisation for cells that cannot match: one regular-expression scan per cell.
 */
function firstChars(words: string[]): RegExp {
  const chars = [...new Set(words.map((w) => w[0]))].map((c) => c.replace(/[\\^\]-]/g, "\\$&")).join("");
  return new RegExp(`[${chars}\\u3000\\uff00-\\uffff]`);
}

/** Could `t` contain one of the words (a first character, or a full-width form, in `t`)? */
function mayContain(t: string, chars: RegExp): boolean {
  return chars.test(t);
}

/** The row's label cells (the first columns, and the code/name columns) contain a total label. */
function isTotalRow(row: (Cell | undefined)[] | undefined, labelCols: number[], labels: string[], chars: RegExp): boolean {
  if (!row) return false;
  for (const c of labelCols) {
    const t = textOf(row[c]);
    if (t === "" || t.length > 20 || !mayContain(t, chars)) continue;
    const s = compactText(t);
    for (const l of labels) if (s.includes(l)) return true;
  }
  return false;
}

/**
 * Whether a character (a UTF-16 code unit) may begin one of the words: a first character of one, or a full-width form
 * (as firstChars), tested without making a string of it.
 */
function firstCodes(words: string[]): (c: number) => boolean {
  const codes = new Set(words.map((w) => w.charCodeAt(0)));
  return (c) => c === 0x3000 || c >= 0xff00 || codes.has(c);
}

function isFooterRow(row: (Cell | undefined)[] | undefined, footer: string[], mayStart: (c: number) => boolean): boolean {
  if (!row) return false;
  for (let k = 0; k < row.length; k++) {
    const cell = row[k];
    if (!cell || typeof cell.value !== "string") continue;
    const t = cell.value;
    // Footer words start the cell (after spaces): look at the first visible character only.
    let i = 0;
    for (let c = t.charCodeAt(0); c === 0x20 || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d; c = t.charCodeAt(++i));
    if (i === t.length || !mayStart(t.charCodeAt(i))) continue;
    const s = compactText(t);
    for (const f of footer) if (s.startsWith(f)) return true;
  }
  return false;
}

const COLUMN_NUMBERS = new RegExp(`^(?:[${COLUMN_NUMBER_CHARS}]|\\d{1,2})$`);
const COLUMN_NUMBER_CHAR = new RegExp(`[${COLUMN_NUMBER_CHARS}]`);

/** 甲 乙 1 2 3 …: the column-number row some forms have under the header. */
function isColumnNumberRow(row: (Cell | undefined)[] | undefined, cols: number[]): boolean {
  if (!row) return false;
  let numbered = 0;
  for (const c of cols) {
    const cell = row[c];
    if (isBlank(cell)) continue;
    const s = compactText(cell!.text || String(cell!.value));
    if (!COLUMN_NUMBERS.test(s)) return false;
    if (COLUMN_NUMBER_CHAR.test(s)) numbered++;
  }
  return numbered > 0;
}

export function scanRows(grid: Grid, start: number, ct: CompiledTemplate, map: ColumnMap, out: Collector): RowScan {
  const mapped: number[] = [];
  const seqIndex = ct.template.sequenceColumn ? ct.byKey[ct.template.sequenceColumn]?.index : undefined;
  for (const col of map.present) if (col.index !== seqIndex) mapped.push(map.colOf[col.index]);
  const allCols = map.present.map((c) => map.colOf[c.index]);
  const labelCols = new Set<number>();
  for (let c = 0; c < Math.min(grid.colCount, 3); c++) labelCols.add(c);
  if (seqIndex !== undefined && map.colOf[seqIndex] >= 0) labelCols.add(map.colOf[seqIndex]);
  for (const col of ct.columns) if (col.registry && map.colOf[col.index] >= 0 && col.type !== "yesno") labelCols.add(map.colOf[col.index]);
  const labelList = [...labelCols];
  const totalChars = firstChars(ct.totalLabels);
  const subtotalChars = firstChars(ct.subtotalLabels);
  const footerStart = firstCodes(ct.footer);
  const hidden = new Uint8Array(grid.rowCount);
  for (const r of grid.hiddenRows) if (r < grid.rowCount) hidden[r] = 1;

  const dataRows: number[] = [];
  let totalRow: number | undefined;
  let pendingBlank: number[] = [];
  let first = start;
  if (first < grid.rowCount && isColumnNumberRow(grid.rows[first], allCols)) first++;
  for (let r = first; r < grid.rowCount; r++) {
    const row = grid.rows[r];
    if (isTotalRow(row, labelList, ct.totalLabels, totalChars)) {
      totalRow = r;
      break;
    }
    if (isFooterRow(row, ct.footer, footerStart)) break;
    if (ct.subtotalLabels.length && isTotalRow(row, labelList, ct.subtotalLabels, subtotalChars)) {
      // A blank row before a 小计 is still inside the table.
      for (const b of pendingBlank) out.add("blank-row", "blankRow", {}, { row: b + 1 });
      pendingBlank = [];
      continue;
    }
    let blank = true;
    if (row) for (const c of mapped) if (!isBlank(row[c])) { blank = false; break; }
    if (blank) {
      pendingBlank.push(r);
      continue;
    }
    for (const b of pendingBlank) out.add("blank-row", "blankRow", {}, { row: b + 1 });
    pendingBlank = [];
    if (hidden[r]) out.add("hidden-row", "hiddenRow", {}, { row: r + 1 });
    dataRows.push(r);
  }
  return { dataRows, totalRow };
}
