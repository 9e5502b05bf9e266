/** Parsing the addresses Excel hands back ("Sheet1!A1:C3, 'My sheet'!E5") into 0-based rectangles. */
import { parseRange, type Range } from "../../addin/grid";

/** Splits an areas address on the commas that separate areas (not those inside a quoted sheet name). */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "Sheet1!A1:C3" → { top: 0, left: 0, bottom: 2, right: 2 }; whole rows/columns ("1:3", "A:C") are not expected here. */
export function areaRange(area: string): Range {
  const bang = area.lastIndexOf("!");
  return parseRange(bang >= 0 ? area.slice(bang + 1) : area);
}

export function parseAreas(address: string | null | undefined): Range[] {
  if (!address) return [];
  return splitAreas(address).map(areaRange);
}

/** 'My sheet'!A1 — the form Excel accepts for any sheet name. */
export function qualified(sheet: string, a1: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1}`;
}

/**
 * Groups addresses into comma-joined lists no longer than `maxLength` characters, for
 * worksheet.getRanges("A1,C3,…") (Excel limits the length of the address string it takes).
 */
export function chunkAddresses(addresses: readonly string[], maxLength = 1000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > maxLength) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}
