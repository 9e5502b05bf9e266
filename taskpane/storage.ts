/**
 * Where the pane keeps its settings (template, registry, thresholds) and its record of marked cells.
 * In Excel: the workbook's document settings (taskpane/office/settings-store.ts), so they travel with the
 * file; standalone: the browser's localStorage. Tests use the in-memory one. Values are strings (JSON).
 */
export interface KeyValueStore {
  get(key: string): string | undefined;
  /** Sets (or, with undefined, removes) a value and persists it. Rejects when it cannot be saved. */
  set(key: string, value: string | undefined): Promise<void>;
}

/** A store in memory: tests, and the fallback when localStorage is blocked. */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(initial)) this.data.set(k, v);
  }
  get(key: string): string | undefined {
    return this.data.get(key);
  }
  async set(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
  }
}

const PREFIX = "xiaobo.";

/** Standalone mode: the browser's localStorage (stays on this computer). */
export class LocalStorageStore implements KeyValueStore {
  constructor(private readonly storage: Storage) {}
  get(key: string): string | undefined {
    return this.storage.getItem(PREFIX + key) ?? undefined;
  }
  async set(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) this.storage.removeItem(PREFIX + key);
    else this.storage.setItem(PREFIX + key, value);
  }
}

/** Reads a JSON value, or `fallback` when it is missing or not valid JSON. */
export function getJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  const raw = store.get(key);
  if (raw === undefined) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function setJson(store: KeyValueStore, key: string, value: unknown): Promise<void> {
  return store.set(key, value === undefined ? undefined : JSON.stringify(value));
}
