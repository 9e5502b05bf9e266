import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import { decodeText } from "../addin/io/reading";
import { TARGET_HEADER } from "../addin/i18n";
import {
  BUILTIN_TEMPLATE_IDS,
  builtinTemplate,
  compileTemplate,
  indexRegistry,
  MAX_REGISTRY_VILLAGES,
  loadTemplate,
  parseRegistry,
  parseTargetColumns,
  parseTargets,
  TemplateError,
  type Registry,
  type Targets,
} from "../addin/templates";
import type { Template } from "../addin/templates";
import { t } from "../addin/i18n";
import { UsageError } from "./usage-error";

/** The bundled demo county (示例县), used when no --registry / --targets is given. */
export const DEMO_DIR = join(__dirname, "..", "samples", "demo-county");
export const DEMO_SAMPLES = join(__dirname, "..", "samples");
export const DEMO_SUBMISSIONS = join(DEMO_SAMPLES, "submissions");

function readText(path: string): string {
  if (!existsSync(path)) throw new UsageError(t("cli.fileNotFound", { path }));
  return decodeText(readFileSync(path));
}

export function loadRegistryOption(path?: string): Registry {
  return parseRegistrySource(readRegistrySource(path));
}

/** A registry's text as read from disk (decoded), before it is parsed: what the CLI's worker threads are started with. */
export interface RegistrySource {
  text: string;
  /** The name messages give it. */
  file: string;
  /** The bundled demo county's. */
  demo: boolean;
}

export function readRegistrySource(path?: string): RegistrySource {
  const file = path ? resolve(path) : join(DEMO_DIR, "registry.csv");
  return { text: readText(file), file: path ?? "registry.csv", demo: !path };
}

export function parseRegistrySource(source: RegistrySource): Registry {
  const registry = parseRegistry(source.text, source.file);
  if (source.demo) registry.county = t("name.demoCounty");
  return registry;
}

/**
 * A registry read a township at a time, as files ask for its villages (indexRegistry), when it is well formed; else
 * parsed in full. What a worker thread validates with (the calling thread reports the text's problems). `ascending`:
 * what `xiaobo validate` checks files against on the calling thread, indexed only when every township's codes ascend, so
 * that it stands for the full parse and any problem it would report: asked about one file against a province's 200,000
 * villages, it makes one township's villages, not all of them.
 */
export function indexRegistrySource(source: RegistrySource, ascending = false): Registry {
  const registry = indexRegistry(source.text, source.file, MAX_REGISTRY_VILLAGES, ascending) ?? parseRegistry(source.text, source.file);
  if (source.demo) registry.county = t("name.demoCounty");
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

/**
 * The per-township numbers the template's summary reads (its `target` measures): 年度消薄任务数 as loadTargetsOption
 * reads it (the demo county's when neither --targets nor --registry is given), any other column from --targets.
 */
export function loadTargetsFor(template: Template, registry: Registry, path?: string, registryPath?: string): { targets?: Targets; columns: Record<string, Targets> } {
  const wanted = new Set(compileTemplate(template).summary.measures.flatMap((m) => (m.spec.kind === "target" ? [m.spec.column] : [])));
  const out: { targets?: Targets; columns: Record<string, Targets> } = { columns: {} };
  if (wanted.has(T1_TARGET)) out.targets = loadTargetsOption(registry, path, registryPath);
  if (path && [...wanted].some((c) => c !== T1_TARGET)) out.columns = parseTargetColumns(readText(resolve(path)), path, registry);
  return out;
}
const T1_TARGET = TARGET_HEADER;

/**
 * --template: a built-in id ("village-economy", "party-review", "model-village") or a path to a template JSON file. An unknown id, a file that is
 * not JSON or a template that fails its checks is a usage error listing every problem in Chinese (loadTemplate
 * gets the raw text, so a JSON syntax error is explained too).
 */
export function loadTemplateOption(idOrPath = "village-economy"): Template {
  if (!/[\\/.]/.test(idOrPath)) {
    if (!BUILTIN_TEMPLATE_IDS.includes(idOrPath)) throw new UsageError(t("cli.unknownTemplate", { id: idOrPath, ids: BUILTIN_TEMPLATE_IDS.join(t("app.listSeparator")) }));
    return builtinTemplate(idOrPath);
  }
  const text = readText(resolve(idOrPath));
  try {
    return loadTemplate(text);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new UsageError(t("cli.templateUnusable", { path: idOrPath, problems: e.messages.map((m) => `  - ${m}`).join("\n") }));
  }
}
