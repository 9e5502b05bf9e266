import { existsSync } from "fs";
import { dirname, join, resolve } from "path";
import { t } from "../../addin/i18n";
import { BUILTIN_TEMPLATE_IDS, builtinTemplate } from "../../addin/templates";
import { DEMO_SAMPLES, DEMO_SUBMISSIONS } from "../context";
import { mergeCommand } from "./merge";

/** Each built-in report's demo submissions: Template 1's in samples/submissions, the others' in samples/<id>. */
function demoFolder(id: string): string {
  return id === "village-economy" ? DEMO_SUBMISSIONS : join(DEMO_SAMPLES, id);
}

/**
 * `npm run demo`: the main job on the bundled demo county, for every built-in report — validate and merge the township
 * files (a few carry realistic faults) into the county workbook, print each township table, and say where each
 * workbook is. Template 1's goes to out/县汇总.xlsx (or --out), the others' beside it as out/县汇总-<id>.xlsx.
 */
export async function demoCommand(opts: { out?: string }): Promise<number> {
  const first = resolve(opts.out ?? join("out", t("name.countySummaryFile")));
  const written: string[] = [];
  let worst = 0;
  for (const id of BUILTIN_TEMPLATE_IDS) {
    const folder = demoFolder(id);
    if (!existsSync(folder)) continue;
    const name = builtinTemplate(id).name;
    const out = id === "village-economy" ? first : join(dirname(first), t("name.countySummaryFileOf", { id }));
    process.stdout.write((written.length ? "\n" : "") + t("cli.demoIntro", { folder, name }) + "\n\n");
    const { exitCode } = await mergeCommand([folder], { out, template: id });
    // Failed and missing townships are the point of the demo, not a failure of it.
    worst = Math.max(worst, exitCode === 1 ? 0 : exitCode);
    if (exitCode !== 3) written.push(t("cli.demoWorkbook", { name, path: out }));
  }
  process.stdout.write("\n" + t("cli.demoDone") + "\n" + written.map((w) => `  ${w}`).join("\n") + "\n");
  return worst;
}
