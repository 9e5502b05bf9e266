import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens, useId } from "@fluentui/react-components";
import { Save20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { t } from "../../addin/i18n";
import { STANDARD_MODES, type StandardMode } from "../../addin/metrics";
import { decodeText } from "../engine";
import { DEFAULT_SETTINGS, loadConfig, saveSettings, THRESHOLD_KEYS, thresholdsOf, type PaneSettings, type TemplateChoice, type ThresholdKey } from "../settings";
import { errorText, NoticeBar, type Notice } from "./common";
import { FilePicker } from "./FilePicker";
import type { AppServices } from "./services";
import { useBuiltinTemplates, useConfig, type ConfigState } from "./useConfig";

/** The 达标 modes, from addin/metrics (small and pure, so the schema stays out of the first load). */
export { STANDARD_MODES };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", padding: 0, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
});

export interface SettingsViewProps {
  services: AppServices;
  settings: PaneSettings;
  onSaved(settings: PaneSettings): void;
}

/**
 * The 达标 fields to show: those whose parameter the chosen template has (none for a template without them). Known from
 * the resolved template, or for a built-in from the list of built-ins; before either has loaded (the first moments),
 * from the settings: the default template (Template 1) and settings that carry thresholds show them.
 */
function shownThresholds(draft: PaneSettings, resolved: ConfigState, choices: readonly TemplateChoice[] | null): ReadonlySet<ThresholdKey> {
  if (!resolved.pending) return new Set(resolved.config ? thresholdsOf(resolved.config.template.parameters) : []);
  const choice = draft.templateId !== "custom" ? choices?.find((c) => c.id === draft.templateId) : undefined;
  if (choice) return new Set(choice.thresholds);
  const likely = draft.templateId === DEFAULT_SETTINGS.templateId || THRESHOLD_KEYS.some((k) => draft[k] !== undefined);
  return new Set(likely ? THRESHOLD_KEYS : []);
}

function parseThreshold(text: string): number | undefined | "bad" {
  const s = text.trim();
  if (s === "") return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : "bad";
}

