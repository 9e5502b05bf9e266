import ExcelJS from "exceljs";
import { columnLetter } from "../grid";
import { MONEY_UNIT, NO, t, TOTAL_LABEL, YES } from "../i18n";

/**
 * The county's report template as a real workbook (ExcelJS), laid out the way such reports are in practice:
 * row 1 the title merged across the table; row 2 填报单位 / 填报日期 / 单位; rows 3–4 a two-level header
 * (columns without a group merged down over both rows, a group merged across its columns); one row per
 * village; a 合计 row of SUM formulas (with cached results, so readers that do not calculate still see the
 * totals); the 填表人 footer. Used for the blank template a county sends out (`xiaobo template`), for the
 * demo submissions and for test fixtures.
 *
 * The layout is taken as plain data (the shape of a template's columns) so addin/io stays independent of
 * addin/templates.
 */

export interface LayoutColumn {
  key: string;
  header: string;
  group?: string;
  type: string;
  enum?: string[];
  decimals?: number;
  /** Shown in a number cell's input message (分, 万元); default the sheet's unit. */
  unit?: string;
  /** Summed in the 合计 row: number columns are unless false (a score is not added up). */
  total?: boolean;
}

export type LayoutValue = string | number | boolean | null | undefined;

export interface TemplateWorkbookSpec {
  /** The title, already filled in (e.g. 东湖镇村级集体经济发展情况统计表（2026年度）). */
  title: string;
  township: string;
  columns: readonly LayoutColumn[];
  /** One object per village, keyed by column key; booleans are written as 是/否. */
  rows: readonly Record<string, LayoutValue>[];
  /** 单位 printed on row 2 (default 万元); null for none (a report without amounts). */
  unit?: string | null;
  sheetName?: string;
  /** 填报日期 as printed; blank in a template to be filled. */
  date?: string;
  /** A 合计 row with SUM formulas under every number column. Default: when there is a number column to sum. */
  totalRow?: boolean;
  /** The 填表人 / 审核人 / 联系电话 footer. Default true. */
  footer?: boolean;
  /** Lock the header and these columns' cells (what the registry prefilled), leaving the rest editable. */
  protect?: { lockedKeys: readonly string[] };
  /** An instructions sheet (填表说明) before the data sheet. */
  instructionsSheet?: boolean;
  /** A sheet after the data sheet listing the township's villages (code, name), to choose and copy from. */
  villageSheet?: { headers: [string, string]; villages: readonly { code: string; name: string }[] };
  /** A drop-down of the village names of `villageSheet` on this column, with a prompt. */
  villageNameKey?: string;
}

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const THIN = { style: "thin", color: { argb: "FF808080" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Rough display width of Chinese-and-Latin text in Excel's character units. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2.1 : 1.1;
  return w;
}

function cellValue(col: LayoutColumn, v: LayoutValue): ExcelJS.CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "boolean") return v ? YES : NO;
  // Codes are text: a 12-digit number would show as 3.39901E+11 and lose its meaning.
  if (col.type === "code") return String(v);
  // A date given as yyyymmdd (20260630) is written as the date it is.
  if (col.type === "date" && typeof v === "number") return new Date(Date.UTC(Math.floor(v / 10000), (Math.floor(v / 100) % 100) - 1, v % 100));
  return v;
}

