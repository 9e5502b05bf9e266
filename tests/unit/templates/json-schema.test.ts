/**
 * docs/template.schema.json: the JSON Schema of the template format, generated from the zod schema (npm run schema).
 * It must be exactly what the generator gives today (so it never falls behind the code), carry the Chinese
 * descriptions an editor shows, and accept the templates XiaoBo accepts (Template 1, the county's 软弱涣散村整顿台账):
 * checked with ajv (draft-07), which the project already has through webpack's schema-utils.
 */
import { readFileSync } from "fs";
import { join } from "path";
import Ajv from "ajv";
import villageEconomy from "../../../addin/templates/builtin/village-economy.json";
import { templateJsonSchema, templateJsonSchemaText } from "../../../addin/templates/json-schema";
import { builtinTemplate, COLUMN_TYPES, loadTemplate, TemplateError } from "../../../addin/templates";

const ROOT = join(__dirname, "..", "..", "..");
const committed = readFileSync(join(ROOT, "docs", "template.schema.json"), "utf8");
const schema = JSON.parse(committed) as JsonSchema;
const fourth = JSON.parse(readFileSync(join(ROOT, "tests", "fixtures", "custom-template", "软弱涣散村整顿台账.json"), "utf8"));

interface JsonSchema {
  $schema?: string;
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
}

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(schema);
const CHINESE = /[\u4e00-\u9fff]/;

describe("docs/template.schema.json", () => {
  test("is exactly what `npm run schema` generates from the zod schema (run it after changing schema.ts)", () => {
    expect(committed).toBe(templateJsonSchemaText());
  });

  test("is draft-07, titled, with the top-level fields of the format and only those", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(templateJsonSchema().title).toBe("消薄助手报表模板");
    expect(schema.required).toEqual(["id", "name", "columns"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties!)).toEqual([
      "$schema", "id", "name", "version", "title", "unit", "sheetName", "columns", "coverage", "sequenceColumn", "rules", "totals",
      "footer", "parameters", "elimination", "yoy", "summary", "explanation",
    ]);
  });

  test("column types, coverage, measure kinds and figure formats are the engine's", () => {
    const column = schema.properties!.columns.items as JsonSchema;
    expect(column.required).toEqual(["header", "type"]);
    expect(column.properties!.type.enum).toEqual([...COLUMN_TYPES]);
    expect(column.properties!.type.enum).toContain("date");
    expect(schema.properties!.coverage.enum).toEqual(["all", "some"]);
    const measure = schema.properties!.summary.properties!.measures.items as JsonSchema;
    const kinds = measure.oneOf!.map((m) => m.properties!.kind.const);
    expect(kinds).toEqual(["registry", "target", "reported", "count", "sum", "mean", "share", "ratio", "goal"]);
    for (const m of measure.oneOf!) {
      expect(m.required).toEqual(expect.arrayContaining(["key", "header", "kind"]));
      expect(m.properties!.format.enum).toEqual(["integer", "money", "decimal", "percent", "goal"]);
    }
  });

  test("fields with a default are optional on the input side, and show their default", () => {
    const column = schema.properties!.columns.items as JsonSchema;
    expect(column.required).not.toContain("required");
    expect(column.properties!.required.default).toBe(false);
    expect(schema.properties!.coverage.default).toBe("all");
    expect(schema.properties!.totals.default).toEqual({ labels: ["合计", "总计"], subtotals: ["小计"], tolerance: 0.01, missing: "warning" });
  });

  test("every top-level, column, rule, summary and measure field has a Chinese description", () => {
    const undescribed = (s: JsonSchema, where: string) =>
      Object.entries(s.properties ?? {})
        .filter(([, p]) => !p.description || !CHINESE.test(p.description))
        .map(([k]) => `${where}.${k}`);
    const summary = schema.properties!.summary;
    const measures = (summary.properties!.measures.items as JsonSchema).oneOf!;
    const missing = [
      ...undescribed(schema, "template"),
      ...undescribed(schema.properties!.columns.items as JsonSchema, "column"),
      ...undescribed(schema.properties!.rules.items as JsonSchema, "rule"),
      ...undescribed(summary, "summary"),
      ...measures.flatMap((m) => undescribed(m, `measure(${m.properties!.kind.const})`)),
    ];
    expect(missing).toEqual([]);
    for (const s of [schema, summary, schema.properties!.parameters, schema.properties!.columns]) expect(s.description).toMatch(CHINESE);
  });
});

describe("templates against the schema (ajv) and against loadTemplate", () => {
  test("Template 1's JSON and the county's 软弱涣散村整顿台账 are valid", () => {
    expect([validate(villageEconomy), validate.errors]).toEqual([true, null]);
    expect([validate(fourth), validate.errors]).toEqual([true, null]);
    expect(() => loadTemplate(fourth)).not.toThrow();
  });

  test("what the schema refuses, loadTemplate refuses too: a misspelt field, an unknown column type, a measure kind", () => {
    const cases = [
      { ...fourth, colums: fourth.columns },
      { ...fourth, columns: [{ header: "日期", type: "datetime" }] },
      { ...fourth, summary: { ...fourth.summary, measures: [{ key: "n", header: "数", kind: "median", of: "x" }] } },
      { ...fourth, coverage: "most" },
      { ...fourth, id: "软弱涣散" },
    ];
    for (const c of cases) {
      expect(validate(c)).toBe(false);
      expect(() => loadTemplate(c)).toThrow(TemplateError);
    }
  });

  test("$schema is for editors: allowed, and dropped when the template is loaded", () => {
    expect(fourth.$schema).toBe("../../../docs/template.schema.json");
    const { $schema: _, ...without } = fourth;
    expect(loadTemplate(fourth)).toEqual(loadTemplate(without));
    expect("$schema" in loadTemplate(fourth)).toBe(false);
    expect(validate({ ...villageEconomy, $schema: "./template.schema.json" })).toBe(true);
    expect(loadTemplate({ ...villageEconomy, $schema: "./template.schema.json" })).toEqual(builtinTemplate("village-economy"));
  });
});
