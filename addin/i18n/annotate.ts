import type { Catalogue } from "./types";

export const annotate = {
  "io.annotate.error": { "zh-CN": "【错误】", "en-US": "[Error] " },
  "io.annotate.warning": { "zh-CN": "【警告】", "en-US": "[Warning] " },
  "io.annotate.tooLarge": {
    "zh-CN": "“{file}”有 {cells} 个有内容的单元格，超过 {limit} 个，生成标注副本会占用过多内存，因此不生成",
    "en-US": "“{file}” has {cells} non-empty cells, more than {limit}; a marked copy would take too much memory, so none is made",
  },
  "io.annotate.suffix": { "zh-CN": "审核标注", "en-US": "checked" },
} satisfies Catalogue;
