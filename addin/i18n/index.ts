import { catalogue, type MessageKey } from "./catalog";
import type { Locale } from "./types";

export type { Locale, Message, Catalogue } from "./types";
export type { MessageKey } from "./catalog";
export { catalogue } from "./catalog";

export type Params = Record<string, string | number | boolean | null | undefined>;

let current: Locale = "zh-CN";

/** Sets the locale for messages made without an explicit one. Chinese is the default. */
export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Picks a supported locale from an Office/browser language tag ("zh-CN", "en-US", "zh-Hans", …). */
export function localeFromTag(tag: string | undefined | null): Locale {
  return tag && tag.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Params = {}, locale: Locale = current): string {
  const entry = catalogue[key];
  const template = entry[locale] ?? entry["zh-CN"];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}
export * from "./words";
