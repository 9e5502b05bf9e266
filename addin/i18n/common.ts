import type { Catalogue } from "./types";

/** Messages shared by every surface. */
export const common = {
  "app.name": { "zh-CN": "消薄助手", "en-US": "XiaoBo" },
  "app.comingSoon": { "zh-CN": "功能即将上线", "en-US": "Coming soon" },
} satisfies Catalogue;
