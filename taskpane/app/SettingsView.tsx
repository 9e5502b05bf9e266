import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { Save20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { t } from "../../addin/i18n";
import type { StandardMode } from "../../addin/templates";
import { decodeText } from "../engine";
import { loadConfig, saveSettings, type PaneSettings } from "../settings";
import { errorText, NoticeBar, type Notice } from "./common";
import { FilePicker } from "./FilePicker";
import type { AppServices } from "./services";
import { useConfig } from "./useConfig";

/** The 达标 modes (addin/templates' STANDARD_MODES, repeated here so the schema stays out of the first load). */
export const STANDARD_MODES: readonly StandardMode[] = ["and", "or", "operating"];

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

  const total = parseThreshold(totalText);
  const operating = parseThreshold(operatingText);
  const bad = total === "bad" || operating === "bad";

  const save = async () => {
    if (bad || resolved.error) return;
    const next: PaneSettings = { ...draft, totalMin: total as number | undefined, operatingMin: operating as number | undefined };
    for (const k of ["totalMin", "operatingMin", "mode"] as const) if (next[k] === undefined) delete next[k];
    setBusy(true);
    try {
      await loadConfig(next);
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
  return (
    <div className={styles.root}>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{t("taskpane.settings.template")}</Text>
        </legend>
        <Text data-testid="template-name">
          {draft.templateId === "custom"
            ? t("taskpane.settings.templateCustom", { file: draft.templateFile ?? template?.name ?? "" })
            : t("taskpane.settings.templateBuiltin", { name: template?.name ?? draft.templateId })}
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
          {draft.templateId === "custom" && (
            <Button onClick={() => setDraft((d) => ({ ...d, templateId: "village-economy", templateJson: undefined, templateFile: undefined }))}>
              {t("taskpane.settings.useDemo")}
            </Button>
          )}
        </div>
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

      <fieldset className={styles.group}>
        <legend className={styles.legend}>
          <Text weight="semibold">{t("taskpane.settings.thresholds")}</Text>
        </legend>
        <Field label={t("taskpane.settings.totalMin")} validationMessage={total === "bad" ? t("taskpane.settings.badNumber") : undefined}>
          <Input
            inputMode="decimal"
            value={totalText}
            placeholder={String(template?.parameters.totalMin ?? "")}
            onChange={(_e, d) => setTotalText(d.value)}
          />
        </Field>
        <Field label={t("taskpane.settings.operatingMin")} validationMessage={operating === "bad" ? t("taskpane.settings.badNumber") : undefined}>
          <Input
            inputMode="decimal"
            value={operatingText}
            placeholder={String(template?.parameters.operatingMin ?? "")}
            onChange={(_e, d) => setOperatingText(d.value)}
          />
        </Field>
        <Field label={t("taskpane.settings.mode")}>
          <RadioGroup value={mode} onChange={(_e, d) => setDraft((s) => ({ ...s, mode: d.value as StandardMode }))}>
            {STANDARD_MODES.map((m) => (
              <Radio key={m} value={m} label={t(`taskpane.settings.mode.${m}`)} />
            ))}
          </RadioGroup>
        </Field>
      </fieldset>

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
