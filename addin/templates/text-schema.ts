import { z } from "zod";

/** A message written by the template's author: Chinese, or Chinese and English. `{key}` inserts a row's value. */
export const textSchema = z
  .union([z.string().min(1), z.strictObject({ "zh-CN": z.string().min(1), "en-US": z.string().min(1).optional() })])
  .describe("文字：中文字符串，或 { \"zh-CN\": 中文, \"en-US\": 英文 }");
export type TemplateText = z.infer<typeof textSchema>;
