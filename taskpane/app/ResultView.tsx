/**
 * 汇总's results after a merge: each township's main measure (the one the template ranks by, 消除率 for Template 1),
 * its rank and flag, as a table and as a bar chart in rank order — the figures of 县汇总.xlsx's 乡镇汇总 sheet and its
 * chart (addin/io/summary-chart.ts), without downloading it. Plain SVG: a dozen bars need no chart library. At 320 px
 * the table and the chart stack; from 900 px they stand side by side.
 */
import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { t } from "../../addin/i18n";
import type { ChartData, ChartPoint } from "../../addin/grid";
import type { CountySummary } from "../../addin/merge";
import { resultChart } from "../engine";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalM,
    "@media (min-width: 900px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalXXL, alignItems: "start" },
  },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "left" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  caption: { textAlign: "left", paddingBottom: tokens.spacingVerticalXS },
  // Drawn at the pane's width; in a wide window no larger than half again that, so its labels stay text-sized.
  chart: { width: "100%", maxWidth: "480px", height: "auto", display: "block" },
});

/** Bar colours: the flags' as in the workbook's chart, the rest Office blue. */
const COLOURS = { red: "#FF0000", yellow: "#FFC000", other: "#4472C4" };

/** A figure as the workbook shows it: 0.0% for a rate, two decimals for 万元, whole numbers as such. */
export function formatFigure(v: number, numFmt: string): string {
  if (numFmt === "0.0%") return `${(v * 100).toFixed(1)}%`;
  if (numFmt === "0.00") return v.toFixed(2);
  if (numFmt === "0") return String(Math.round(v));
  return String(Math.round(v * 100) / 100);
}

const flagText = (f: ChartPoint["flag"]) => (f === "red" ? t("merge.flag.red") : f === "yellow" ? t("merge.flag.yellow") : "");

export function ResultView({ summary }: { summary: CountySummary }) {
  const styles = useStyles();
  const [data, setData] = useState<ChartData | undefined>();
  useEffect(() => {
    let live = true;
    setData(undefined);
    void resultChart(summary).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [summary]);
  if (!data) return null;

  // Ranked townships in rank order, then those without a figure or a rank, in the registry's order.
  const shown = new Set(data.points.map((p) => p.row));
  const rest = summary.townships.filter((_, i) => !shown.has(i));
  const flags = data.points.some((p) => p.flag);
  const fmt = (v: unknown) => (typeof v === "number" ? formatFigure(v, data.numFmt) : "—");
  return (
    <section className={styles.root} aria-label={t("chart.paneTableCaption")} data-testid="merge-results">
      <table className={styles.table} data-testid="result-table">
        <caption className={styles.caption}>
          <Text weight="semibold">{t("chart.paneTableCaption")}</Text>
        </caption>
        <thead>
          <tr>
            {data.ranked && <th className={`${styles.cell} ${styles.num}`}>{t("chart.colRank")}</th>}
            <th className={styles.cell}>{t("merge.col.township")}</th>
            <th className={`${styles.cell} ${styles.num}`}>{data.measure}</th>
            {flags && <th className={styles.cell}>{t("chart.colFlag")}</th>}
          </tr>
        </thead>
        <tbody>
          {data.points.map((p) => (
            <tr key={p.row}>
              {data.ranked && <td className={`${styles.cell} ${styles.num}`}>{p.rank}</td>}
              <td className={styles.cell}>{p.name}</td>
              <td className={`${styles.cell} ${styles.num}`}>{fmt(p.value)}</td>
              {flags && (
                <td className={styles.cell}>
                  {p.flag && (
                    <Badge size="small" appearance="filled" color={p.flag === "red" ? "danger" : "warning"}>
                      {flagText(p.flag)}
                    </Badge>
                  )}
                </td>
              )}
            </tr>
          ))}
          {rest.map((tw) => (
            <tr key={tw.code}>
              {data.ranked && <td className={`${styles.cell} ${styles.num}`}>—</td>}
              <td className={styles.cell}>{tw.name}</td>
              <td className={`${styles.cell} ${styles.num}`}>{fmt(tw[data.key])}</td>
              {flags && <td className={styles.cell} />}
            </tr>
          ))}
        </tbody>
      </table>
      <BarChart data={data} />
    </section>
  );
}

/** Horizontal bars, one per township in rank order, labelled with name and figure; flagged bars red/yellow. */
function BarChart({ data }: { data: ChartData }) {
  const styles = useStyles();
  const W = 320;
  const nameW = 64;
  const valueW = 48;
  const barH = 16;
  const gap = 6;
  const top = 4;
  let max = 0;
  for (const p of data.points) max = Math.max(max, p.value);
  const scale = max > 0 ? (W - nameW - valueW) / max : 0;
  const H = top + data.points.length * (barH + gap);
  const caption = t("chart.paneCaption", { measure: data.measure });
  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        <Text weight="semibold">{data.title}</Text>
      </figcaption>
      <svg className={styles.chart} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={caption} data-testid="result-chart">
        {data.points.map((p, i) => {
          const y = top + i * (barH + gap);
          const w = Math.max(0, p.value * scale);
          return (
            <g key={p.row} data-name={p.name} data-flag={p.flag ?? ""}>
              <text x={nameW - 4} y={y + barH - 4} textAnchor="end" fontSize="11">
                {p.name}
              </text>
              <rect x={nameW} y={y} width={w} height={barH} fill={COLOURS[p.flag ?? "other"]}>
                <title>{`${p.name} ${formatFigure(p.value, data.numFmt)}${p.flag ? ` ${flagText(p.flag)}` : ""}`}</title>
              </rect>
              <text x={nameW + w + 4} y={y + barH - 4} fontSize="11">
                {formatFigure(p.value, data.numFmt)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
