/**
 * The template schema: a report layout and its checks, as data. Built-in templates are JSON files in ./builtin; a county
 * can export one (templateToJson), edit it and load its own (loadTemplate). Every field is checked with zod at load; the
 * cross-field checks (unique keys, known keys in expressions, …) are in load.ts.
 *
 * The `.describe()` texts are for the county: they become the descriptions of docs/template.schema.json (`npm run
 * schema`), which an editor shows while a template is written. docs/templates.md explains every field at length.
 */
import { z } from "zod";
import { FOOTER_WORDS, SUBTOTAL_LABELS, TOTAL_LABELS } from "../i18n";
import { STANDARD_MODES, type StandardMode } from "../metrics";
import { summarySchema } from "./summary-schema";

export const COLUMN_TYPES = ["integer", "text", "code", "yesno", "number", "year", "enum", "date"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** 达标 modes (both thresholds, either one, or operating income alone): addin/metrics defines them. */
export { STANDARD_MODES, type StandardMode };

/** What a column links to in the county's registry (村名册). */
export const REGISTRY_LINKS = ["villageCode", "villageName", "weakBaseline"] as const;

/** A column key or a name: ASCII letters, digits and _, not starting with a digit (expressions read it as a symbol). */
export const keySchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);
const key = keySchema;
/** A column named by its key or by its header (the header as the template prints it, or a synonym). */
const columnName = z.string().min(1);
/** An expression (docs/templates.md「表达式」). */
const expression = z.string().min(1);

export { textSchema, type TemplateText } from "./text-schema";
import { textSchema } from "./text-schema";

/**
 * A computed column (实绩得分, 综合得分, 等次, 达标条数 …): XiaoBo computes it when the cell is blank and checks it when
 * the township filled it. The expression may call the metrics functions (cappedTotal, voteScore, weighted, grade, stars,
 * count …: docs/templates.md), the same definitions the =XB.… functions use.
 */
export const computeSchema = z
  .strictObject({
    expr: expression.describe("算出本列的表达式，可调用 cappedTotal、voteScore、weighted、grade、stars、count 等函数"),
    /** A filled number passes when it is within this of the computed one. */
    tolerance: z.number().min(0).default(0.01).describe("乡镇填了值时，与算出值相差不超过此数即通过（默认 0.01）"),
    /** How the value is computed, in words, for the message when a filled value disagrees (default: the expression). */
    formula: textSchema.optional().describe("计算方法的文字说明，填的值与算出的不一致时写进提示（默认为表达式本身）"),
  })
  .describe("计算列：单元格空着时由消薄助手算出，乡镇填了就核对");

export const columnSchema = z
  .strictObject({
    /** The column's name in expressions and in JSON. Optional: derived from the header when omitted (load.ts). */
    key: key.optional().describe("列的英文键名（字母、数字、下划线），用于表达式和 JSON；可省略，省略时由表头生成，表达式里用 {表头} 指列"),
    header: z.string().min(1).describe("表头文字，按模板打印的样子写"),
    /** The upper header of a two-level header (集体经济收入 over 总收入 / 经营性收入 / 上级补助收入). */
    group: z.string().min(1).optional().describe("两级表头的上一级（如“集体经济收入”下的总收入、经营性收入）"),
    /** Other headers the column is known by in real submissions (村名称, 行政村名称 …). */
    synonyms: z.array(z.string().min(1)).default([]).describe("乡镇报表里这一列的其他叫法（如“村名称”“行政村名称”）"),
    type: z.enum(COLUMN_TYPES).describe("类型：integer 整数、number 数值、text 文本、code 代码（定长数字串）、yesno 是/否、year 年份、enum 下拉选项、date 日期"),
    required: z.boolean().default(false).describe("必填：空着是错误"),
    /** Required only when the expression holds for the row (e.g. `eliminated` for 消薄年份). */
    requiredWhen: z
      .strictObject({
        expr: expression.describe("条件表达式：对该行成立时本列必填"),
        reason: textSchema.describe("条件的文字说明，写进提示（如“是否已消薄为“是””）"),
      })
      .optional()
      .describe("条件必填：表达式成立时本列必须填写"),
    min: z.number().optional().describe("最小值（日期列写成 20200101 的形式）"),
    max: z.number().optional().describe("最大值（日期列写成 20351231 的形式）"),
    decimals: z.number().int().min(0).max(10).optional().describe("小数位数：多于此位数是警告"),
    /** Allowed values of an enum column. */
    enum: z.array(z.string().min(1)).min(1).optional().describe("enum 列的可选值"),
    /** A regular expression the (text) value must match. */
    pattern: z.string().min(1).optional().describe("正则表达式：文本或代码必须符合"),
    /** Number of digits of a code column (12 for 统计用区划代码). */
    length: z.number().int().min(1).max(30).optional().describe("代码列的位数（统计用区划代码为 12）"),
    unique: z.boolean().default(false).describe("本列的值不得重复"),
    registry: z.enum(REGISTRY_LINKS).optional().describe("与村名册关联：villageCode 村代码、villageName 村名称、weakBaseline 是否薄弱村基数"),
    /** Checked against the 合计 row; number columns are by default. */
    total: z.boolean().optional().describe("是否与合计行核对（number 列默认核对）"),
    unit: z.string().min(1).optional().describe("单位（如“万元”）：写在数字后的单位会被去掉再读"),
    compute: computeSchema.optional(),
  })
  .describe("一列");
