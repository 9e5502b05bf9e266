/**
 * The county summary (汇总) of a template, as data: what each township's line shows (measures), how townships are
 * ranked and flagged, the county-wide rankings of every unit (village or branch), and lists. addin/merge computes it;
 * every number comes from addin/metrics, the same functions the =XB.… worksheet functions call. docs/templates.md
 * explains every field with a worked example.
 *
 * Expressions here are over one merged unit (a row: its columns by key, with the registry's values for the columns linked
 * to the registry) and the template's parameters, as in rules; `{表头}` names a column by its header.
 */
import { z } from "zod";
import { textSchema } from "./text-schema";

const key = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);
const expr = z.string().min(1);
/** A list of numbers, or the name of a list parameter. */
const numbers = z.union([z.array(z.number()).min(1), key]);

/** How a figure is shown: integer 0, money 0.00 (summed to the cent), decimal 0.00, percent 0.0%, goal 达到/未达到. */
export const FIGURE_FORMATS = ["integer", "money", "decimal", "percent", "goal"] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export const RANK_ORDERS = ["desc", "asc"] as const;
/** Rank methods a summary may use (addin/metrics' rank): 中国式 dense by default. */
export const SUMMARY_RANK_METHODS = ["dense", "competition"] as const;

const measureBase = {
  /** The measure's name in JSON (Template 1) and in ratio/goal/rank references. */
  key,
  /** The column header in the workbook and the pane; `{参数}` inserts a parameter (经营性收入≥{operatingMin}万元村数). */
  header: textSchema,
  format: z.enum(FIGURE_FORMATS).optional(),
  /** Shown after the header in the command-line table (万元). */
  unit: z.string().min(1).optional(),
  /** Shown in the command-line table (default: every shown measure when none is marked). */
  cli: z.boolean().optional(),
  /** Computed and reconciled, but not shown in the tables. */
  hidden: z.boolean().default(false),
  /** Rounded to this many decimals (half away from zero) as officially reported, before ranking on it. */
  decimals: z.number().int().min(0).max(10).optional(),
};

export const measureSchema = z.discriminatedUnion("kind", [
  /** From the registry, for every township whatever it sent: 村数, 薄弱村基数. */
  z.strictObject({ ...measureBase, kind: z.literal("registry"), of: z.enum(["villages", "weakBaseline"]) }),
  /** A township's number from a targets CSV column (年度消薄任务数, or any column the county adds). */
  z.strictObject({ ...measureBase, kind: z.literal("target"), column: z.string().min(1).default("年度消薄任务数") }),
  /** Units merged (已报村数): 0 when nothing was merged. */
  z.strictObject({ ...measureBase, kind: z.literal("reported") }),
  /** Units merged for which `where` holds (已消除数, 好 等次的个数). */
  z.strictObject({ ...measureBase, kind: z.literal("count"), where: expr }),
  /** Σ of a value over the units merged (blank values add nothing). Money is summed in cents. */
  z.strictObject({ ...measureBase, kind: z.literal("sum"), of: expr }),
  /** Mean of a value over the units merged that have one (综合得分均值, 村均经营性收入). */
  z.strictObject({ ...measureBase, kind: z.literal("mean"), of: expr }),
  /** Share of the units merged (or of those for which `among` holds) for which `where` holds. */
  z.strictObject({ ...measureBase, kind: z.literal("share"), where: expr, among: expr.optional() }),
  /** One measure ÷ another (消除率 = 已消除数 ÷ 薄弱村基数), for the county too: never an average of rates. */
  z.strictObject({ ...measureBase, kind: z.literal("ratio"), numerator: key, denominator: key }),
  /** Whether a measure reaches a goal (示范村占比 ≥ 10%): shown as 达到 / 未达到. `atLeast`: a number or a parameter. */
  z.strictObject({
    ...measureBase,
    kind: z.literal("goal"),
    measure: key,
    atLeast: z.union([z.number(), key]),
    labels: z.tuple([z.string().min(1), z.string().min(1)]).default(["达到", "未达到"]),
  }),
]);
export type Measure = z.infer<typeof measureSchema>;
export type MeasureKind = Measure["kind"];

/** A sheet name: ≤ 31 characters, none of []:*?/\ (Excel's rules); Chinese, or Chinese and English. */
const sheetName = z.union([
  z.string().regex(/^[^[\]:*?/\\]{1,31}$/),
  z.strictObject({ "zh-CN": z.string().regex(/^[^[\]:*?/\\]{1,31}$/), "en-US": z.string().regex(/^[^[\]:*?/\\]{1,31}$/).optional() }),
]);

