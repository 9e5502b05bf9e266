/**
 * One cell → one normalised value, by the column's type: numbers as numbers, 是/否 as booleans, codes as digit strings,
 * null when blank. What can be read correctly is read (text numbers like `12.5万元`, `１２.５`, `1,234.00`, codes stored as
 * 12-digit numbers) and warned about where the clerk should fix the cell; what cannot is an error and gives INVALID.
 *
 * 是/否 columns accept exactly 是 or 否 (full-width forms and spaces are fine). Y/N, TRUE/FALSE, 1/0, √/× are NOT read as
 * 是/否: the template's drop-down offers 是/否, and the county counts 是; guessing would move a village in or out of the
 * baseline or the 消薄 count. They are enum errors asking for 是 or 否.
 */
import { address, ERROR_VALUES, type Cell } from "../grid";
import { MONEY_UNIT, MONEY_UNIT_SHORT, readYesNo, YEAR_SUFFIXES } from "../i18n";
import { checkDateNumber, compactText, dateFromSerial, formatDate, isDateFormat, normaliseText, parseDateText, type CompiledColumn } from "../templates";
import type { VariantOf } from "./codes";
import { formatNumber, type Collector } from "./context";

export const INVALID: unique symbol = Symbol("invalid");
export type Value = string | number | boolean | null;

/** Where the cell is. Reused from cell to cell (no allocation per cell). */
export interface CellSite {
  out: Collector;
  /** 0-based sheet row and column. */
  r: number;
  c: number;
  /** CSV has no cell types: a plain numeral stored as text is not a "number typed as text". */
  csv: boolean;
  /** Reading the 合计 row (not a village: no decimals warning, it follows the villages'). */
  total?: boolean;
}

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i;
const DIGITS = /^\d+$/;
const MINUS = /[\u2212\u2012\u2013\u2014]/g;
const ERRORS: ReadonlySet<string> = new Set(ERROR_VALUES);

export interface ParsedNumber {
  value: number;
  /** Written as a plain numeral (no unit, separators or full-width digits). */
  plain: boolean;
  /** Written with thousands separators and nothing else (1,234.00): how Excel exports a "#,##0.00" cell to CSV. */
  grouped?: boolean;
}

/** Reads a number written as text: `12.5`, `12.5万元`, `１２.５`, `1,234.00`, ` 8 `. `units` are suffixes to drop. */
export function parseNumberText(text: string, units: readonly string[] = []): ParsedNumber | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (PLAIN.test(trimmed)) return { value: Number(trimmed), plain: true };
  if (GROUPED.test(trimmed)) return { value: Number(trimmed.replace(/,/g, "")), plain: false, grouped: true };
  let s = compactText(trimmed).replace(MINUS, "-");
  for (const u of units) {
    if (s.length > u.length && s.endsWith(u)) {
      s = s.slice(0, -u.length);
      break;
    }
  }
  if (PLAIN.test(s)) return { value: Number(s), plain: false };
  if (GROUPED.test(s)) return { value: Number(s.replace(/,/g, "")), plain: false };
  return undefined;
}

function unitsOf(column: CompiledColumn): string[] {
  if (column.type === "year") return [...YEAR_SUFFIXES];
  const u = column.unit;
  if (!u) return [];
  return u === MONEY_UNIT ? [MONEY_UNIT, MONEY_UNIT_SHORT] : [u];
}

function shown(cell: Cell): string {
  if (cell.text) return cell.text;
  return cell.value === null ? "" : String(cell.value);
}

const cellOf = (site: CellSite) => address(site.r, site.c);