/** A column as loaded: its key is always there (given, or derived from the header). */
export type TemplateColumn = z.infer<typeof columnSchema> & { key: string };

export const ruleSchema = z
  .strictObject({
    id: z.string().min(1).describe("规则编号（英文、数字、短横线），在模板内唯一"),
    /** A mathjs expression over column keys and numeric parameters that must hold for every row. */
    expr: expression.describe("每一行都必须成立的表达式，如 “{经营性收入} <= {总收入}”"),
    /** Only rows for which this expression holds are checked. */
    when: expression.optional().describe("只检查此表达式成立的行"),
    /** The column whose cell the issue points at (its key or its header). */
    column: columnName.describe("问题标在哪一列的单元格上（键名或表头）"),
    severity: z.enum(["error", "warning"]).default("error").describe("error 错误（不能报送）或 warning 警告（可在备注中说明）"),
    /** Absolute tolerance of comparisons (万元): a balance rule "7=1+2+3-4-5" passes within it. */
    tolerance: z.number().min(0).default(1e-6).describe("比较的容差：相差不超过此数算相等（默认 0.000001）"),
    /** What is wrong and how to fix it; `{key}` or `{表头}` inserts the row's value of that column. */
    message: textSchema.describe("提示文字：说明错在哪、怎么改；{表头} 或 {键名} 插入该行这一列的值，{参数名} 插入参数"),
  })
  .describe("一条行规则");
export type TemplateRule = z.infer<typeof ruleSchema>;

export const parametersSchema = z
  .object({
    /** 达标: 总收入 ≥ totalMin (万元). */
    totalMin: z.number().min(0).optional().describe("达标：总收入不低于此数（万元）"),
    /** 达标: 经营性收入 ≥ operatingMin (万元). */
    operatingMin: z.number().min(0).optional().describe("达标：经营性收入不低于此数（万元）"),
    mode: z.enum(STANDARD_MODES).optional().describe("达标方式：and 两项都达到、or 任一项达到、operating 只看经营性收入"),
    /** Largest year-on-year change (0.5 = ±50%) before a yoy-change warning. */
    yoyMaxChange: z.number().positive().optional().describe("同比变动超过此比例即警告（0.5 即 ±50%）"),
  })
  /** Any other parameter: a number, or a list (item maxima, vote points, weights, grade thresholds and labels). */
  .catchall(z.union([z.number(), z.array(z.number()).min(1), z.array(z.string().min(1)).min(1)]))
  .describe("参数：数字（日期写成 20261231）、数字列表或文字列表，表达式按名字使用");
export type TemplateParameters = z.infer<typeof parametersSchema>;

