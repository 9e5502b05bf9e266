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

/**
 * Settings → template, registry and targets, loaded on demand: resolving needs the template schema (zod) and the
 * rule-expression parser (mathjs), which stay out of the pane's first load (taskpane/config.ts, its own chunk).
 * Rejects with TemplateError / RegistryError (messages in Chinese).
 */
export async function loadConfig(s: PaneSettings): Promise<EngineConfig> {
  const { resolveConfig } = await import("./config");
  return resolveConfig(s);
}
