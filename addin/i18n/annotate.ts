import type { Catalogue } from "./types";

export const annotate = {
  "io.annotate.error": { "zh-CN": "【错误】", "en-US": "[Error] " },
  "io.annotate.warning": { "zh-CN": "【警告】", "en-US": "[Warning] " },
  "io.annotate.suffix": { "zh-CN": "审核标注", "en-US": "checked" },
} satisfies Catalogue;
