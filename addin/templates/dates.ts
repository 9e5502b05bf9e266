/**
 * Dates of a `date` column, as XiaoBo compares them: one number yyyymmdd (2026年6月30日 = 20260630), whatever the cell
 * held: an Excel date serial in a date-formatted cell, or text such as 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日
 * or 20260630. Such numbers order as the dates do, so a rule or a summary compares them with a parameter
 * (`{完成时限} < reportDate`, reportDate = 20261231).
 */
import { DATE_WORDS } from "../i18n";

/** yyyymmdd for a real calendar day (no 2月30日), else null. Years 1900–9999. */
export function dateNumber(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day > days ? null : year * 10000 + month * 100 + day;
}

/** A yyyymmdd number that is a real day (20260630), as given; else null. */
export function checkDateNumber(n: number): number | null {
  if (!Number.isInteger(n)) return null;
  return dateNumber(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
}

/**
 * The day of an Excel serial (1900 date system: 1 = 1900-01-01; 60 is Excel's non-existent 1900-02-29, refused); a time
 * of day (the fraction) is dropped. Null outside 1900–9999.
 */
export function dateFromSerial(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  // Serials after 60 count from 1899-12-30 (Excel counts a 1900-02-29 that never was); those before from 1899-12-31.
  const d = new Date(Date.UTC(1899, 11, whole < 60 ? 31 : 30) + whole * 86400000);
  return dateNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Excel serial of a yyyymmdd date (what a workbook stores for it). */
export function serialOfDate(n: number): number {
  const y = Math.floor(n / 10000), m = Math.floor(n / 100) % 100, d = n % 100;
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  return days <= 60 ? days - 1 : days;
}

// 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日 (or 号), each with an optional time after it (Excel's CSV: 2026/6/30 0:00).
const SEPARATED = new RegExp(
  `^(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})|${DATE_WORDS.year}\\s*(\\d{1,2})\\s*${DATE_WORDS.month}\\s*(\\d{1,2})\\s*[${DATE_WORDS.days}]?)(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$`,
);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** The date a text gives (full-width digits and spaces are fine), or null when it is not a date of a form above. */
export function parseDateText(text: string): number | null {
  const s = text.normalize("NFKC").trim();
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  return dateNumber(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
}

/** 20260630 → "2026-06-30". */
export function formatDate(n: number): string {
  const s = String(n);
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s;
}

/**
 * Does a number format show a date (yyyy-mm-dd, m/d/yy, yyyy"年"m"月"d"日", [$-F800]dddd…)? Quoted text, escapes and
 * [brackets] aside, it has a year or day part; a time-only format (h:mm) or General does not.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[yd]/i.test(bare);
}
