/**
 * The template schema: a report layout and its checks, as data. Built-in templates are JSON files in ./builtin; a county
 * can export one (templateToJson), edit it and load its own (loadTemplate). Every field is checked with zod at load; the
 * cross-field checks (unique keys, known keys in expressions, …) are in load.ts.
 */
import { z } from "zod";
import { summarySchema } from "./summary-schema";

export const COLUMN_TYPES = ["integer", "text", "code", "yesno", "number", "year", "enum", "date"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** 达标 modes: both thresholds, either one, or operating income alone. */
export const STANDARD_MODES = ["and", "or", "operating"] as const;
export type StandardMode = (typeof STANDARD_MODES)[number];

/** What a column links to in the county's registry (村名册). */
export const REGISTRY_LINKS = ["villageCode", "villageName", "weakBaseline"] as const;

/** A column key or a name: ASCII letters, digits and _, not starting with a digit (expressions read it as a symbol). */
export const keySchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);
const key = keySchema;
/** A column named by its key or by its header (the header as the template prints it, or a synonym). */
const columnName = z.string().min(1);

export { textSchema, type TemplateText } from "./text-schema";
import { textSchema } from "./text-schema";

/**
 * A computed column (实绩得分, 综合得分, 等次, 达标条数 …): XiaoBo computes it when the cell is blank and checks it when
 * the township filled it. The expression may call the metrics functions (cappedTotal, voteScore, weighted, grade, stars,
 * count …: docs/templates.md), the same definitions the =XB.… functions use.
 */
export const computeSchema = z.strictObject({
  expr: z.string().min(1),
  /** A filled number passes when it is within this of the computed one. */
  tolerance: z.number().min(0).default(0.01),
  /** How the value is computed, in words, for the message when a filled value disagrees (default: the expression). */
  formula: textSchema.optional(),
});

export const columnSchema = z.strictObject({
  /** The column's name in expressions and in JSON. Optional: derived from the header when omitted (load.ts). */
  key: key.optional(),
  /** The header as the template prints it. */
  header: z.string().min(1),
  /** The upper header of a two-level header (集体经济收入 over 总收入 / 经营性收入 / 上级补助收入). */
  group: z.string().min(1).optional(),
  /** Other headers the column is known by in real submissions (村名称, 行政村名称 …). */
  synonyms: z.array(z.string().min(1)).default([]),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().default(false),
  /** Required only when the expression holds for the row (e.g. `eliminated` for 消薄年份). */
  requiredWhen: z.strictObject({ expr: z.string().min(1), reason: textSchema }).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  decimals: z.number().int().min(0).max(10).optional(),
  /** Allowed values of an enum column. */
  enum: z.array(z.string().min(1)).min(1).optional(),
  /** A regular expression the (text) value must match. */
  pattern: z.string().min(1).optional(),
  /** Number of digits of a code column (12 for 统计用区划代码). */
  length: z.number().int().min(1).max(30).optional(),
  unique: z.boolean().default(false),
  registry: z.enum(REGISTRY_LINKS).optional(),
  /** Checked against the 合计 row; number columns are by default. */
  total: z.boolean().optional(),
  unit: z.string().min(1).optional(),
  compute: computeSchema.optional(),
});
/** A column as loaded: its key is always there (given, or derived from the header). */
export type TemplateColumn = z.infer<typeof columnSchema> & { key: string };

export const ruleSchema = z.strictObject({
  id: z.string().min(1),
  /** A mathjs expression over column keys and numeric parameters that must hold for every row. */
  expr: z.string().min(1),
  /** Only rows for which this expression holds are checked. */
  when: z.string().min(1).optional(),
  /** The column whose cell the issue points at (its key or its header). */
  column: columnName,
  severity: z.enum(["error", "warning"]).default("error"),
  /** Absolute tolerance of comparisons (万元): a balance rule "7=1+2+3-4-5" passes within it. */
  tolerance: z.number().min(0).default(1e-6),
  /** What is wrong and how to fix it; `{key}` inserts the row's value of that column. */
  message: textSchema,
});
export type TemplateRule = z.infer<typeof ruleSchema>;

