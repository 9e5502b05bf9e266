import { NUMBER_FORMATS, PALETTE, rowCount, rowReader, type CellMark, type SummaryTable } from "../grid";
import { t, type Locale } from "../i18n";
import { displayWidth, WidthMeter } from "./column-widths";
import { BODY_FONT } from "./fonts";
import { chartColumns, chartParts, placeBelow } from "./summary-chart";
import { definedNamesXml, sheetPrint, type SheetPrint } from "./summary-print";
import { MAX_SHARED_STRINGS, SharedStrings } from "./shared-strings";
import { rowsXml, XmlBytes } from "./sheet-rows";
import { escapeXml, textElement } from "./xml-text";
import { ZipWriter, type ZipHost } from "./zip-writer";

/** The fills of marked cells (ARGB), and the header's: addin/grid's palette. */
const FILL = Object.fromEntries(Object.entries(PALETTE).map(([k, rgb]) => [k, `FF${rgb}`])) as Record<CellMark | "header", string>;
const FILL_IDS: Record<CellMark | "header", number> = { header: 2, total: 3, red: 4, yellow: 5, error: 6, warning: 7 };
const FONTS = { normal: 0, bold: 1, title: 2, boldWhite: 3 } as const;
/** Builtin number format ids, and one custom (0.0% has no builtin). */
const NUMFMT_IDS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49, "0.0%": 164 };

interface Style {
  numFmt: number;
  font: number;
  fill: number;
  border: 0 | 1;
  align?: "center" | "title" | "header";
}

/** The cell styles (cellXfs) a workbook uses, numbered as they are first asked for; 0 is the default. */
class Styles {
  private readonly ids = new Map<string, number>([["0|0|0|0|", 0]]);
  private readonly list: Style[] = [{ numFmt: 0, font: 0, fill: 0, border: 0 }];