function numberCell(cell: Cell, column: CompiledColumn, site: CellSite): number | typeof INVALID {
  const v = cell.value;
  let n: number;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return typeError(cell, column, site);
    n = v;
  } else if (typeof v === "string") {
    const parsed = parseNumberText(v, unitsOf(column));
    if (!parsed) return typeError(cell, column, site);
    n = parsed.value;
    if (!wholeEnough(n, column)) return typeError(cell, column, site);
    // A CSV has no types: Excel exports every number as text, "1,234.00" for a cell formatted #,##0.00. Only a
    // number the clerk decorated (a unit, full-width digits, spaces) is worth a warning there.
    if (!((parsed.plain || parsed.grouped) && site.csv)) {
      site.out.add("text-number", "textNumber", { value: v, number: formatNumber(n, column.decimals) }, { cell: cellOf(site), row: site.r + 1, column });
    }
  } else return typeError(cell, column, site);

  if (!wholeEnough(n, column)) return typeError(cell, column, site);
  if (column.type === "number" && column.decimals !== undefined && !site.total && tooPrecise(n, column.decimals)) {
    const rounded = formatNumber(roundHalfUp(n, column.decimals), column.decimals);
    site.out.add("decimals", "decimals", { value: String(n), decimals: column.decimals, rounded, unit: column.unit ?? "" }, { cell: cellOf(site), row: site.r + 1, column });
  }
  if (column.min !== undefined && n < column.min) {
    site.out.add("range", "belowMin", { value: formatNumber(n, column.decimals), min: column.min }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  if (column.max !== undefined && n > column.max) {
    site.out.add("range", "aboveMax", { value: formatNumber(n, column.decimals), max: column.max, unit: column.unit ?? "" }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  return n;
}

/** Rounds as Excel's ROUND does, on the decimal digits shown (52.345 → 52.35, where toFixed gives 52.34). */
function roundHalfUp(n: number, decimals: number): number {
  const shifted = Math.round(Math.abs(Number(`${Number(n.toPrecision(15))}e${decimals}`)));
  return Math.sign(n) * Number(`${shifted}e-${decimals}`);
}

/** More decimals than the template's (52.345 in a 2-decimal 万元 column); float noise (0.30000000000000004) is not. */
function tooPrecise(n: number, decimals: number): boolean {
  const scaled = n * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) > 1e-6;
}

/** Integer and year columns hold whole numbers (a year has 4 digits). */
function wholeEnough(n: number, column: CompiledColumn): boolean {
  if (column.type === "number") return true;
  if (!Number.isInteger(n)) return false;
  return column.type !== "year" || (n >= 1000 && n <= 9999);
}

function typeError(cell: Cell, column: CompiledColumn, site: CellSite): typeof INVALID {
  const variant = column.type === "year" ? "notYear" : column.type === "integer" ? "notInteger" : "notNumber";
  const unit = column.unit ? site.out.msg("validate.unit", { unit: column.unit }) : "";
  site.out.add("type", variant, { value: shown(cell), unit }, { cell: cellOf(site), row: site.r + 1, column });
  return INVALID;
}

type CodeError = VariantOf<"code-format">;

function codeError(key: CodeError, value: string, column: CompiledColumn, site: CellSite): typeof INVALID {
  site.out.add("code-format", key, { value, length: column.length ?? 12 }, { cell: cellOf(site), row: site.r + 1, column });
  return INVALID;
}

function codeCell(cell: Cell, column: CompiledColumn, site: CellSite): string | typeof INVALID {
  const length = column.length ?? 12;
  const v = cell.value;
  if (typeof v === "number") {
    const text = shown(cell);
    // A code stored as a number is fine while its digits are intact, even if Excel's General format shows it
    // as 3.39901E+11. It is broken when the stored value itself lost digits: not integral, wrong length, or
    // (a real division code never ends in a run of zeros) five or more trailing zeros.
    const intact = Number.isInteger(v) && v >= 0 && String(v).length === length && !(length >= 9 && v % 100000 === 0);
    if (!intact && /e/i.test(text)) return codeError("codeScientific", text, column, site);
    if (!Number.isInteger(v) || v < 0 || String(v).length !== length) return codeError("codeLength", text, column, site);
    if (!intact) return codeError("codeTruncated", String(v), column, site);
    const s = String(v);
    return column.regex && !column.regex.test(s) ? patternError(s, column, site) : s;
  }
  if (typeof v === "string") {
    if (v.length === length && DIGITS.test(v)) return column.regex && !column.regex.test(v) ? patternError(v, column, site) : v;
    let s = compactText(v);
    if (s.startsWith("'")) s = s.slice(1);
    if (SCIENTIFIC.test(s)) return codeError("codeScientific", v.trim(), column, site);
    if (s.length !== length || !DIGITS.test(s)) return codeError("codeLength", v.trim(), column, site);
    return column.regex && !column.regex.test(s) ? patternError(s, column, site) : s;
  }
  return codeError("codeLength", shown(cell), column, site);
}

function patternError(value: string, column: CompiledColumn, site: CellSite): typeof INVALID {
  site.out.add("pattern", "pattern", { value }, { cell: cellOf(site), row: site.r + 1, column });
  return INVALID;
}

/**
 * A date column's cell as yyyymmdd (20260630): an Excel serial in a date-formatted cell, an 8-digit number 20260630,
 * or text of a form parseDateText reads (2026-06-30, 2026/6/30, 2026年6月30日 …). A number in a cell not formatted as a
 * date is not taken for a serial: 6.30 typed into a General cell would be 1900-01-06.
 */
function dateCell(cell: Cell, column: CompiledColumn, site: CellSite): number | typeof INVALID {
  const v = cell.value;
  let n: number | null = null;
  // 20260630 typed into a date-formatted cell (Excel shows ####) is still that day: no serial is that large.
  if (typeof v === "number") n = isDateFormat(cell.format) ? (dateFromSerial(v) ?? checkDateNumber(v)) : checkDateNumber(v);
  else if (typeof v === "string") n = parseDateText(v);
  if (n === null) {
    site.out.add("type", "notDate", { value: shown(cell) }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  const bound = (b: number) => formatDate(checkDateNumber(b) ?? b);
  if (column.min !== undefined && n < column.min) {
    site.out.add("range", "dateBeforeMin", { value: formatDate(n), min: bound(column.min) }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  if (column.max !== undefined && n > column.max) {
    site.out.add("range", "dateAfterMax", { value: formatDate(n), max: bound(column.max) }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  return n;
}

/** The normalised value of `cell` in `column`, INVALID after reporting why it cannot be read. */
export function normaliseCell(cell: Cell | undefined, column: CompiledColumn, site: CellSite): Value | typeof INVALID {
  if (!cell) return null;
  // Every error value has a "#": a text without one is not looked up (a hash of every text cell, one by one).
  if (cell.error || (typeof cell.value === "string" && cell.value.indexOf("#") >= 0 && ERRORS.has(cell.value.trim()))) {
    const error = cell.error ?? String(cell.value).trim();
    site.out.add("formula-error", "formulaError", { error }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  const v = cell.value;
  if (v === null && cell.formula) {
    // A formula saved without its result (a file written by a program, never opened in Excel): the value is unknown.
    site.out.add("formula-uncalculated", "formulaUncalculated", { formula: cell.formula }, { cell: cellOf(site), row: site.r + 1, column });
    return INVALID;
  }
  if (v === null || (typeof v === "string" && v.trim() === "")) return null;
  switch (column.type) {
    case "number":
    case "integer":
    case "year":
      return numberCell(cell, column, site);
    case "code":
      return codeCell(cell, column, site);
    case "date":
      return dateCell(cell, column, site);
    case "yesno": {
      // A submission's 是/否 column takes the words only: TRUE or Y is an error asking for 是 or 否.
      const yn = typeof v === "string" ? readYesNo(v) : undefined;
      if (yn?.form === "word") return yn.value;
      site.out.add("enum", "yesNo", { value: shown(cell) }, { cell: cellOf(site), row: site.r + 1, column });
      return INVALID;
    }
    case "enum": {
      const direct = typeof v === "string" ? column.enumValues?.get(v) : undefined;
      if (direct !== undefined) return direct;
      const s = normaliseText(typeof v === "string" ? v : shown(cell));
      const found = column.enumValues?.get(s) ?? column.enumValues?.get(compactText(s));
      if (found !== undefined) return found;
      site.out.add("enum", "enum", { value: shown(cell), options: (column.enum ?? []).join(site.out.msg("app.listSeparator", {})) }, { cell: cellOf(site), row: site.r + 1, column });
      return INVALID;
    }
    case "text": {
      const s = typeof v === "string" ? v.trim() : shown(cell).trim();
      return column.regex && !column.regex.test(s) ? patternError(s, column, site) : s;
    }
  }
}
