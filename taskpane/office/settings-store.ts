/** The KeyValueStore on the workbook's document settings: settings travel with the file. */
import { t } from "../../addin/i18n";
import type { KeyValueStore } from "../storage";

const PREFIX = "xiaobo.";

export class DocumentSettingsStore implements KeyValueStore {
  constructor(private readonly settings: Office.Settings = Office.context.document.settings) {}

  get(key: string): string | undefined {
    const v = this.settings.get(PREFIX + key) as unknown;
    return typeof v === "string" ? v : undefined;
  }

  set(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) this.settings.remove(PREFIX + key);
    else this.settings.set(PREFIX + key, value);
    return new Promise((resolve, reject) => {
      this.settings.saveAsync((result) => {
        if (String(result.status) === "succeeded") resolve();
        else reject(new Error(t("taskpane.settings.saveFailed", { reason: result.error?.message || t("taskpane.settings.saveFailedUnknown") })));
      });
    });
  }
}
