/**
 * Starts the pane: decides Excel or standalone (taskpane/office/host.ts), picks the settings store (document
 * settings in Excel, localStorage standalone) and the workbook host, and renders the app into #container
 * (or #root). taskpane/index.tsx, the webpack entry, only calls boot().
 */
import { createRoot } from "react-dom/client";
import { localeFromTag, setLocale } from "../addin/i18n";
import { App } from "./app/App";
import type { AppServices } from "./app/services";
import { downloadBytes } from "./download";
import { createExcelHost } from "./office/excel-host";
import { detectHost, officeDisplayLanguage } from "./office/host";
import { DocumentSettingsStore } from "./office/settings-store";
import { LocalStorageStore, MemoryStore, type KeyValueStore } from "./storage";

function browserStore(): KeyValueStore {
  try {
    const ls = window.localStorage;
    ls.getItem("xiaobo.probe");
    return new LocalStorageStore(ls);
  } catch {
    return new MemoryStore(); // storage blocked (private mode, file://): settings last for this visit only
  }
}

export async function boot(): Promise<void> {
  const mode = await detectHost();
  let services: AppServices;
  if (mode === "office") {
    setLocale(localeFromTag(officeDisplayLanguage()));
    const store = new DocumentSettingsStore();
    services = { mode, store, workbook: createExcelHost(store), download: downloadBytes };
  } else {
    setLocale(localeFromTag(navigator.language));
    services = { mode, store: browserStore(), download: downloadBytes };
  }
  const el = document.getElementById("container") ?? document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  createRoot(el).render(<App services={services} />);
}
