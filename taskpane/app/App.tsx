import { FluentProvider, makeStyles, Tab, TabList, Text, tokens, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { getLocale, t } from "../../addin/i18n";
import { loadSettings, type PaneSettings } from "../settings";
import { CheckView } from "./CheckView";
import { NoticeBar } from "./common";
import { MergeView } from "./MergeView";
import type { AppServices } from "./services";
import { SettingsView } from "./SettingsView";
import { useConfig } from "./useConfig";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: "280px", maxWidth: "100%", boxSizing: "border-box" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export type ViewId = "check" | "merge" | "settings";

export function App({ services, initialView = "check" }: { services: AppServices; initialView?: ViewId }) {
  const styles = useStyles();
  const [view, setView] = useState<ViewId>(initialView);
  const [settings, setSettings] = useState<PaneSettings>(() => loadSettings(services.store));
  const resolved = useConfig(settings);
  const notices = services.workbook?.notices ?? [];

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root} lang={getLocale()}>
        <Text as="h1" size={500} weight="semibold">
          {t("app.name")}
        </Text>
        {services.mode === "standalone" && <NoticeBar notice={{ intent: "info", text: t("taskpane.mode.standalone") }} />}
        {notices.map((k) => (
          <NoticeBar key={k} notice={{ intent: "warning", text: t(k) }} />
        ))}
        {resolved.error && <NoticeBar notice={{ intent: "error", title: t("taskpane.error.config"), text: resolved.error }} />}
        <TabList selectedValue={view} onTabSelect={(_e, d) => setView(d.value as ViewId)} aria-label={t("taskpane.tabs")}>
          <Tab value="check">{t("taskpane.tab.check")}</Tab>
          <Tab value="merge">{t("taskpane.tab.merge")}</Tab>
          <Tab value="settings">{t("taskpane.tab.settings")}</Tab>
        </TabList>
        {/* Every view stays mounted so its results survive switching tabs. */}
        <div role="tabpanel" hidden={view !== "check"} className={view === "check" ? styles.panel : undefined}>
          <CheckView services={services} config={resolved.config} />
        </div>
        <div role="tabpanel" hidden={view !== "merge"} className={view === "merge" ? styles.panel : undefined}>
          <MergeView services={services} config={resolved.config} />
        </div>
        <div role="tabpanel" hidden={view !== "settings"} className={view === "settings" ? styles.panel : undefined}>
          <SettingsView services={services} settings={settings} onSaved={setSettings} />
        </div>
      </main>
    </FluentProvider>
  );
}
