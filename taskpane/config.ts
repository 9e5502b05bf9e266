/**
 * Resolving the pane's settings into what the engine needs. This module pulls in the template schema (zod) and
 * the rule-expression parser (mathjs), so the pane loads it lazily through loadConfig (taskpane/settings.ts);
 * nothing in the first load imports it.
 */
import { BUILTIN_TEMPLATE_IDS, builtinTemplate, loadTemplate, parseRegistry, parseTargets, type Template } from "../addin/templates";
import { DEMO_COUNTY, DEMO_REGISTRY_CSV, DEMO_TARGETS_CSV } from "./demo-county";
import { thresholdsOf, type EngineConfig, type PaneSettings, type TemplateChoice } from "./settings";

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

/**
 * The template with the user's 达标 thresholds (a copy; the built-in stays as shipped). Only the parameters the template
 * has are replaced: thresholds saved for Template 1 never leak into a template that has no such parameter.
 */
export function withThresholds(template: Template, s: PaneSettings): Template {
  const keys = thresholdsOf(template.parameters).filter((k) => s[k] !== undefined);
  if (keys.length === 0) return template;
  const parameters = { ...template.parameters };
  for (const k of keys) (parameters as Record<string, unknown>)[k] = s[k];
  return { ...template, parameters };
}

/** Every built-in template (BUILTIN_TEMPLATE_IDS), by its name, with the 达标 parameters it has. */
export function builtinChoices(): TemplateChoice[] {
  return BUILTIN_TEMPLATE_IDS.map((id) => {
    try {
      const template = builtinTemplate(id);
      return { id, name: template.name, thresholds: thresholdsOf(template.parameters) };
    } catch {
      // A built-in that does not load still shows (by its id): choosing it says why, as any template error does.
      return { id, name: id, thresholds: [] };
    }
  });
}
