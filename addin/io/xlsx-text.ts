/**
 * What the lean .xlsx reader (read-xlsx.ts) does to text, formulas and part names so its Grid is SheetJS's Grid:
 * ECMA-376's _xHHHH_ escapes, the _xlfn. prefix of newer functions, number formats applied to text, and the
 * package's relationships naming the workbook part. Kept apart from the scanning loop so either can change alone.
 */
import * as XLSX from "@e965/xlsx";

const ESCAPE = /_x([0-9a-fA-F]{4})_/gi;

/**
 * ECMA-376 §22.4.2.4: a character XML cannot hold is written _xHHHH_ (_x000D_ a carriage return), and a literal
 * "_x" that would read as one is escaped as _x005F_x…. Decoded left to right, as SheetJS does (case-insensitive
 * "x" too); then CR LF becomes LF, as SheetJS does for cell text.
 */
export function decodeEscapes(text: string): string {
  if (text.indexOf("_x") < 0 && text.indexOf("_X") < 0) return text;
  const out = text.replace(ESCAPE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out.indexOf("\r\n") >= 0 ? out.replace(/\r\n/g, "\n") : out;
}

/**
 * A formula as SheetJS gives it: escapes decoded, and the "_xlfn." that Excel writes before functions newer than
 * Excel 2007 (_xlfn.UNIQUE, WPS's _xlfn.DISPIMG) removed. SheetJS keeps other prefixes (_xlws.FILTER), so do we.
 */
export function formulaText(formula: string): string {
  const f = decodeEscapes(formula);
  return f.indexOf("_xlfn.") >= 0 ? f.replace(/_xlfn\./g, "") : f;
}

/**
 * The text of a text or boolean cell under its number format, as SheetJS's SSF gives it: "@" and General show the
 * value itself; a format with a text section ("0.00;-0.00;0;@\"万元\"", "@\" \"") renders it.
 */
export function formattedText(format: string, value: string | boolean): string {
  const plain = typeof value === "string" ? value : value ? "TRUE" : "FALSE";
  if (format === "General" || format === "@") return plain;
  try {
    return XLSX.SSF.format(format, value);
  } catch {
    return plain;
  }
}

/** The officeDocument relationship's type (transitional and strict OOXML). */
const OFFICE_DOCUMENT = /\/officeDocument$/;

/**
 * The workbook part's name, as the package's relationships (_rels/.rels) say: usually xl/workbook.xml, but a
 * producer may put it elsewhere (xl/workbook2.xml, a folder of its own). xl/workbook.xml when there is no .rels.
 */
export function workbookPartPath(text: (name: string) => string | undefined): string {
  const rels = text("_rels/.rels");
  if (rels) {
    for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
      const type = /\bType\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
      const target = /\bTarget\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
      if (type && target && OFFICE_DOCUMENT.test(type)) return resolveTarget("", target);
    }
  }
  return "xl/workbook.xml";
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The folder a part is in, with its trailing slash ("xl/"), "" at the package root. */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A relationship target as a part name: relative to `folder` (the source part's folder), or absolute from the root. */
export function resolveTarget(folder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const p of (folder + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}
