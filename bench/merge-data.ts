/**
 * Synthetic county for the merge benchmark: N townships × V villages (default 1,000 × 200, as in
 * docs/architecture.md's performance targets), written once as real Template 1 .xlsx files by XiaoBo's own template
 * writer and cached in .bench-cache/<N>x<V>/xiaobo/ (delete it to regenerate). bench/corpus.ts makes the other
 * producers' files from these.
 */
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { writeTemplateWorkbook, type LayoutValue } from "../addin/io/template-workbook";
import { builtinTemplate } from "../addin/templates";

export interface BenchData {
  dir: string;
  files: string[];
  registry: string;
  targets: string;
}

export async function benchData(townships: number, villages: number, log: (s: string) => void): Promise<BenchData> {
  const root = join(__dirname, "..", ".bench-cache", `${townships}x${villages}`, "xiaobo");
  const dir = join(root, "files");
  const registry = join(root, "registry.csv");
  const targets = join(root, "targets.csv");
  const files = Array.from({ length: townships }, (_, i) => join(dir, `乡镇${String(i + 1).padStart(4, "0")}.xlsx`));
  const done = join(root, ".complete");
  if (existsSync(done)) return { dir, files, registry, targets };

  mkdirSync(dir, { recursive: true });
  const template = builtinTemplate("village-economy");
  const reg = ["乡镇代码,乡镇名称,村代码,村名称,薄弱村基数"];
  const tgt = ["乡镇代码,乡镇名称,年度消薄任务数"];
  const started = Date.now();
  for (let i = 0; i < townships; i++) {
    const code = String(330000000 + i * 7);
    const name = `乡镇${String(i + 1).padStart(4, "0")}`;
    const rows: Record<string, LayoutValue>[] = [];
    for (let j = 0; j < villages; j++) {
      const vcode = code + String(200 + j).padStart(3, "0");
      const weak = (i + j) % 7 === 0;
      const eliminated = weak ? j % 2 === 0 : null;
      const operating = weak && !eliminated ? 8 + (j % 5) : 16 + ((i * 31 + j * 17) % 40);
      const subsidy = 5 + (j % 4);
      const total = weak && !eliminated ? 20 + (j % 6) : Math.max(operating + subsidy + 2, 31);
      reg.push(`${code},${name},${vcode},村${j + 1},${weak ? "是" : "否"}`);
      rows.push({
        seq: j + 1, villageCode: vcode, villageName: `村${j + 1}`, weakBaseline: weak,
        totalIncome: total, operatingIncome: operating, subsidyIncome: subsidy,
        eliminated, eliminatedYear: eliminated ? 2025 : null, incomePath: "物业经济", remarks: null,
      });
    }
    tgt.push(`${code},${name},${Math.ceil(villages / 20)}`);
    const title = (template.title ?? "").replace("{township}", name).replace("{year}", "2026");
    writeFileSync(files[i], await writeTemplateWorkbook({ title, township: name, columns: template.columns, rows }));
    if ((i + 1) % 100 === 0) log(`  generated ${i + 1}/${townships} files (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  writeFileSync(registry, reg.join("\n") + "\n");
  writeFileSync(targets, tgt.join("\n") + "\n");
  writeFileSync(done, "");
  return { dir, files, registry, targets };
}

/**
 * What the summary benches share: the corpus size and run count (XIAOBO_BENCH_TOWNSHIPS, _VILLAGES, _RUNS), the baseline
 * checkout (XIAOBO_BASELINE), and the corpus with its file list written where their child processes read it.
 */
export async function summaryBenchSetup(log: (s: string) => void) {
  const townships = Number(process.env.XIAOBO_BENCH_TOWNSHIPS ?? 1000);
  const villages = Number(process.env.XIAOBO_BENCH_VILLAGES ?? 200);
  const runs = Number(process.env.XIAOBO_BENCH_RUNS ?? 3);
  const baseline = process.env.XIAOBO_BASELINE;
  const data = await benchData(townships, villages, log);
  const root = join(data.dir, "..");
  writeFileSync(join(root, "list.txt"), data.files.join("\n"));
  return { townships, villages, runs, baseline, root };
}
