import { join, resolve } from "path";
import { t } from "../../addin/i18n";
import { DEMO_SUBMISSIONS } from "../context";
import { mergeCommand } from "./merge";

/**
 * `npm run demo`: the main job on the bundled demo county — validate and merge the township files in
 * samples/submissions (a few carry realistic faults) into out/县汇总.xlsx, and print the township table.
 */
export async function demoCommand(opts: { out?: string }): Promise<number> {
  const out = resolve(opts.out ?? join("out", "县汇总.xlsx"));
  process.stdout.write(t("cli.demoIntro", { folder: DEMO_SUBMISSIONS }) + "\n\n");
  const { exitCode } = await mergeCommand([DEMO_SUBMISSIONS], { out });
  // Failed and missing townships are the point of the demo, not a failure of it.
  return exitCode === 1 ? 0 : exitCode;
}