export const templateSchema = z
  .strictObject({
    /**
     * The JSON Schema an editor checks the file against (docs/template.schema.json; `xiaobo template --export` writes
     * "./template.schema.json" and that file beside the template). For editors only: loadTemplate drops it.
     */
    $schema: z.string().min(1).optional().describe("编辑器（如 VS Code）据此检查本文件并给出提示；消薄助手不使用"),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe("模板编号：小写英文字母、数字和短横线，如 weak-village-rectification"),
    name: z.string().min(1).describe("模板名称（表名）"),
    version: z.number().int().min(1).default(1).describe("模板版本号，改动模板时加 1"),
    /** The title row, with {township} and {year}. */
    title: z.string().min(1).optional().describe("表格标题，{township} 换成乡镇名、{year} 换成年度"),
    unit: z.string().min(1).optional().describe("表格的单位（如“万元”），印在空白模板第 2 行"),
    /** The data sheet's name in the blank template (default: the template's name, cut to 31 characters). */
    sheetName: z.string().regex(/^[^[\]:*?/\\]{1,31}$/).optional().describe("空白模板的工作表名（不超过 31 个字符，默认取模板名称）"),
    columns: z.array(columnSchema).min(1).describe("各列，按表格从左到右"),
    /**
     * all: every registry village of the township appears in its file (漏报 is an error; a township with some villages
     * not merged is 部分汇总); some: a file lists only the villages concerned (a 台账 of 软弱涣散村, say).
     */
    coverage: z.enum(["all", "some"]).default("all").describe("all：每个村都要报，缺村是漏报错误；some：只报涉及的村（台账类），不查漏报"),
    /** The 序号 column (its key or header): a row with nothing but a 序号 counts as blank. */
    sequenceColumn: columnName.optional().describe("序号列（键名或表头）：只有序号的行算空行"),
    rules: z.array(ruleSchema).default([]).describe("行规则：每一行都要满足的条件"),
    totals: z
      .strictObject({
        /** Words in the first columns that mark the total row. */
        labels: z.array(z.string().min(1)).min(1).default([...TOTAL_LABELS]).describe("标出合计行的文字"),
        /** Words that mark a subtotal row (小计) inside the table: skipped, not a village and not in the totals. */
        subtotals: z.array(z.string().min(1)).default([...SUBTOTAL_LABELS]).describe("标出小计行的文字：小计行跳过，不算村也不计入合计"),
        tolerance: z.number().min(0).default(0.01).describe("合计核对的容差（默认 0.01）"),
        /** What a file without a total row gets. */
        missing: z.enum(["error", "warning", "ignore"]).default("warning").describe("没有合计行时：error 错误、warning 警告、ignore 不管"),
      })
      .default({ labels: [...TOTAL_LABELS], subtotals: [...SUBTOTAL_LABELS], tolerance: 0.01, missing: "warning" })
      .describe("合计行：数值列逐列核对"),
    /** Words that start the footer (填表人：… 审核人：…). */
    footer: z
      .array(z.string().min(1))
      .default([...FOOTER_WORDS])
      .describe("表尾的开头文字（填表人、审核人…）：从这里起不再是数据"),
    parameters: parametersSchema.default({}),
    /** 是否已消薄 against 达标 (with parameters totalMin/operatingMin/mode). */
    elimination: z
      .strictObject({
        total: columnName.describe("总收入列"),
        operating: columnName.describe("经营性收入列"),
        eliminated: columnName.describe("是否已消薄列（yesno）"),
        baseline: columnName.describe("是否薄弱村基数列（yesno）"),
        name: columnName.optional().describe("村名称列（写进提示）"),
        /** 消薄年份: filled only when 是否已消薄 = 是, and not later than the report's year. */
        year: columnName.optional().describe("消薄年份列：只在已消薄时填，且不晚于报告年度"),
      })
      .optional()
      .describe("消薄核对：是否已消薄与达标标准（参数 totalMin、operatingMin、mode）是否一致"),
    /** Year-on-year change against last year's report, keyed by `by` (the village code). */
    yoy: z
      .strictObject({
        by: columnName.describe("对应上年的列（村代码）"),
        columns: z.array(columnName).min(1).describe("做同比的数值列"),
        name: columnName.optional().describe("村名称列（写进提示）"),
      })
      .optional()
      .describe("同比：与上年报表比较，变动超过参数 yoyMaxChange 即警告"),
    /** The county summary (汇总): township measures, rankings and flags, unit rankings, lists (summary-schema.ts). */
    summary: summarySchema.optional(),
    /** The column whose written explanation clears a warning, and phrases that do not count as one. */
    explanation: z
      .strictObject({
        column: columnName.describe("写说明的列（text，如备注）"),
        boilerplate: z.array(z.string().min(1)).default([]).describe("不算说明的套话（核实无误、正常…）"),
        /** Characters left after removing boilerplate and punctuation needed to count as an explanation. */
        minLength: z.number().int().min(1).default(4).describe("去掉套话和标点后至少要有几个字才算说明（默认 4）"),
      })
      .optional()
      .describe("说明：该列写了实在的说明，这一行的警告就算已说明"),
  })
  .describe("消薄助手报表模板（说明见 docs/templates.md）");

/** A template as data (what loadTemplate returns and templateToJson writes): every column has its key. */
export type Template = Omit<z.infer<typeof templateSchema>, "columns" | "$schema"> & { columns: TemplateColumn[] };
export type TemplateInput = z.input<typeof templateSchema>;
