/**
 * The pane's settings: which template, which registry (村名册) and targets, and the 达标 thresholds.
 * Kept as JSON in a KeyValueStore (document settings in Excel, localStorage standalone) and resolved
 * into what the engine needs. No Office, no React here.
 */
import {
  builtinTemplate,
  loadTemplate,
  parseRegistry,
  parseTargets,
  type Registry,
  type StandardMode,
  type Targets,
  type Template,
} from "../addin/templates";
import { DEMO_COUNTY, DEMO_REGISTRY_CSV, DEMO_TARGETS_CSV } from "./demo-county";
import { getJson, setJson, type KeyValueStore } from "./storage";

export const SETTINGS_KEY = "settings";

export interface PaneSettings {
  /** A built-in template id, or "custom" with `templateJson`. */
  templateId: string;
  templateJson?: string;
  templateFile?: string;
  /** The county's own registry and targets CSV text; absent = the demo county 示例县. */
  registryCsv?: string;
  registryFile?: string;
  targetsCsv?: string;
  targetsFile?: string;
  /** 达标 thresholds (万元) and mode; absent = the template's own. */
  totalMin?: number;
  operatingMin?: number;
  mode?: StandardMode;
}

export const DEFAULT_SETTINGS: Readonly<PaneSettings> = Object.freeze({ templateId: "village-economy" });

export function loadSettings(store: KeyValueStore): PaneSettings {
  const s = getJson<Partial<PaneSettings>>(store, SETTINGS_KEY, {});
  return { ...DEFAULT_SETTINGS, ...(s && typeof s === "object" ? s : {}) };
}

export function saveSettings(store: KeyValueStore, settings: PaneSettings): Promise<void> {
  return setJson(store, SETTINGS_KEY, settings);
}

export interface EngineConfig {
  template: Template;
  registry: Registry;
  targets: Targets;
  /** True when the registry is the bundled demo county. */
  demo: boolean;
}

/** Settings → template, registry and targets. Throws TemplateError / RegistryError (messages in Chinese). */
export function resolveConfig(s: PaneSettings): EngineConfig {
  const base = s.templateId === "custom" && s.templateJson ? loadTemplate(JSON.parse(s.templateJson)) : builtinTemplate(s.templateId);
  const template = withThresholds(base, s);
  const demo = !s.registryCsv;
  const registry = parseRegistry(s.registryCsv ?? DEMO_REGISTRY_CSV, s.registryFile ?? "registry.csv");
  if (demo) registry.county = DEMO_COUNTY;
  const targetsText = s.targetsCsv ?? (demo ? DEMO_TARGETS_CSV : undefined);
  const targets = targetsText ? parseTargets(targetsText, s.targetsFile ?? "targets.csv", registry) : {};
  return { template, registry, targets, demo };
}

/** The template with the user's 达标 thresholds (a copy; the built-in stays as shipped). */
export function withThresholds(template: Template, s: PaneSettings): Template {
  if (s.totalMin === undefined && s.operatingMin === undefined && s.mode === undefined) return template;
  const parameters = { ...template.parameters };
  if (s.totalMin !== undefined) parameters.totalMin = s.totalMin;
  if (s.operatingMin !== undefined) parameters.operatingMin = s.operatingMin;
  if (s.mode !== undefined) parameters.mode = s.mode;
  return { ...template, parameters };
}