  id(style: Style): number {
    const key = `${style.numFmt}|${style.font}|${style.fill}|${style.border}|${style.align ?? ""}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(style);
      this.ids.set(key, id);
    }
    return id;
  }

  xml(): string {
    const fill = (argb: string) => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
    const font = (extra: string) => `<font>${extra}<sz val="11"/><name val="${BODY_FONT}"/><family val="3"/><charset val="134"/></font>`;
    const align = (a: Style["align"]) =>
      a === "center" ? `<alignment horizontal="center"/>`
      : a === "title" ? `<alignment horizontal="center" vertical="center"/>`
      : a === "header" ? `<alignment horizontal="center" vertical="center" wrapText="1"/>` : "";
    const xfs = this.list.map((x) => {
      const a = align(x.align);
      return `<xf numFmtId="${x.numFmt}" fontId="${x.font}" fillId="${x.fill}" borderId="${x.border}" xfId="0"` +
        (x.numFmt ? ` applyNumberFormat="1"` : "") + (x.font ? ` applyFont="1"` : "") + (x.fill ? ` applyFill="1"` : "") +
        (x.border ? ` applyBorder="1"` : "") + (a ? ` applyAlignment="1">${a}</xf>` : "/>");
    });
    const thin = `style="thin"><color rgb="FF999999"/>`;
    return XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
      `<fonts count="4">${font("")}${font("<b/>")}${font("<b/>").replace('<sz val="11"/>', '<sz val="14"/>')}${font('<b/><color rgb="FFFFFFFF"/>')}</fonts>` +
      `<fills count="8"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
      (["header", "total", "red", "yellow", "error", "warning"] as const).map((k) => fill(FILL[k])).join("") + `</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
      `<border><left ${thin}</left><right ${thin}</right><top ${thin}</top><bottom ${thin}</bottom><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`;
  }
}

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Bytes of sheet XML per chunk handed to the zip writer (each chunk is compressed on its own). */
const CHUNK_BYTES = 1 << 20;

function colName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A sheet's XML: merged title row, optional merged note row, frozen header row, data rows with their column's number
 * format and border, marks filled, fitted widths. Texts go to the shared strings. The column widths, measured on the
 * rows as they are written, come in the sheet's head, before them: `body` is the rows and what follows, in chunks of
 * bytes, and `head()` what precedes them, asked for once `body` is done (ZipWriter.addHeadLast). The head's texts and
 * styles are numbered first, as when the head was written first: the same tables give the same XML.
 */
function sheetParts(table: SummaryTable, styles: Styles, strings: SharedStrings, print: SheetPrint): { head: () => string; body: Iterable<Uint8Array>; reuse: (chunk: Uint8Array) => void } {
  const n = table.columns.length;
  const headerRow = table.note !== null ? 3 : 2;
  const first = headerRow + 1;
  const cols = Array.from({ length: n }, (_, k) => colName(k));
  const fx = table.freezeColumns;
  const pane = fx > 0
    ? `<pane xSplit="${fx}" ySplit="${headerRow}" topLeftCell="${colName(fx)}${first}" activePane="bottomRight" state="frozen"/>`
    : `<pane ySplit="${headerRow}" topLeftCell="A${first}" activePane="bottomLeft" state="frozen"/>`;
  // A text cell: shared while the table takes it, else inline (t="inlineStr"; never a formula either way).
  const text = (ref: string, style: number, v: string) => {
    const id = strings.id(v);
    return id >= 0 ? `<c r="${ref}" s="${style}" t="s"><v>${id}</v></c>` : `<c r="${ref}" s="${style}" t="inlineStr"><is>${textElement(v)}</is></c>`;
  };

  let rowsAbove = `<row r="1" ht="24" customHeight="1">${text("A1", styles.id({ numFmt: 0, font: FONTS.title, fill: 0, border: 0, align: "title" }), table.title)}</row>`;
  if (table.note !== null) rowsAbove += `<row r="2">${text("A2", 0, table.note)}</row>`;
  const headerStyle = styles.id({ numFmt: 0, font: FONTS.bold, fill: FILL_IDS.header, border: 1, align: "header" });
  const headerCells = table.columns.map((c, k) => text(`${cols[k]}${headerRow}`, headerStyle, c.header)).join("");

  const columnStyle = table.columns.map((c) => ({ numFmt: NUMFMT_IDS[NUMBER_FORMATS[c.format]] ?? 0, font: 0, fill: 0, border: 1 as const }));
  const plain = columnStyle.map((st) => styles.id(st));
  const marked = new Map<number, Map<number, number>>();
  const markStyles = new Map<string, number>();
  for (const m of table.marks) {
    const key = `${m.column}|${m.mark}`;
    let style = markStyles.get(key);
    if (style === undefined) {
      style = styles.id({
        ...columnStyle[m.column],
        fill: FILL_IDS[m.mark],
        font: m.mark === "red" ? FONTS.boldWhite : m.mark === "yellow" || m.mark === "total" ? FONTS.bold : FONTS.normal,
        align: m.mark === "red" || m.mark === "yellow" ? "center" : undefined,
      });
      markStyles.set(key, style);
    }
    const row = marked.get(m.row) ?? new Map<number, number>();
    row.set(m.column, style);
    marked.set(m.row, row);
  }

  const meter = new WidthMeter(table.columns);
  const head = () => {
    const widths = meter.widths();
    // A header wider than its column wraps: give the row the lines it needs (spreadsheets do not re-fit it on opening).
    const lines = table.columns.reduce((most, c, k) => Math.max(most, Math.ceil(displayWidth(c.header) / Math.max(1, widths[k] - 1))), 1);
    return XML_HEAD + `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${print.head}` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15"/><cols>` +
      widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join("") +
      `</cols><sheetData>` + rowsAbove +
      `<row r="${headerRow}"${lines > 1 ? ` ht="${15 * lines}" customHeight="1"` : ""}>` + headerCells + `</row>`;
  };
  const out = new XmlBytes(CHUNK_BYTES + (1 << 16));
  function* body(): Generator<Uint8Array> {
    const sheet = { count: rowCount(table), rowAt: rowReader(table), first, columns: cols, styles: plain, marked, meter };
    yield* rowsXml(sheet, strings, out, CHUNK_BYTES);
    out.text(`</sheetData>${print.filter}<mergeCells count="${table.note !== null ? 2 : 1}"><mergeCell ref="A1:${cols[n - 1]}1"/>` +
      (table.note !== null ? `<mergeCell ref="A2:${cols[n - 1]}2"/>` : "") + `</mergeCells>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${print.tail}</worksheet>`);
    yield out.take();
  }
  return { head, body: body(), reuse: (chunk) => out.reuse(chunk) };
}

