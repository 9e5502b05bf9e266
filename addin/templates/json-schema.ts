/**
 * The template format as a JSON Schema (draft-07, what editors such as VS Code read), generated from the zod schema
 * so that it can never disagree with what loadTemplate accepts: the input side (what a county writes; fields with a
 * default are optional), with the Chinese descriptions of schema.ts. `npm run schema` writes it to
 * docs/template.schema.json (a test keeps that file current); `xiaobo template --export` writes it beside the
 * exported template. Not part of the pane's bundle (nothing there
 * imports this file).
 */
import { z } from "zod";
import { t } from "../i18n";
import { templateSchema } from "./schema";

/** The schema's file name, beside a template that points at it with "$schema": "./template.schema.json". */
export const TEMPLATE_SCHEMA_FILE = "template.schema.json";

export function templateJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(templateSchema, { io: "input", target: "draft-7" });
  return { $schema, title: t("name.schemaTitle", {}, "zh-CN"), ...rest };
}

/** The schema as the file holds it: 2-space indented, a final newline. */
export function templateJsonSchemaText(): string {
  return JSON.stringify(templateJsonSchema(), null, 2) + "\n";
}
