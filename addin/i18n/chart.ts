import type { Catalogue } from "./types";

/** The county workbook's chart and print setup, and the pane's result chart. */
export const chart = {
  "chart.title": { "zh-CN": "各乡镇{measure}（按排名）", "en-US": "{measure} by township (in rank order)" },
  "chart.titleFlags": { "zh-CN": "各乡镇{measure}（按排名，红色为红旗、黄色为黄旗）", "en-US": "{measure} by township (in rank order; red = red flag, yellow = yellow flag)" },
  "chart.titleUnranked": { "zh-CN": "各乡镇{measure}", "en-US": "{measure} by township" },
  "chart.axisTownship": { "zh-CN": "乡镇", "en-US": "Township" },
  "chart.footer": { "zh-CN": "第 &P 页，共 &N 页", "en-US": "Page &P of &N" },
  "chart.paneCaption": { "zh-CN": "{measure}，按排名", "en-US": "{measure}, in rank order" },
  "chart.paneTableCaption": { "zh-CN": "各乡镇结果", "en-US": "Results by township" },
  "chart.colRank": { "zh-CN": "排名", "en-US": "Rank" },
  "chart.colFlag": { "zh-CN": "旗", "en-US": "Flag" },
} satisfies Catalogue;