export interface WriteOptions {
  locale?: Locale;
  /** Most distinct texts in the shared-strings table; texts past it are written inline (tests lower it). */
  maxSharedStrings?: number;
}

/**
 * Writes the summary's tables as an .xlsx package through the zip writer: every sheet set up for printing, the
 * first (乡镇汇总) with the chart its table carries (addin/io/summary-chart.ts, addin/io/summary-print.ts).
 */
async function writeTables(zip: ZipWriter, tables: readonly SummaryTable[], creator: string, options: WriteOptions): Promise<void> {
  const { locale } = options;
  const styles = new Styles();
  const strings = new SharedStrings(options.maxSharedStrings ?? MAX_SHARED_STRINGS);
  const chart = tables[0]?.chart;
  const columns = chart ? chartColumns(chart, tables[0]) : undefined;
  const charted = chart && columns ? chartParts(chart, placeBelow(tables[0], columns, locale), 1) : undefined;
  for (let i = 0; i < tables.length; i++) {
    const sheet = sheetParts(tables[i], styles, strings, sheetPrint(tables[i], { drawing: i === 0 && !!charted, locale }));
    await zip.addHeadLast(`xl/worksheets/sheet${i + 1}.xml`, sheet.body, sheet.head, sheet.reuse);
  }
  for (const [name, xml] of charted?.entries ?? []) await zip.add(name, [xml]);
  await zip.add("xl/sharedStrings.xml", strings.xml(XML_HEAD, NS_MAIN, textElement));
  await zip.add("xl/styles.xml", [styles.xml()]);
  await zip.add("xl/workbook.xml", [
    XML_HEAD + `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
      tables.map((tb, i) => `<sheet name="${escapeXml(tb.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets>${definedNamesXml(tables)}</workbook>`,
  ]);
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  await zip.add("xl/_rels/workbook.xml.rels", [
    XML_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      tables.map((_, i) => rel(`rId${i + 1}`, T + "worksheet", `worksheets/sheet${i + 1}.xml`)).join("") +
      rel(`rId${tables.length + 1}`, T + "styles", "styles.xml") + rel(`rId${tables.length + 2}`, T + "sharedStrings", "sharedStrings.xml") +
      `</Relationships>`,
  ]);
  await zip.add("_rels/.rels", [
    XML_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      rel("rId1", T + "officeDocument", "xl/workbook.xml") +
      rel("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml") +
      `</Relationships>`,
  ]);
  await zip.add("docProps/core.xml", [
    XML_HEAD + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${escapeXml(creator)}</dc:creator></cp:coreProperties>`,
  ]);
  const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  await zip.add("[Content_Types].xml", [
    XML_HEAD + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
      tables.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`).join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` + (charted?.contentTypes ?? "") +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `</Types>`,
  ]);
  await zip.finish();
}

/**
 * The county summary workbook: 乡镇汇总 (per township + 全县合计, ranks, red/yellow flags), 村级明细, 报送情况,
 * 审核问题, 未汇总行 — the tables addin/merge's summaryTables() lays out, styled — as bytes. Works in a browser bundle (compressed with
 * CompressionStream where there is one) and in Node.
 */
export async function writeSummaryWorkbook(tables: readonly SummaryTable[], locale?: Locale, options: Omit<WriteOptions, "locale"> = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const zip = new ZipWriter({
    deflateWhole: typeof CompressionStream === "function" ? deflateWithStream : undefined,
    write: (b) => {
      parts.push(b);
      size += b.length;
    },
  });
  await writeTables(zip, tables, t("app.name", {}, locale), { ...options, locale });
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function deflateWithStream(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The same workbook streamed through a host's zip writer (Node: addin/io/node.ts writeSummaryFile, which compresses
 * chunks on zlib's threads and writes them to the file as they come): memory stays flat however large the county is.
 */
export async function streamSummaryWorkbook(tables: readonly SummaryTable[], host: ZipHost, locale?: Locale, options: Omit<WriteOptions, "locale"> = {}): Promise<void> {
  await writeTables(new ZipWriter(host), tables, t("app.name", {}, locale), { ...options, locale });
}
