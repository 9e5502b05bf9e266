/**
 * The county workbook's chart: the townships' main measure — the measure the template's summary ranks by (消除率 for
 * Template 1) — as columns in rank order, red and yellow for 红旗/黄旗, on the 乡镇汇总 sheet below its table.
 * addin/merge's chartData picks the figures and the 乡镇汇总 table carries them (the pane and the sheets it writes into
 * Excel draw the same data); chartParts writes the
 * DrawingML the zip writer packs (xl/drawings/drawing1.xml, xl/charts/chart1.xml and their relationships).
 * The series refers to the sheet's own cells, so the chart follows an edited figure; its cached values let every
 * reader draw it without recalculating (a county too large for Excel's reference length gets the figures as literals).
 */
import { rowCount, type ChartData, type SummaryTable } from "../grid";
import { BODY_FONT } from "./fonts";
import { t } from "../i18n";
import type { Locale } from "../i18n";

/** The 乡镇汇总 table's columns the chart reads: 乡镇 and the measure (found by its header). */
export function chartColumns(data: ChartData, table: SummaryTable): { nameColumn: number; valueColumn: number } | undefined {
  const valueColumn = table.columns.findIndex((c) => c.header === data.measure);
  return table.key === "townships" && valueColumn >= 0 ? { nameColumn: 1, valueColumn } : undefined;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
/** Bar colours: the flags' as in the sheet's flag cells, the rest Office blue. */
const COLOURS = { red: "FF0000", yellow: "FFC000", other: "4472C4" };

function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The points' cells of one column, in rank order: one cell or a union of cells, e.g. ('乡镇汇总'!$B$4,'乡镇汇总'!$B$9). */
function cellsRef(sheet: string, column: number, rows: number[]): string {
  const name = `'${sheet.replace(/'/g, "''")}'`;
  const refs = rows.map((r) => `${name}!$${colName(column)}$${r}`);
  return refs.length === 1 ? refs[0] : `(${refs.join(",")})`;
}

/**
 * Excel takes a series reference of at most 255 characters: a union of a dozen cells fits, a county of 20 or more
 * townships does not. Then the series carries its figures as literals (in the same rank order, not linked to cells).
 */
export const MAX_REF_LENGTH = 255;

function seriesData(place: ChartPlacement, rows: number[], names: string, values: string): string {
  const cat = cellsRef(place.sheet, place.nameColumn, rows);
  const val = cellsRef(place.sheet, place.valueColumn, rows);
  if (cat.length > MAX_REF_LENGTH || val.length > MAX_REF_LENGTH) {
    return `<c:cat><c:strLit>${names}</c:strLit></c:cat><c:val><c:numLit>${values}</c:numLit></c:val>`;
  }
  return `<c:cat><c:strRef><c:f>${esc(cat)}</c:f><c:strCache>${names}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(val)}</c:f><c:numCache>${values}</c:numCache></c:numRef></c:val>`;
}

const rich = (text: string, size: number, bold: boolean) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
  `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
const title = (text: string, size: number, bold: boolean) => `<c:title>${rich(text, size, bold)}<c:overlay val="0"/></c:title>`;
const fill = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;

export interface ChartPlacement {
  /** The sheet the data is on, and its columns of township names and of the measure. */
  sheet: string;
  nameColumn: number;
  valueColumn: number;
  /** Sheet row number (1-based) of the table's first data row. */
  firstRow: number;
  /** Where the chart goes: the 0-based row and column of its top-left cell, and its size in columns and rows. */
  at: { row: number; col: number; cols: number; rows: number };
  locale?: Locale;
}

/** xl/charts/chart1.xml: one column series, in rank order, the flagged bars coloured, values labelled. */
export function chartXml(data: ChartData, place: ChartPlacement): string {
  const rows = data.points.map((p) => place.firstRow + p.row);
  const n = data.points.length;
  const labels = data.points.map((p, i) => `<c:pt idx="${i}"><c:v>${esc(p.name)}</c:v></c:pt>`).join("");
  const values = data.points.map((p, i) => `<c:pt idx="${i}"><c:v>${p.value}</c:v></c:pt>`).join("");
  const points = data.points
    .map((p, i) => (p.flag ? `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(COLOURS[p.flag])}</c:dPt>` : ""))
    .join("");
  const fmt = esc(data.numFmt === "General" ? "General" : data.numFmt);
  const axisFmt = data.percent ? "0%" : fmt;
  return XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>` +
    title(data.title, 1400, true) + `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(data.measure)}</c:v></c:tx>${fill(COLOURS.other)}<c:invertIfNegative val="0"/>${points}` +
    `<c:dLbls><c:numFmt formatCode="${fmt}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    seriesData(place, rows, `<c:ptCount val="${n}"/>${labels}`, `<c:formatCode>${fmt}</c:formatCode><c:ptCount val="${n}"/>${values}`) +
    `</c:ser><c:gapWidth val="60"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    title(t("chart.axisTownship", {}, place.locale), 1000, false) +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/>${data.points.every((p) => p.value >= 0) ? `<c:min val="0"/>` : ""}</c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    title(data.measure, 1000, false) +
    `<c:numFmt formatCode="${axisFmt}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="${BODY_FONT}"/><a:ea typeface="${BODY_FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `</c:chartSpace>`;
}

/** xl/drawings/drawing1.xml: the chart anchored to cells. */
export function drawingXml(place: ChartPlacement, name: string): string {
  const cell = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const { row, col, cols, rows } = place.at;
  return XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell">` +
    cell("from", col, row) + cell("to", col + cols, row + rows) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
const rels = (type: string, target: string) =>
  XML_HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}${type}" Target="${target}"/></Relationships>`;

/** Every part of the chart for sheet number `sheet` (1-based), as zip entries, and the content types they need. */
export function chartParts(data: ChartData, place: ChartPlacement, sheet: number): { entries: [string, string][]; contentTypes: string } {
  return {
    entries: [
      [`xl/worksheets/_rels/sheet${sheet}.xml.rels`, rels("drawing", "../drawings/drawing1.xml")],
      ["xl/drawings/drawing1.xml", drawingXml(place, data.title)],
      ["xl/drawings/_rels/drawing1.xml.rels", rels("chart", "../charts/chart1.xml")],
      ["xl/charts/chart1.xml", chartXml(data, place)],
    ],
    contentTypes:
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
  };
}

/** The chart's place on the 乡镇汇总 sheet: one blank row below the table (total row included), as wide as its figures (not 说明), 22 rows high. */
export function placeBelow(table: SummaryTable, columns: { nameColumn: number; valueColumn: number }, locale?: Locale): ChartPlacement {
  const headerRow = table.note !== null ? 3 : 2;
  const lastRow = headerRow + rowCount(table); // 1-based number of the last row
  return { sheet: table.name, ...columns, firstRow: headerRow + 1, at: { row: lastRow + 1, col: 0, cols: Math.max(8, Math.min(table.columns.length - 1, 20)), rows: 22 }, locale };
}
