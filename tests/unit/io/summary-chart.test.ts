/**
 * addin/io/summary-chart.ts's series: a union of the table's cells in rank order while Excel's 255-character limit on a
 * series reference allows (a dozen townships), else the same figures as literals; either way the points are the given
 * ones, in the given order, and flagged bars carry their colour.
 */
import fc from "fast-check";
import type { ChartData } from "../../../addin/grid";
import { chartXml, MAX_REF_LENGTH, type ChartPlacement } from "../../../addin/io/summary-chart";

const place: ChartPlacement = { sheet: "乡镇汇总", nameColumn: 1, valueColumn: 7, firstRow: 4, at: { row: 20, col: 0, cols: 12, rows: 22 } };

function data(values: number[], flags: ("red" | "yellow" | null)[] = []): ChartData {
  return {
    title: "各乡镇消除率（按排名）",
    measure: "消除率",
    key: "eliminationRate",
    numFmt: "0.0%",
    percent: true,
    ranked: true,
    points: values.map((v, i) => ({ row: (i * 7) % values.length, name: `乡镇${i + 1}`, value: v, rank: i + 1, flag: flags[i] ?? null })),
  };
}

const pts = (xml: string, tag: string) => {
  const part = xml.slice(xml.indexOf(`<c:${tag}>`), xml.indexOf(`</c:${tag}>`));
  return [...part.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => [Number(m[1]), m[2]]);
};

test("12 townships: the series refers to their cells, in rank order, with the figures cached", () => {
  const d = data([0.8, 0.75, 0.667, 0.5, 0.5, 0.4, 0.3, 0.3, 0.2, 0.1, 0.1, 0], ["red", "red", null, null, null, null, null, null, null, "yellow", "yellow", "yellow"]);
  const xml = chartXml(d, place);
  const f = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
  expect(f).toHaveLength(2);
  expect(f[0]).toBe(`(${d.points.map((p) => `'乡镇汇总'!$B$${4 + p.row}`).join(",")})`);
  expect(f[1]).toBe(`(${d.points.map((p) => `'乡镇汇总'!$H$${4 + p.row}`).join(",")})`);
  expect(f.every((x) => x.length <= MAX_REF_LENGTH)).toBe(true);
  expect(pts(xml, "cat").map(([, v]) => v)).toEqual(d.points.map((p) => p.name));
  expect(pts(xml, "val").map(([, v]) => Number(v))).toEqual(d.points.map((p) => p.value));
  expect([...xml.matchAll(/<c:dPt><c:idx val="(\d+)"\/>.*?srgbClr val="(\w+)"/g)].map((m) => [Number(m[1]), m[2]])).toEqual([[0, "FF0000"], [1, "FF0000"], [9, "FFC000"], [10, "FFC000"], [11, "FFC000"]]);
});

test("any county: references only within Excel's limit, else literals; the points always as given, in order", () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }), (values) => {
      const d = data(values);
      const xml = chartXml(d, place);
      const refs = [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
      if (refs.length) expect(refs.every((r) => r.length <= MAX_REF_LENGTH)).toBe(true);
      else expect(xml).toMatch(/<c:cat><c:strLit><c:ptCount val="\d+"\/>.*<\/c:strLit><\/c:cat><c:val><c:numLit><c:formatCode>0\.0%<\/c:formatCode>/);
      expect(values.length > 15).toBe(refs.length === 0); // '乡镇汇总'!$B$n is 14 or 15 characters: 15 fit, 16 do not
      expect(pts(xml, "cat")).toEqual(d.points.map((p, i) => [i, p.name]));
      expect(pts(xml, "val")).toEqual(d.points.map((p, i) => [i, String(p.value)]));
    }),
    { numRuns: 60 },
  );
});
