import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { decodeText } from "../addin/io";
import { builtinTemplate, loadTemplate, parseRegistry, parseTargets, type Registry, type Targets } from "../addin/templates";
import type { Template } from "../addin/templates";
import { t } from "../addin/i18n";
import { UsageError } from "./usage-error";

/** The bundled demo county (示例县), used when no --registry / --targets is given. */
export const DEMO_DIR = join(__dirname, "..", "samples", "demo-county");
export const DEMO_SUBMISSIONS = join(__dirname, "..", "samples", "submissions");

function readText(path: string): string {
  if (!existsSync(path)) throw new UsageError(t("cli.fileNotFound", { path }));
  return decodeText(readFileSync(path));
}

export function loadRegistryOption(path?: string): Registry {
  const file = path ? resolve(path) : join(DEMO_DIR, "registry.csv");
  const registry = parseRegistry(readText(file), path ?? "registry.csv");
  if (!path) registry.county = "示例县";
  return registry;
}

/**
 * --targets: the given file. The demo county's targets only when neither --targets nor --registry is given:
 * a real registry's townships are not the demo's, so without --targets there are no targets (年度任务数 and
 * 任务完成率 stay blank).
 */
export function loadTargetsOption(registry: Registry, path?: string, registryPath?: string): Targets | undefined {
  if (!path && registryPath) return undefined;
  const file = path ? resolve(path) : join(DEMO_DIR, "targets.csv");
  return parseTargets(readText(file), path ?? "targets.csv", registry);
}

/** --template: a built-in id ("village-economy") or a path to a template JSON file. */
export function loadTemplateOption(idOrPath = "village-economy"): Template {
  if (!/[\\/.]/.test(idOrPath)) {
    const builtin = builtinTemplate(idOrPath);
    if (!builtin) throw new UsageError(t("cli.unknownTemplate", { id: idOrPath }));
    return builtin;
  }
  return loadTemplate(JSON.parse(readText(resolve(idOrPath))));
}