export async function writeTemplateWorkbook(spec: TemplateWorkbookSpec): Promise<Uint8Array> {
  const { columns } = spec;
  const wb = new ExcelJS.Workbook();
  wb.creator = t("app.name");
  if (spec.instructionsSheet) {
    const help = wb.addWorksheet(t("io.template.instructionsSheet"));
    help.getColumn(1).width = 90;
    t("io.template.instructions")
      .split("\n")
      .forEach((line, i) => (help.getCell(i + 1, 1).value = line));
  }
  const ws = wb.addWorksheet(spec.sheetName ?? t("io.template.sheetName"), {
    views: [{ state: "frozen", ySplit: 4, xSplit: 0 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const last = columns.length;

  // Row 1: title; row 2: unit line.
  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = spec.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 30;
  const third = Math.max(1, Math.floor(last / 3));
  ws.getCell(2, 1).value = t("io.template.unitLine", { township: spec.township });
  ws.getCell(2, third + 1).value = t("io.template.dateLine", { date: spec.date ?? "" });
  if (spec.unit !== null) {
    ws.getCell(2, last).value = t("io.template.unit", { unit: spec.unit ?? MONEY_UNIT });
    ws.getCell(2, last).alignment = { horizontal: "right" };
  }

  // Rows 3–4: the two-level header.
  for (let c = 0; c < last; c++) {
    const col = columns[c];
    if (!col.group) {
      ws.mergeCells(3, c + 1, 4, c + 1);
      ws.getCell(3, c + 1).value = col.header;
      continue;
    }
    ws.getCell(4, c + 1).value = col.header;
    if (columns[c - 1]?.group !== col.group) {
      let end = c;
      while (columns[end + 1]?.group === col.group) end++;
      if (end > c) ws.mergeCells(3, c + 1, 3, end + 1);
      ws.getCell(3, c + 1).value = col.group;
    }
  }
  for (const r of [3, 4])
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    }

  // Village rows.
  const first = 5;
  spec.rows.forEach((row, i) => {
    columns.forEach((col, c) => {
      const cell = ws.getCell(first + i, c + 1);
      cell.value = cellValue(col, row[col.key]);
      cell.border = BORDER;
    });
  });
  const end = first + spec.rows.length - 1;

  // Column formats, widths, drop-downs.
  columns.forEach((col, c) => {
    const column = ws.getColumn(c + 1);
    const samples = [col.header, col.group && !columns[c - 1]?.group ? "" : "", ...spec.rows.slice(0, 50).map((r) => String(r[col.key] ?? ""))];
    column.width = Math.min(40, samples.reduce((w, s) => Math.max(w, textWidth(s)), 8) + 2);
    const numFmt = col.type === "code" || col.type === "text" ? "@" : col.type === "number" ? `0.${"0".repeat(col.decimals ?? 2)}` : col.type === "date" ? "yyyy-mm-dd" : undefined;
    const list = col.type === "yesno" ? [YES, NO] : col.type === "enum" ? col.enum : undefined;
    const villages = spec.villageSheet && col.key === spec.villageNameKey ? spec.villageSheet.villages.length : 0;
    for (let r = first; r <= Math.max(end, first); r++) {
      const cell = ws.getCell(r, c + 1);
      if (numFmt) cell.numFmt = numFmt;
      if (villages) {
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`'${t("io.template.villageSheet")}'!$B$3:$B$${villages + 2}`],
          showInputMessage: true,
          promptTitle: t("io.template.somePromptTitle"),
          prompt: t("io.template.somePrompt"),
          showErrorMessage: true,
          errorTitle: t("io.template.listErrorTitle"),
          error: t("io.template.somePrompt"),
        };
      } else if (list) {
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${list.join(",")}"`],
          showErrorMessage: true,
          errorTitle: t("io.template.listErrorTitle"),
          error: t("io.template.listError", { values: list.join(t("app.listSeparator")) }),
        };
      } else if (col.type === "number") {
        cell.dataValidation = {
          type: "decimal",
          operator: "greaterThanOrEqual",
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          errorTitle: t("io.template.numberErrorTitle"),
          error: t("io.template.numberError", { unit: col.unit ?? spec.unit ?? MONEY_UNIT }),
        };
      }
      if (spec.protect && !spec.protect.lockedKeys.includes(col.key)) cell.protection = { locked: false };
    }
  });

  // 合计 row with cached results.
  let next = end + 1;
  if (spec.totalRow ?? columns.some((c) => c.type === "number")) {
    ws.getCell(next, 1).value = TOTAL_LABEL;
    ws.getCell(next, 1).font = { bold: true };
    columns.forEach((col, c) => {
      const cell = ws.getCell(next, c + 1);
      cell.border = BORDER;
      if (col.type !== "number" || col.total === false) return;
      const letter = columnLetter(c);
      let cents = 0;
      for (const row of spec.rows) {
        const v = row[col.key];
        if (typeof v === "number") cents += Math.round(v * 100);
      }
      cell.value = spec.rows.length ? { formula: `SUM(${letter}${first}:${letter}${end})`, result: cents / 100 } : null;
      cell.numFmt = `0.${"0".repeat(col.decimals ?? 2)}`;
      cell.font = { bold: true };
    });
    next++;
  }
  if (spec.footer !== false) ws.getCell(next + 1, 1).value = t("io.template.footer");

  if (spec.villageSheet) {
    const vs = wb.addWorksheet(t("io.template.villageSheet"), { views: [{ state: "frozen", ySplit: 2, xSplit: 0 }] });
    vs.mergeCells(1, 1, 1, 2);
    vs.getCell(1, 1).value = t("io.template.villageSheetTitle", { township: spec.township });
    vs.getCell(1, 1).font = { bold: true };
    spec.villageSheet.headers.forEach((h, c) => {
      const cell = vs.getCell(2, c + 1);
      cell.value = h;
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
    });
    spec.villageSheet.villages.forEach((v, i) => {
      vs.getCell(i + 3, 1).value = v.code;
      vs.getCell(i + 3, 1).numFmt = "@";
      vs.getCell(i + 3, 2).value = v.name;
    });
    vs.getColumn(1).width = 18;
    vs.getColumn(2).width = 16;
    await vs.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  }

  if (spec.protect) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** The parts of a template and a registry township the blank template needs (structural, see above). */
export interface BlankTemplateInput {
  name: string;
  title?: string;
  unit?: string;
  /** The data sheet's name (default: the template's name, cut to Excel's 31 characters). */
  sheetName?: string;
  sequenceColumn?: string;
  /** some: the township lists only the villages concerned (see blankTemplateWorkbook). */
  coverage?: "all" | "some";
  columns: readonly (LayoutColumn & { registry?: string })[];
}

export interface BlankTownship {
  name: string;
  villages: readonly { code: string; name: string; weakBaseline: boolean }[];
}

/**
 * The blank template a county sends to one township: its villages, codes and 薄弱村基数 prefilled from the
 * registry and locked (a township cannot change the baseline), everything else left to fill. A 合计 row only when some
 * column is summed in it (a table of scores has none).
 *
 * A report of only the villages concerned (coverage "some": a 台账 of 软弱涣散村) gets blank rows instead, as many as
 * the township has villages, numbered, and a sheet listing its villages (代码, 名称) with a drop-down of their names on
 * the name column. Prefilling every village would make the township delete the others' rows, which a protected sheet
 * does not allow (their code cells are locked); rows left in place would each be an error of blank required cells.
 */
export function blankTemplateWorkbook(template: BlankTemplateInput, township: BlankTownship, year: number): Promise<Uint8Array> {
  const linked = (link: string) => template.columns.find((c) => c.registry === link)?.key;
  const keys = { code: linked("villageCode"), name: linked("villageName"), weak: linked("weakBaseline") };
  const seq = template.sequenceColumn ?? template.columns.find((c) => c.key === "seq")?.key;
  const title = (template.title ?? t("name.templateTitle", { template: template.name })).replace("{township}", township.name).replace("{year}", String(year));
  const sheetName = template.sheetName ?? template.name.slice(0, 31);
  // No 单位 line unless the template gives its unit (a default 万元 would be wrong for scores or yes/no items); a 合计
  // row only when some column is summed in it (a table of scores has none).
  const unit = template.unit ?? null;
  const totalRow = template.columns.some((c) => c.type === "number" && c.total !== false);
  if (template.coverage === "some") {
    const codeColumn = template.columns.find((c) => c.key === keys.code);
    const nameColumn = template.columns.find((c) => c.key === keys.name);
    return writeTemplateWorkbook({
      title,
      township: township.name,
      unit,
      columns: template.columns,
      // Numbered only when validation knows the 序号 column (a row with nothing else is then blank).
      rows: township.villages.map((_, i) => (template.sequenceColumn ? { [template.sequenceColumn]: i + 1 } : {})),
      sheetName,
      totalRow,
      protect: { lockedKeys: template.sequenceColumn ? [template.sequenceColumn] : [] },
      villageSheet: { headers: [codeColumn?.header ?? t("name.codeHeader"), nameColumn?.header ?? t("name.nameHeader")], villages: township.villages },
      villageNameKey: keys.name,
    });
  }
  // The 序号 and the columns linked to the registry are filled in from it, and locked.
  const rows = township.villages.map((v, i) => {
    const row: Record<string, LayoutValue> = {};
    if (seq) row[seq] = i + 1;
    if (keys.code) row[keys.code] = v.code;
    if (keys.name) row[keys.name] = v.name;
    if (keys.weak) row[keys.weak] = v.weakBaseline;
    return row;
  });
  return writeTemplateWorkbook({
    title,
    township: township.name,
    unit,
    columns: template.columns,
    rows,
    sheetName,
    totalRow,
    protect: { lockedKeys: [seq, keys.code, keys.name, keys.weak].filter((k): k is string => !!k) },
  });
}
