export type Locale = "zh-CN" | "en-US";

/** One user-facing message: Simplified Chinese first, English second. `{name}` marks a parameter. */
export interface Message {
  "zh-CN": string;
  "en-US": string;
}

export type Catalogue = Record<string, Message>;
