/**
 * The figures the county chart draws: the measure the template's summary ranks by (消除率 for Template 1), township by
 * township in rank order. The 乡镇汇总 table carries them to the workbook writer (addin/io/summary-chart.ts), and the pane
 * draws the same.
 */
import type { ChartData, ChartPoint } from "../grid";
import { t } from "../i18n";
import { compileTemplate } from "../templates";
import { measureHeader } from "./reconcile";
import type { CountySummary } from "./types";

const FORMATS: Record<string, string> = { percent: "0.0%", money: "0.00", decimal: "0.00", integer: "0" };

/**
 * The chart's data: the measure the template's summary ranks by (消除率 for Template 1), else its first shown number
 * measure; the townships that have a figure for it (and a rank, when ranked), in rank order. Undefined with nothing
 * to draw.
 */
export function chartData(summary: CountySummary): ChartData | undefined {
  const cs = compileTemplate(summary.template).summary;
  const m = cs.rank?.measure ?? cs.measures.find((x) => !x.spec.hidden && x.spec.kind !== "goal" && x.format in FORMATS);
  if (!m) return undefined;
  const ranked = !!cs.rank;
  const key = m.spec.key;
  const points: ChartPoint[] = [];
  summary.townships.forEach((tw, i) => {
    const v = tw[key];
    if (typeof v !== "number" || !Number.isFinite(v) || (ranked && tw.rank === null)) return;
    points.push({ row: i, name: tw.name, value: v, rank: tw.rank, flag: tw.flag ?? null });
  });
  points.sort((a, b) => (ranked ? (a.rank ?? 0) - (b.rank ?? 0) : b.value - a.value) || a.row - b.row);
  if (points.length === 0) return undefined;
  const measure = measureHeader(m, summary);
  const flags = points.some((p) => p.flag);
  const titleKey = !ranked ? "chart.titleUnranked" : flags ? "chart.titleFlags" : "chart.title";
  return { title: t(titleKey, { measure }, summary.locale), measure, key, numFmt: FORMATS[m.format] ?? "General", percent: m.format === "percent", ranked, points };
}

