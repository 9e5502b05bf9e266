/**
 * The demo county's 党建示范村创建评估表 (Template 3, model-village) submissions in samples/model-village, reproducibly
 * (fixed seed, fixed dates): called from scripts/make-samples.ts, or alone with `npx tsx scripts/samples/model-village.ts`.
 *
 * Every registry village is listed. About three in ten villages apply (申报); a candidate meets each of the ten
 * standards with a fixed chance, and is 认定 a model village when it meets all ten. 达标条数 is left blank (XiaoBo
 * computes it) or filled in correctly. Most townships are clean; 金沙镇 has errors (a village 认定 with a standard
 * 未达标, a wrong 达标条数, a candidate's standard left blank) and fails the check; 凤鸣乡 does not submit.
 */
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { writeTemplateWorkbook, type LayoutValue } from "../../addin/io/template-workbook";
import { builtinTemplate, type RegistryTownship } from "../../addin/templates";
import { registry, rng, YEAR } from "../make-samples";

const OUT = join(__dirname, "..", "..", "samples", "model-village");
const STANDARDS = ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10"];
/** What a township writes in 备注 when a candidate misses one standard (by the standard's position). */
const SHORT_OF: Record<number, string> = {
  0: "党组织书记新任，领导核心作用有待进一步体现",
  2: "组织生活会记录不全，正在整改",
  3: "党员设岗定责刚启动，作用发挥待考核",
  7: "党群服务中心正在改扩建，预计年底完工",
  8: "村集体经营性收入未达县定标准",
  9: "人居环境整治验收未通过，正在整改",
};
const ERRORS = "金沙镇";
const MISSING = "凤鸣乡";

type Row = Record<string, LayoutValue>;

/** One township's rows: every registry village, about a third of them candidates. */
function townshipRows(tw: RegistryTownship, seed: number): Row[] {
  const rand = rng(seed);
  return tw.villages.map((v, i) => {
    const row: Row = { seq: i + 1, villageCode: v.code, villageName: v.name, candidate: rand() < 0.3 };
    if (row.candidate) {
      let met = 0;
      const missed: number[] = [];
      STANDARDS.forEach((k, s) => {
        const ok = rand() < 0.9;
        row[k] = ok ? "达标" : "未达标";
        if (ok) met++;
        else missed.push(s);
      });
      row.metCount = rand() < 0.5 ? met : null;
      row.model = met === 10;
      if (missed.length === 1 && SHORT_OF[missed[0]]) row.remarks = SHORT_OF[missed[0]];
    } else {
      row.model = rand() < 0.5 ? false : null;
    }
    return row;
  });
}

/** 金沙镇's faults, each in a village made a candidate for it. */
function plantErrors(rows: Row[]): void {
  const candidate = (i: number, model: boolean) => {
    rows[i].candidate = true;
    for (const k of STANDARDS) rows[i][k] = "达标";
    rows[i].metCount = null;
    rows[i].model = model;
    rows[i].remarks = null;
  };
  // 认定 a model village, but 标准八 is 未达标 (only 9 of 10 met).
  candidate(1, true);
  rows[1].s8 = "未达标";
  // 达标条数 written as 8 where all ten are 达标.
  candidate(4, false);
  rows[4].metCount = 8;
  // A candidate's 标准五 left blank.
  candidate(7, false);
  rows[7].s5 = null;
}

function title(tw: RegistryTownship): string {
  const template = builtinTemplate("model-village");
  return (template.title ?? "").replace("{township}", tw.name).replace("{year}", String(YEAR));
}

/** Writes samples/model-village/<乡镇>.xlsx for every township but 凤鸣乡 (未报送). */
export async function writeModelVillageSamples(): Promise<void> {
  const template = builtinTemplate("model-village");
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  let seed = 30301;
  for (const tw of registry.townships) {
    const rows = townshipRows(tw, seed++);
    if (tw.name === MISSING) continue;
    if (tw.name === ERRORS) plantErrors(rows);
    const bytes = await writeTemplateWorkbook({
      title: title(tw),
      township: tw.name,
      columns: template.columns,
      rows,
      unit: template.unit ?? null,
      sheetName: template.sheetName,
      date: `${YEAR}年12月20日`,
    });
    writeFileSync(join(OUT, `${tw.name}.xlsx`), bytes);
  }
  process.stdout.write(`model-village samples written to ${OUT}\n`);
}

if (require.main === module) void writeModelVillageSamples();
