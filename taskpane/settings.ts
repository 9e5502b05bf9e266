/**
 * The pane's settings: which template, which registry (村名册) and targets, and the 达标 thresholds.
 * Kept as JSON in a KeyValueStore (document settings in Excel, localStorage standalone) and resolved
 * into what the engine needs. No Office, no React here.
 */
import type { Registry, StandardMode, Targets, Template } from "../addin/templates";
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

/** The template the pane starts with: Template 1 (村级集体经济发展情况统计表). */
export const DEFAULT_SETTINGS: Readonly<PaneSettings> = Object.freeze({ templateId: "village-economy" });

/** The 达标 settings, each offered only for a template that has the parameter of that name. */
export const THRESHOLD_KEYS = ["totalMin", "operatingMin", "mode"] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

/** The 达标 parameters a template's parameters have (Template 1: all three; most other templates: none). */
export function thresholdsOf(parameters: Readonly<Record<string, unknown>>): ThresholdKey[] {
  return THRESHOLD_KEYS.filter((k) => parameters[k] !== undefined);
}

/** A built-in template as the 设置 view offers it: its id, its name, and the 达标 parameters it has. */
export interface TemplateChoice {
  id: string;
  name: string;
  thresholds: ThresholdKey[];
}

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

/**
 * Settings → template, registry and targets, loaded on demand: resolving needs the template schema (zod) and the
 * rule-expression parser (mathjs), which stay out of the pane's first load (taskpane/config.ts, its own chunk).
 * Rejects with TemplateError / RegistryError (messages in Chinese).
 */
export async function loadConfig(s: PaneSettings): Promise<EngineConfig> {
  const { resolveConfig } = await import("./config");
  return resolveConfig(s);
}

/** The built-in templates (addin/templates' BUILTIN_TEMPLATE_IDS), by name; loaded on demand like loadConfig. */
export async function loadBuiltinTemplates(): Promise<TemplateChoice[]> {
  const { builtinChoices } = await import("./config");
  return builtinChoices();
}
