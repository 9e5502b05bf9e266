import { readFileSync } from "fs";
import { join } from "path";
import { detectHost } from "../../../taskpane/office/host";
import { DEMO_REGISTRY_CSV, DEMO_TARGETS_CSV } from "../../../taskpane/demo-county";
import { resolveConfig } from "../../../taskpane/config";
import { DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY } from "../../../taskpane/settings";
import { LocalStorageStore, MemoryStore } from "../../../taskpane/storage";
import { DocumentSettingsStore } from "../../../taskpane/office/settings-store";

describe("detectHost", () => {
  it("is standalone without an Office global", async () => {
    expect(await detectHost(undefined)).toBe("standalone");
  });
  it("is office when onReady resolves with Excel", async () => {
    expect(await detectHost({ onReady: async () => ({ host: "Excel", platform: "PC" }) })).toBe("office");
  });
  it("is standalone when onReady never resolves (office.js opened in a plain browser)", async () => {
    const started = Date.now();
    expect(await detectHost({ onReady: () => new Promise(() => {}) }, 50)).toBe("standalone");
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
  it("is standalone when onReady resolves without a host", async () => {
    expect(await detectHost({ onReady: async () => ({ host: null, platform: null }) })).toBe("standalone");
  });
});

describe("settings", () => {
  it("the bundled demo county is exactly samples/demo-county (regenerate with taskpane/tools/gen-demo-county.js)", () => {
    const read = (f: string) => readFileSync(join(__dirname, "..", "..", "..", "samples", "demo-county", f), "utf8").replace(/^\uFEFF/, "");
    expect(DEMO_REGISTRY_CSV).toBe(read("registry.csv"));
    expect(DEMO_TARGETS_CSV).toBe(read("targets.csv"));
  });

  it("defaults to the built-in template and the demo county", () => {
    const config = resolveConfig(loadSettings(new MemoryStore()));
    expect(config.demo).toBe(true);
    expect(config.registry.county).toBe("示例县");
    expect(config.registry.townships).toHaveLength(12);
    expect(Object.keys(config.targets)).toHaveLength(12);
    expect(config.template.id).toBe("village-economy");
  });

  it("a bad registry is reported in Chinese, not ignored", () => {
    expect(() => resolveConfig({ ...DEFAULT_SETTINGS, registryCsv: "乡镇代码,乡镇名称\n1,2\n", registryFile: "名册.csv" })).toThrow(/名册\.csv/);
  });

  it("round-trips through localStorage and ignores garbage", async () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const store = new LocalStorageStore(storage);
    await saveSettings(store, { templateId: "village-economy", operatingMin: 20 });
    expect(data.get(`xiaobo.${SETTINGS_KEY}`)).toBe('{"templateId":"village-economy","operatingMin":20}');
    expect(loadSettings(store).operatingMin).toBe(20);
    data.set(`xiaobo.${SETTINGS_KEY}`, "{not json");
    expect(loadSettings(store)).toEqual(DEFAULT_SETTINGS);
  });

  it("document settings are saved with saveAsync, and a failed save is an error", async () => {
    const values = new Map<string, unknown>();
    let fail = false;
    const settings = {
      get: (k: string) => values.get(k),
      set: (k: string, v: unknown) => void values.set(k, v),
      remove: (k: string) => void values.delete(k),
      saveAsync: (cb: (r: { status: string; error?: { message: string } }) => void) =>
        cb(fail ? { status: "failed", error: { message: "文档只读" } } : { status: "succeeded" }),
    } as unknown as Office.Settings;
    const store = new DocumentSettingsStore(settings);
    await store.set("marks", "{}");
    expect(store.get("marks")).toBe("{}");
    fail = true;
    await expect(store.set("marks", undefined)).rejects.toThrow("文档只读");
  });
});