export function SettingsView({ services, settings, onSaved }: SettingsViewProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<PaneSettings>(settings);
  const [totalText, setTotalText] = useState(settings.totalMin?.toString() ?? "");
  const [operatingText, setOperatingText] = useState(settings.operatingMin?.toString() ?? "");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const resolved = useConfig(draft);
  const choices = useBuiltinTemplates();
  const templateLabel = useId("template-label");
  const template = resolved.config?.template;
  const registry = resolved.config?.registry;
  const villages = registry?.townships.reduce((n, tw) => n + tw.villages.length, 0) ?? 0;

  const loadText = async (file: File) => decodeText(new Uint8Array(await file.arrayBuffer()));
  const update = async (work: () => Promise<Partial<PaneSettings>>) => {
    setNotice(null);
    try {
      const patch = await work();
      setDraft((d) => ({ ...d, ...patch }));
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
    }
  };

  const shown = shownThresholds(draft, resolved, choices);
  const total = shown.has("totalMin") ? parseThreshold(totalText) : undefined;
  const operating = shown.has("operatingMin") ? parseThreshold(operatingText) : undefined;
  const bad = total === "bad" || operating === "bad";

  const save = async () => {
    if (bad || resolved.error) return;
    const next: PaneSettings = { ...draft, totalMin: total, operatingMin: operating };
    setBusy(true);
    try {
      const config = await loadConfig(next);
      // Only the 达标 parameters the chosen template has are kept (a template without them saves none).
      const has = new Set(thresholdsOf(config.template.parameters));
      for (const k of THRESHOLD_KEYS) if (next[k] === undefined || !has.has(k)) delete next[k];
      await saveSettings(services.store, next);
      onSaved(next);
      setNotice({ intent: "success", text: t("taskpane.settings.saved") });
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const mode = draft.mode ?? (template?.parameters.mode as StandardMode | undefined) ?? "and";
  const customFile = draft.templateFile ?? "";
  return (
    <div className={styles.root}>
      <fieldset className={styles.group}>
        <legend className={styles.legend} id={templateLabel}>
          <Text weight="semibold">{t("taskpane.settings.template")}</Text>
        </legend>
        <RadioGroup
          aria-labelledby={templateLabel}
          value={draft.templateId}
          onChange={(_e, d) => setDraft((s) => ({ ...s, templateId: d.value }))}
          data-testid="template-choice"
        >
          {(choices ?? []).map((c) => (
            <Radio key={c.id} value={c.id} label={c.name} />
          ))}
          {draft.templateJson !== undefined && <Radio value="custom" label={t("taskpane.settings.templateCustomOption", { file: customFile })} />}
        </RadioGroup>
        <Text data-testid="template-name">
          {template &&
            (draft.templateId === "custom"
              ? t("taskpane.settings.templateCustom", { name: template.name, file: customFile })
              : t("taskpane.settings.templateBuiltin", { name: template.name }))}
        </Text>
        <div className={styles.actions}>
          <FilePicker
            label={t("taskpane.settings.loadTemplate")}
            accept=".json"
            onFiles={([f]) =>
              update(async () => {
                const text = await loadText(f);
                try {
                  JSON.parse(text);
                } catch (e) {
                  throw new Error(t("taskpane.settings.notJson", { file: f.name, reason: errorText(e) }));
                }
                return { templateId: "custom", templateJson: text, templateFile: f.name };
              })
            }
          />
        </div>
        <Text size={200}>{t("taskpane.settings.templateHint")}</Text>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{t("taskpane.settings.registry")}</Text>
        </legend>
        <Text data-testid="registry-name">
          {registry &&
            (draft.registryCsv
              ? t("taskpane.settings.registryCustom", { file: draft.registryFile ?? "", townships: registry.townships.length, villages })
              : t("taskpane.settings.registryDemo", { townships: registry.townships.length, villages }))}
        </Text>
        <div className={styles.actions}>
          <FilePicker
            label={t("taskpane.settings.loadRegistry")}
            accept=".csv,.txt"
            onFiles={([f]) => update(async () => ({ registryCsv: await loadText(f), registryFile: f.name, targetsCsv: undefined, targetsFile: undefined }))}
          />
          <FilePicker
            label={t("taskpane.settings.loadTargets")}
            accept=".csv,.txt"
            onFiles={([f]) => update(async () => ({ targetsCsv: await loadText(f), targetsFile: f.name }))}
          />
          {draft.registryCsv && (
            <Button onClick={() => setDraft((d) => ({ ...d, registryCsv: undefined, registryFile: undefined, targetsCsv: undefined, targetsFile: undefined }))}>
              {t("taskpane.settings.useDemo")}
            </Button>
          )}
        </div>
      </fieldset>

      {shown.size > 0 && (
        <fieldset className={styles.group} data-testid="thresholds">
          <legend className={styles.legend}>
            <Text weight="semibold">{t("taskpane.settings.thresholds")}</Text>
          </legend>
          {shown.has("totalMin") && (
            <Field label={t("taskpane.settings.totalMin")} validationMessage={total === "bad" ? t("taskpane.settings.badNumber") : undefined}>
              <Input
                inputMode="decimal"
                value={totalText}
                placeholder={String(template?.parameters.totalMin ?? "")}
                onChange={(_e, d) => setTotalText(d.value)}
              />
            </Field>
          )}
          {shown.has("operatingMin") && (
            <Field label={t("taskpane.settings.operatingMin")} validationMessage={operating === "bad" ? t("taskpane.settings.badNumber") : undefined}>
              <Input
                inputMode="decimal"
                value={operatingText}
                placeholder={String(template?.parameters.operatingMin ?? "")}
                onChange={(_e, d) => setOperatingText(d.value)}
              />
            </Field>
          )}
          {shown.has("mode") && (
            <Field label={t("taskpane.settings.mode")}>
              <RadioGroup value={mode} onChange={(_e, d) => setDraft((s) => ({ ...s, mode: d.value as StandardMode }))}>
                {STANDARD_MODES.map((m) => (
                  <Radio key={m} value={m} label={t(`taskpane.settings.mode.${m}`)} />
                ))}
              </RadioGroup>
            </Field>
          )}
        </fieldset>
      )}

      <NoticeBar notice={resolved.error ? { intent: "error", title: t("taskpane.error.config"), text: resolved.error } : notice} onDismiss={resolved.error ? undefined : () => setNotice(null)} />
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Save20Regular />} disabled={busy || bad || !!resolved.error} onClick={save}>
          {t("taskpane.settings.save")}
        </Button>
      </div>
      <Text size={200}>{services.mode === "office" ? t("taskpane.settings.savedWhere.office") : t("taskpane.settings.savedWhere.standalone")}</Text>
    </div>
  );
}
