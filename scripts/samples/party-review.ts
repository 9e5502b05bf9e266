/**
 * Template 2 (party-review, 村党组织书记抓基层党建述职评议考核评分表) demo submissions of the demo county, written to
 * samples/party-review/<乡镇>.xlsx reproducibly (a seeded PRNG, fixed dates) by scripts/make-samples.ts.
 *
 * Most townships are clean, with the computed columns (实绩得分, 测评得分, 综合得分, 等次) left blank in some rows, filled
 * (correctly) in others and partly filled in a few, as townships do; 石桥镇 sends a file with errors (an item above its
 * maximum, a 综合得分 that disagrees with its parts, more votes than 参评人数); 凤鸣乡 sends nothing.
 *
 * The row generator and the scores are shared with the test fixtures (scripts/fixtures/party-review.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { writeTemplateWorkbook, type LayoutValue } from "../../addin/io/template-workbook";
import { builtinTemplate, type Registry, type RegistryTownship } from "../../addin/templates";

export type Row = Record<string, LayoutValue>;
export type Rand = () => number;

export const partyReview = builtinTemplate("party-review");
const P = partyReview.parameters as Record<string, number | number[] | string[]>;
/** The item maxima, from the template's parameters item1Max … item5Max. */
export const ITEM_MAXIMA = [P.item1Max, P.item2Max, P.item3Max, P.item4Max, P.item5Max] as number[];
const ITEMS = ["item1", "item2", "item3", "item4", "item5"];

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑叶蒋潘钟".split("");
const GIVEN = ["建国", "卫东", "国平", "海燕", "秀英", "志强", "晓明", "丽华", "春生", "德福", "玉兰", "永刚", "红梅", "金山", "学军", "桂芳", "伟", "军", "芳", "勇", "斌", "敏"];

const half = (x: number) => Math.round(x * 2) / 2;
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The computed columns as a clerk fills them in: 实绩得分 = Σ items + min(加分, 5) − 扣分; 测评得分 = (好×100 + 较好×80 +
 * 一般×60) ÷ 总票数, to 2 decimals; 综合得分 = 实绩 × 0.7 + 测评 × 0.3, to 2 decimals; 等次 ≥90 好, ≥80 较好, ≥60 一般.
 */
export function scoresOf(row: Row): { performanceScore: number; voteScore: number; totalScore: number; grade: string } {
  const n = (k: string) => (typeof row[k] === "number" ? (row[k] as number) : 0);
  const performanceScore = round2(ITEMS.reduce((s, k) => s + n(k), 0) + Math.min(n("bonus"), P.bonusCap as number) - n("deduction"));
  const points = P.votePoints as number[];
  const votes = [n("good"), n("fairlyGood"), n("average"), n("poor")];
  const voteScore = round2(votes.reduce((s, v, i) => s + v * points[i], 0) / votes.reduce((s, v) => s + v, 0));
  const weights = P.scoreWeights as number[];
  const totalScore = round2(performanceScore * weights[0] + voteScore * weights[1]);
  const thresholds = P.gradeThresholds as number[];
  const labels = P.gradeLabels as string[];
  const i = thresholds.findIndex((t) => totalScore >= t);
  return { performanceScore, voteScore, totalScore, grade: labels[i < 0 ? thresholds.length : i] };
}

/**
 * Plausible rows for a township's branches: items in half points within their maxima, a bonus now and then (sometimes
 * above the cap, which only counts up to it), a deduction now and then, votes that add up to at most 参评人数 (left
 * blank in some rows). The computed columns are left blank, filled or partly filled at random.
 */
export function partyReviewRows(tw: RegistryTownship, rand: Rand): Row[] {
  return tw.villages.map((v, i) => {
    const quality = 0.55 + 0.4 * Math.sqrt(rand());
    const row: Row = {
      seq: i + 1,
      villageCode: v.code,
      villageName: v.name,
      secretary: SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)],
      mode: rand() < 0.8 ? "大会述职" : "书面述职",
    };
    ITEMS.forEach((k, j) => (row[k] = Math.min(ITEM_MAXIMA[j], half(ITEM_MAXIMA[j] * (quality + (rand() - 0.5) * 0.15)))));
    row.bonus = rand() < 0.3 ? half(0.5 + rand() * 6) : null;
    row.deduction = rand() < 0.2 ? half(0.5 + rand() * 3) : null;
    const voters = 25 + Math.floor(rand() * 20);
    const present = voters - Math.floor(rand() * 3);
    const good = Math.round(present * Math.min(0.95, Math.max(0.05, quality * 1.3 - 0.4)));
    const fairlyGood = Math.round((present - good) * (0.4 + rand() * 0.4));
    const poor = quality < 0.7 ? Math.floor(rand() * 4) : 0;
    const average = Math.max(0, present - good - fairlyGood - poor);
    Object.assign(row, { good, fairlyGood, average, poor, voters: rand() < 0.85 ? voters : null, remarks: null });
    const s = scoresOf(row);
    const fill = rand();
    if (fill < 0.4) Object.assign(row, s);
    else if (fill < 0.55) Object.assign(row, { performanceScore: s.performanceScore, voteScore: s.voteScore });
    else if (fill < 0.65) row.grade = s.grade;
    return row;
  });
}

export function partyReviewTitle(tw: RegistryTownship, year: number): string {
  return (partyReview.title ?? "").replace("{township}", tw.name).replace("{year}", String(year));
}

/** A township's file as the template lays it out (no 合计 row: scores are not added up). */
export function partyReviewWorkbook(tw: RegistryTownship, rows: readonly Row[], year: number): Promise<Uint8Array> {
  return writeTemplateWorkbook({
    title: partyReviewTitle(tw, year),
    township: tw.name,
    unit: partyReview.unit,
    columns: partyReview.columns,
    rows,
    sheetName: partyReview.sheetName,
    date: `${year}年12月25日`,
    totalRow: false,
  });
}

/** Writes samples/party-review/: one file per township but 凤鸣乡 (未报送); 石桥镇's has errors. */
export async function writePartyReviewSamples(opts: { registry: Registry; rng: (seed: number) => Rand; year: number }): Promise<void> {
  const out = join(__dirname, "..", "..", "samples", "party-review");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let seed = 52026;
  for (const tw of opts.registry.townships) {
    const rows = partyReviewRows(tw, opts.rng(seed++));
    if (tw.name === "凤鸣乡") continue;
    if (tw.name === "石桥镇") {
      // 集体经济 above its maximum (25), a 综合得分 three points off, and more votes than 参评人数.
      rows[2].item4 = 27;
      const s = scoresOf(rows[5]);
      Object.assign(rows[5], s, { totalScore: round2(s.totalScore + 3) });
      rows[8].voters = (rows[8].good as number) + (rows[8].fairlyGood as number) + (rows[8].average as number) + (rows[8].poor as number) - 2;
    }
    writeFileSync(join(out, `${tw.name}.xlsx`), await partyReviewWorkbook(tw, rows, opts.year));
  }
  process.stdout.write(`party-review samples written to ${out}\n`);
}