export const parametersSchema = z
  .object({
    /** 达标: 总收入 ≥ totalMin (万元). */
    totalMin: z.number().min(0).optional(),
    /** 达标: 经营性收入 ≥ operatingMin (万元). */
    operatingMin: z.number().min(0).optional(),
    mode: z.enum(STANDARD_MODES).optional(),
    /** Largest year-on-year change (0.5 = ±50%) before a yoy-change warning. */
    yoyMaxChange: z.number().positive().optional(),
  })
  /** Any other parameter: a number, or a list (item maxima, vote points, weights, grade thresholds and labels). */
  .catchall(z.union([z.number(), z.array(z.number()).min(1), z.array(z.string().min(1)).min(1)]));
export type TemplateParameters = z.infer<typeof parametersSchema>;

export const templateSchema = z.strictObject({
  /**
   * The JSON Schema an editor checks the file against (docs/template.schema.json; `xiaobo template --export` writes
   * "./template.schema.json" and that file beside the template). For editors only: loadTemplate drops it.
   */
  $schema: z.string().min(1).optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  version: z.number().int().min(1).default(1),
  /** The title row, with {township} and {year}. */
  title: z.string().min(1).optional(),
  unit: z.string().min(1).optional(),
  /** The data sheet's name in the blank template (default: the template's name, cut to 31 characters). */
  sheetName: z.string().regex(/^[^[\]:*?/\\]{1,31}$/).optional(),
  columns: z.array(columnSchema).min(1),
  /**
   * all: every registry village of the township appears in its file (漏报 is an error; a township with some villages
   * not merged is 部分汇总); some: a file lists only the villages concerned (a 台账 of 软弱涣散村, say).
   */
  coverage: z.enum(["all", "some"]).default("all"),
  /** The 序号 column (its key or header): a row with nothing but a 序号 counts as blank. */
  sequenceColumn: columnName.optional(),
  rules: z.array(ruleSchema).default([]),
  totals: z
    .strictObject({
      /** Words in the first columns that mark the total row. */
      labels: z.array(z.string().min(1)).min(1).default(["合计", "总计"]),
      /** Words that mark a subtotal row (小计) inside the table: skipped, not a village and not in the totals. */
      subtotals: z.array(z.string().min(1)).default(["小计"]),
      tolerance: z.number().min(0).default(0.01),
      /** What a file without a total row gets. */
      missing: z.enum(["error", "warning", "ignore"]).default("warning"),
    })
    .default({ labels: ["合计", "总计"], subtotals: ["小计"], tolerance: 0.01, missing: "warning" }),
  /** Words that start the footer (填表人：… 审核人：…). */
  footer: z.array(z.string().min(1)).default(["填表人", "审核人", "联系电话", "制表人", "负责人", "填报人", "单位负责人"]),
  parameters: parametersSchema.default({}),
  /** 是否已消薄 against 达标 (with parameters totalMin/operatingMin/mode). */
  elimination: z
    .strictObject({
      total: columnName,
      operating: columnName,
      eliminated: columnName,
      baseline: columnName,
      name: columnName.optional(),
      /** 消薄年份: filled only when 是否已消薄 = 是, and not later than the report's year. */
      year: columnName.optional(),
    })
    .optional(),
  /** Year-on-year change against last year's report, keyed by `by` (the village code). */
  yoy: z.strictObject({ by: columnName, columns: z.array(columnName).min(1), name: columnName.optional() }).optional(),
  /** The county summary (汇总): township measures, rankings and flags, unit rankings, lists (summary-schema.ts). */
  summary: summarySchema.optional(),
  /** The column whose written explanation clears a warning, and phrases that do not count as one. */
  explanation: z
    .strictObject({
      column: columnName,
      boilerplate: z.array(z.string().min(1)).default([]),
      /** Characters left after removing boilerplate and punctuation needed to count as an explanation. */
      minLength: z.number().int().min(1).default(4),
    })
    .optional(),
});

/** A template as data (what loadTemplate returns and templateToJson writes): every column has its key. */
export type Template = Omit<z.infer<typeof templateSchema>, "columns" | "$schema"> & { columns: TemplateColumn[] };
export type TemplateInput = z.input<typeof templateSchema>;
