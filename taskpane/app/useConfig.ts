import { useEffect, useState } from "react";
import { loadBuiltinTemplates, loadConfig, type EngineConfig, type PaneSettings, type TemplateChoice } from "../settings";
import { errorText } from "./common";

export interface ConfigState {
  /** The resolved config of the latest settings that resolved (kept while newer settings are resolving). */
  config: EngineConfig | null;
  /** Why the latest settings cannot be used, in Chinese. */
  error: string | null;
  /** True until the current settings have resolved (the config chunk loads on first use). */
  pending: boolean;
}

/**
 * Resolves settings into an EngineConfig without putting the template machinery (zod, mathjs) into the first
 * load: loadConfig imports it on demand. A result for settings that were replaced meanwhile is dropped.
 */
export function useConfig(settings: PaneSettings): ConfigState {
  const [state, setState] = useState<{ for: PaneSettings | null; config: EngineConfig | null; error: string | null }>({ for: null, config: null, error: null });
  useEffect(() => {
    let live = true;
    loadConfig(settings).then(
      (config) => live && setState({ for: settings, config, error: null }),
      (e: unknown) => live && setState((s) => ({ for: settings, config: s.config, error: errorText(e) })),
    );
    return () => {
      live = false;
    };
  }, [settings]);
  const current = state.for === settings;
  return { config: current && state.error ? null : state.config, error: current ? state.error : null, pending: !current };
}

/**
 * The built-in templates to choose from: null until the config chunk has loaded (an empty list if it cannot load;
 * useConfig reports that failure for the settings too).
 */
export function useBuiltinTemplates(): TemplateChoice[] | null {
  const [choices, setChoices] = useState<TemplateChoice[] | null>(null);
  useEffect(() => {
    let live = true;
    loadBuiltinTemplates().then(
      (list) => live && setChoices(list),
      () => live && setChoices([]),
    );
    return () => {
      live = false;
    };
  }, []);
  return choices;
}
