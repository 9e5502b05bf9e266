/**
 * Resolving the pane's settings into what the engine needs. This module pulls in the template schema (zod) and
 * the rule-expression parser (mathjs), so the pane loads it lazily through loadConfig (taskpane/settings.ts);
 * nothing in the first load imports it.
 */
import { builtinTemplate, loadTemplate, parseRegistry, parseTargets, type Template } from "../addin/templates";
import { DEMO_COUNTY, DEMO_REGISTRY_CSV, DEMO_TARGETS_CSV } from "./demo-county";
import type { EngineConfig, PaneSettings } from "./settings";

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
