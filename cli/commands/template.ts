import { mkdirSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { t } from "../../addin/i18n";
import { templateToJson } from "../../addin/templates";
import { TEMPLATE_SCHEMA_FILE, templateJsonSchemaText } from "../../addin/templates/json-schema";
import { loadRegistryOption, loadTemplateOption } from "../context";
import { UsageError } from "../usage-error";

export interface TemplateOptions {
  township?: string;
  template?: string;
  registry?: string;
  year?: number;
  out?: string;
  /** --export [id|path]: true when given without a value (then --template, or village-economy). */
  export?: string | boolean;
}

/**
 * `xiaobo template --township 东湖镇`: the blank Template 1 workbook the county sends to a township.
 * `xiaobo template --export [village-economy] [--out file.json]`: the template as JSON, for a county to edit and
 * load back with --template file.json. It starts with "$schema": "./template.schema.json", and that file (the JSON
 * Schema of the format, docs/template.schema.json) is written beside it, so an editor such as VS Code checks the
 * template and explains each field while the county edits it, wherever the folder is moved (no network, no path
 * into XiaoBo's installation).
 */
export async function templateCommand(opts: TemplateOptions): Promise<number> {
  if (opts.export !== undefined && opts.export !== false) return exportTemplate(typeof opts.export === "string" ? opts.export : opts.template, opts.out);
  if (!opts.township) throw new UsageError(t("cli.townshipRequired"));
  const template = loadTemplateOption(opts.template);
  const registry = loadRegistryOption(opts.registry);
  const wanted = opts.township.trim();
  const township = registry.townships.find((tw) => tw.name === wanted || tw.code === wanted);
  if (!township) {
    throw new UsageError(
      t("cli.unknownTownshipOption", { township: wanted, known: registry.townships.map((tw) => tw.name).join(t("app.listSeparator")) }),
    );
  }
  const year = opts.year ?? new Date().getFullYear();
  // ExcelJS loads only when a template is written, not with every command (tsx's CommonJS hook serves require, not import()).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { blankTemplateWorkbook } = require("../../addin/io") as typeof import("../../addin/io");
  const bytes = await blankTemplateWorkbook(template, township, year);
  const out = resolve(opts.out ?? t("name.templateFile", { township: township.name, template: template.name, year }));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  const written = template.coverage === "some" ? "cli.templateWrittenSome" : "cli.templateWritten";
  process.stdout.write(t(written, { township: township.name, count: township.villages.length, path: out }) + "\n");
  return 0;
}

function exportTemplate(idOrPath: string | undefined, outOption: string | undefined): number {
  const template = loadTemplateOption(idOrPath);
  const out = resolve(outOption ?? `${template.id}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify({ $schema: `./${TEMPLATE_SCHEMA_FILE}`, ...JSON.parse(templateToJson(template)) }, null, 2);
  writeFileSync(out, json + "\n", "utf8");
  writeFileSync(join(dirname(out), TEMPLATE_SCHEMA_FILE), templateJsonSchemaText(), "utf8");
  process.stdout.write(t("cli.templateExported", { name: template.name, id: template.id, path: out, schema: TEMPLATE_SCHEMA_FILE }) + "\n");
  return 0;
}
