import { mkdirSync, writeFileSync } from "fs";
import { dirname, resolve } from "path";
import { t } from "../../addin/i18n";
import { blankTemplateWorkbook } from "../../addin/io";
import { loadRegistryOption, loadTemplateOption } from "../context";
import { UsageError } from "../usage-error";

export interface TemplateOptions {
  township: string;
  template?: string;
  registry?: string;
  year?: number;
  out?: string;
}

/** `xiaobo template --township 东湖镇`: the blank Template 1 workbook the county sends to a township. */
export async function templateCommand(opts: TemplateOptions): Promise<number> {
  const template = loadTemplateOption(opts.template);
  const registry = loadRegistryOption(opts.registry);
  const wanted = opts.township.trim();
  const township = registry.townships.find((tw) => tw.name === wanted || tw.code === wanted);
  if (!township) {
    throw new UsageError(
      t("cli.unknownTownshipOption", { township: wanted, known: registry.townships.map((tw) => tw.name).join("、") }),
    );
  }
  const year = opts.year ?? new Date().getFullYear();
  const bytes = await blankTemplateWorkbook(template, township, year);
  const out = resolve(opts.out ?? `${township.name}${template.name}（${year}年度）.xlsx`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  process.stdout.write(t("cli.templateWritten", { township: township.name, count: township.villages.length, path: out }) + "\n");
  return 0;
}