/** A county-wide ranking of every merged unit (强村富民指数榜, 书记述职评议排名). */
export const unitRankingSchema = z.strictObject({
  sheet: sheetName,
  title: textSchema,
  /** The value ranked: an expression over the unit … */
  by: expr.optional(),
  /** … or a composite index: components scaled 0–100 across the units, weighted (metrics.compositeIndex). */
  index: z.strictObject({ components: z.array(expr).min(1), weights: numbers }).optional(),
  /** Header of the ranked value's column. */
  header: textSchema,
  format: z.enum(FIGURE_FORMATS).default("decimal"),
  order: z.enum(RANK_ORDERS).default("desc"),
  method: z.enum(SUMMARY_RANK_METHODS).default("dense"),
  /** 后20%: units in the bottom share of the ranking (ties included) are flagged. */
  bottomShare: z.number().min(0).max(1).optional(),
  /** 星级: 5 stars at the first threshold, one fewer per threshold below (metrics.stars). */
  stars: numbers.optional(),
  /** Columns shown beside the rank (keys or headers). */
  columns: z.array(z.string().min(1)).default([]),
});
export type UnitRanking = z.infer<typeof unitRankingSchema>;

/** A list of the units for which `where` holds (候选村差一两条, 逾期未销号), with the columns chosen. */
export const unitListSchema = z.strictObject({
  sheet: sheetName,
  title: textSchema,
  where: expr,
  columns: z.array(z.string().min(1)).min(1),
});
export type UnitList = z.infer<typeof unitListSchema>;

/**
 * One row per listed column: among the units for which `among` holds, how many have `value` in that column, and the
 * share (the 达标 rate of each of the ten standards among 示范村 candidates).
 */
export const breakdownSchema = z.strictObject({
  sheet: sheetName,
  title: textSchema,
  columns: z.array(z.string().min(1)).min(1),
  value: z.union([z.string().min(1), z.number(), z.boolean()]),
  among: expr.optional(),
  /** Headers of the item, the units counted, those with the value, and the share. */
  headers: z.tuple([textSchema, textSchema, textSchema, textSchema]).default(["项目", "单位数", "个数", "占比"]),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const summarySchema = z.strictObject({
  /** The 乡镇汇总 title: {county} and {year} are filled in. */
  title: textSchema,
  /** The detail sheet's title. */
  detailTitle: textSchema.optional(),
  /** A note under the titles (unit, definitions). */
  note: textSchema.optional(),
  /** The 说明 of the 全县合计 line when some township is not merged completely. */
  countyNote: textSchema.optional(),
  /** Values computed for each merged unit and kept with it (a flag measures count), e.g. counted as eliminated. */
  derived: z.array(z.strictObject({ key, expr })).default([]),
  measures: z.array(measureSchema).min(1),
  /** Ranking of the townships by one measure. */
  rank: z
    .strictObject({
      measure: key,
      order: z.enum(RANK_ORDERS).default("desc"),
      method: z.enum(SUMMARY_RANK_METHODS).default("dense"),
      header: textSchema.optional(),
      /** 说明 of a merged township whose measure cannot be computed (default: says so, naming the measure). */
      unrankedNote: textSchema.optional(),
      /** 流动红黄旗: red to the top `top` ranks, yellow to the bottom `bottom` (ties included); omit for none. */
      flags: z.strictObject({ top: z.number().int().min(0).default(3), bottom: z.number().int().min(0).default(3) }).optional(),
      /** 后20% of the ranked townships, flagged. */
      bottomShare: z.number().min(0).max(1).optional(),
      /** 星级 of each ranked township from its measure. */
      stars: numbers.optional(),
    })
    .optional(),
  unitRankings: z.array(unitRankingSchema).default([]),
  lists: z.array(unitListSchema).default([]),
  breakdowns: z.array(breakdownSchema).default([]),
  /** `xiaobo merge --json`: figures keyed by measure key (Template 1's documented fields) or by header (default). */
  jsonKeys: z.enum(["key", "header"]).default("header"),
  /** Parameters also given at the top of the JSON under another name (Template 1: operatingThreshold = operatingMin). */
  jsonParameters: z.record(z.string(), key).default({}),
});
export type Summary = z.infer<typeof summarySchema>;
