/**
 * Generates the demo county's township submissions in samples/submissions from samples/demo-county,
 * reproducibly (fixed seed, fixed dates): `npx tsx scripts/make-samples.ts`.
 *
 * Most townships submit clean .xlsx files; to make the demo realistic, one submits an old-Excel .xls, one a
 * CSV saved by Chinese Excel (GBK), one a file with errors (it fails the check), one a file whose warnings
 * are explained in 备注, and one does not submit at all (未报送).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import * as XLSX from "@e965/xlsx";
import iconv from "iconv-lite";
import { writeTemplateWorkbook, type LayoutValue } from "../addin/io/template-workbook";
import { builtinTemplate, parseRegistry, parseTargets, type RegistryTownship } from "../addin/templates";
import { writeModelVillageSamples } from "./samples/model-village";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "samples", "submissions");
export const YEAR = 2026;
export const template = builtinTemplate("village-economy");
export const registry = parseRegistry(readFileSync(join(ROOT, "samples/demo-county/registry.csv"), "utf8"));
const targets = parseTargets(readFileSync(join(ROOT, "samples/demo-county/targets.csv"), "utf8"), "targets.csv", registry);

/** mulberry32: a tiny seeded PRNG, so the samples are the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ["物业经济", "资源开发", "乡村旅游", "入股分红", "服务创收", "其他"];
export const money = (x: number) => Math.round(x * 100) / 100;

/** Plausible, rule-abiding rows: an eliminated baseline village is 达标 at 30/15; operating + subsidy ≤ total. */
export function villageRows(tw: RegistryTownship, seed: number): Record<string, LayoutValue>[] {
  const rand = rng(seed);
  const target = targets[tw.code] ?? 0;
  let toEliminate = Math.min(tw.villages.filter((v) => v.weakBaseline).length, target + Math.floor(rand() * 2));
  return tw.villages.map((v, i) => {
    let operating: number;
    let eliminated: boolean | null = null;
    if (v.weakBaseline) {
      eliminated = toEliminate-- > 0;
      operating = eliminated ? 16 + rand() * 20 : 4 + rand() * 9;
    } else operating = 18 + rand() * 60;
    const subsidy = 3 + rand() * 12;
    const other = rand() * 8;
    // Eliminated or non-weak villages clear the 30 万元 total; the others stay below it.
    const total = Math.max(operating + subsidy + other, eliminated === false ? 0 : 30.5);
    const row: Record<string, LayoutValue> = {
      seq: i + 1,
      villageCode: v.code,
      villageName: v.name,
      weakBaseline: v.weakBaseline,
      totalIncome: money(eliminated === false ? Math.min(total, 29.5) : total),
      operatingIncome: money(operating),
      subsidyIncome: money(Math.min(subsidy, (eliminated === false ? Math.min(total, 29.5) : total) - operating)),
      eliminated,
      eliminatedYear: eliminated ? YEAR - Math.floor(rand() * 3) : null,
      incomePath: PATHS[Math.floor(rand() * PATHS.length)],
      remarks: null,
    };
    return row;
  });
}

export function title(tw: RegistryTownship): string {
  return (template.title ?? "").replace("{township}", tw.name).replace("{year}", String(YEAR));
}

export async function xlsx(tw: RegistryTownship, rows: Record<string, LayoutValue>[]): Promise<Uint8Array> {
  return writeTemplateWorkbook({ title: title(tw), township: tw.name, columns: template.columns, rows, date: `${YEAR}年12月20日` });
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  let seed = 20261;
  for (const tw of registry.townships) {
    const rows = villageRows(tw, seed++);
    const file = join(OUT, `${tw.name}.xlsx`);
    switch (tw.name) {
      case "凤鸣乡":
        // 未报送: no file at all.
        break;
      case "石桥镇": {
        // Fails the check: operating income above total, a village left out (漏报), a code Excel mangled.
        rows[3].operatingIncome = money((rows[3].totalIncome as number) + 8.5);
        rows.splice(7, 1);
        rows[1].villageCode = "3.39901E+11";
        writeFileSync(file, await xlsx(tw, rows));
        break;
      }
      case "龙泉镇": {
        // A warning, explained: a baseline village 达标 but not yet counted as eliminated, with the reason written
        // in 备注 (so the file passes with one explained warning).
        const weak = rows.map((r) => r.weakBaseline).lastIndexOf(true);
        Object.assign(rows[weak], {
          totalIncome: 31.2,
          operatingIncome: 15.6,
          subsidyIncome: 10,
          eliminated: false,
          eliminatedYear: null,
          remarks: "年底新增厂房租金一次性到账，待县里核定后认定消薄",
        });
        writeFileSync(file, await xlsx(tw, rows));
        break;
      }
      case "北岭乡": {
        // An old-Excel .xls (BIFF8), as WPS and Excel 2003 save it.
        const book = XLSX.read(await xlsx(tw, rows), { type: "array", cellStyles: true, cellNF: true });
        writeFileSync(join(OUT, `${tw.name}.xls`), XLSX.write(book, { type: "buffer", bookType: "biff8" }));
        break;
      }
      case "白云乡": {
        // A CSV saved by Chinese Excel ("CSV (逗号分隔)"): the whole sheet, title rows and 合计 included, in GBK
        // without a BOM.
        const book = XLSX.read(await xlsx(tw, rows), { type: "array" });
        const csv = XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]], { RS: "\r\n" });
        writeFileSync(join(OUT, `${tw.name}.csv`), iconv.encode(csv + "\r\n", "gbk"));
        break;
      }
      default:
        writeFileSync(file, await xlsx(tw, rows));
    }
  }
  process.stdout.write(`samples written to ${OUT}\n`);
  await (await import("./samples/party-review")).writePartyReviewSamples({ registry, rng, year: YEAR });
  await writeModelVillageSamples();
}

// Run as a script (`npm run samples`); imported (scripts/make-fixtures.ts), only the helpers above are used.
if (require.main === module) void main();
