/**
 * The county summary (汇总) of a template, as data: what each township's line shows (measures), how townships are
 * ranked and flagged, the county-wide rankings of every unit (village or branch), and lists. addin/merge computes it;
 * every number comes from addin/metrics, the same functions the =XB.… worksheet functions call. docs/templates.md
 * explains every field with a worked example.
 *
 * Expressions here are over one merged unit (a row: its columns by key, with the registry's values for the columns linked
 * to the registry) and the template's parameters, as in rules; `{表头}` names a column by its header.
 */
import { BREAKDOWN_HEADERS, GOAL_LABELS, TARGET_HEADER } from "../i18n";
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
  key: key.describe("指标的英文键名：ratio、goal、rank 按它引用，jsonKeys 为 key 时也是 JSON 里的名字"),
  /** The column header in the workbook and the pane; `{参数}` inserts a parameter (经营性收入≥{operatingMin}万元村数). */
  header: textSchema.describe("汇总表里的列名；{参数名} 插入参数值（如 经营性收入≥{operatingMin}万元村数）"),
  format: z.enum(FIGURE_FORMATS).optional().describe("显示格式：integer 整数、money 金额（按分累加）、decimal 两位小数、percent 百分比、goal 达到/未达到"),
  /** Shown after the header in the command-line table (万元). */
  unit: z.string().min(1).optional().describe("命令行表格里写在列名后的单位（如 万元）"),
  /** Shown in the command-line table (default: every shown measure when none is marked). */
  cli: z.boolean().optional().describe("在命令行表格中显示（都没标时显示全部）"),
  /** Computed and reconciled, but not shown in the tables. */
  hidden: z.boolean().default(false).describe("只计算和核对，不在表格中显示"),
  /** Rounded to this many decimals (half away from zero) as officially reported, before ranking on it. */
  decimals: z.number().int().min(0).max(10).optional().describe("按此位数四舍五入后报告（并据此排名），如综合得分均值保留 2 位"),
};
/** A measure kind, described. */
const kind = <K extends string>(k: K) => z.literal(k);

export const measureSchema = z.discriminatedUnion("kind", [
  /** From the registry, for every township whatever it sent: 村数, 薄弱村基数. */
  z.strictObject({
    ...measureBase,
    kind: kind("registry").describe("村名册数：不论是否报送"),
    of: z.enum(["villages", "weakBaseline"]).describe("villages 村数，weakBaseline 薄弱村基数"),
  }),
  /** A township's number from a targets CSV column (年度消薄任务数, or any column the county adds). */
  z.strictObject({
    ...measureBase,
    kind: kind("target").describe("任务数：取自 --targets 表的一列"),
    column: z.string().min(1).default(TARGET_HEADER).describe("任务表中的列名（默认 年度消薄任务数）"),
  }),
  /** Units merged (已报村数): 0 when nothing was merged. */
  z.strictObject({ ...measureBase, kind: kind("reported").describe("已汇总的行数（已报村数、台账数）") }),
  /** Units merged for which `where` holds (已消除数, 好 等次的个数). */
  z.strictObject({ ...measureBase, kind: kind("count").describe("满足条件的行数"), where: expr.describe("条件表达式") }),
  /** Σ of a value over the units merged (blank values add nothing). Money is summed in cents. */
  z.strictObject({ ...measureBase, kind: kind("sum").describe("求和（空值不计）"), of: expr.describe("求和的值（列或表达式）") }),
  /** Mean of a value over the units merged that have one (综合得分均值, 村均经营性收入). */
  z.strictObject({ ...measureBase, kind: kind("mean").describe("平均（只计有值的行）"), of: expr.describe("求平均的值（列或表达式）") }),
  /** Share of the units merged (or of those for which `among` holds) for which `where` holds. */
  z.strictObject({
    ...measureBase,
    kind: kind("share").describe("占比：满足 where 的行占（满足 among 的）行的比例"),
    where: expr.describe("分子的条件"),
    among: expr.optional().describe("分母的条件（默认全部已汇总的行）"),
  }),
  /** One measure ÷ another (消除率 = 已消除数 ÷ 薄弱村基数), for the county too: never an average of rates. */
  z.strictObject({
    ...measureBase,
    kind: kind("ratio").describe("两个指标之比；全县也由分子分母之和重算，不平均各乡镇的比率"),
    numerator: key.describe("分子指标的 key"),
    denominator: key.describe("分母指标的 key"),
  }),
  /** Whether a measure reaches a goal (示范村占比 ≥ 10%): shown as 达到 / 未达到. `atLeast`: a number or a parameter. */
  z.strictObject({
    ...measureBase,
    kind: kind("goal").describe("目标：某指标是否达到 atLeast"),
    measure: key.describe("看哪个指标（key）"),
    atLeast: z.union([z.number(), key]).describe("目标值：数字或参数名"),
    labels: z.tuple([z.string().min(1), z.string().min(1)]).default([...GOAL_LABELS]).describe("达到和未达到时显示的文字"),
  }),
]).describe("一个汇总指标（乡镇汇总表的一列）");
export type Measure = z.infer<typeof measureSchema>;
export type MeasureKind = Measure["kind"];

/** A sheet name: ≤ 31 characters, none of []:*?/\ (Excel's rules); Chinese, or Chinese and English. */
const sheetName = z.union([
  z.string().regex(/^[^[\]:*?/\\]{1,31}$/),
  z.strictObject({ "zh-CN": z.string().regex(/^[^[\]:*?/\\]{1,31}$/), "en-US": z.string().regex(/^[^[\]:*?/\\]{1,31}$/).optional() }),
]);

/** The sheet a ranking, list or breakdown gets, and its title. */
const sheetOfItsOwn = {
  sheet: sheetName.describe("工作表名"),
  title: textSchema.describe("标题，{county}{year} 换成县名和年度"),
};

/** A county-wide ranking of every merged unit (强村富民指数榜, 书记述职评议排名). */
export const unitRankingSchema = z
  .strictObject({
    ...sheetOfItsOwn,
    /** The value ranked: an expression over the unit … */
    by: expr.optional().describe("按什么排名：表达式（与 index 二选一）"),
    /** … or a composite index: components scaled 0–100 across the units, weighted (metrics.compositeIndex). */
    index: z
      .strictObject({
        components: z.array(expr).min(1).describe("各分项（表达式），各自在全县折算为 0–100"),
        weights: numbers.describe("各分项的权重：数字列表或参数名"),
      })
      .optional()
      .describe("综合指数：各分项折算为 0–100 后加权（与 by 二选一）"),
    /** Header of the ranked value's column. */
    header: textSchema.describe("排名所依据的值的列名"),
    format: z.enum(FIGURE_FORMATS).default("decimal").describe("该值的显示格式"),
    /** The value is rounded to this many decimals before it is ranked and shown (default: 2, 0 for integer, 4 for percent). */
    decimals: z.number().int().min(0).max(10).optional().describe("排名前先按此位数四舍五入（默认两位小数；整数 0 位，百分比 4 位）"),
    order: z.enum(RANK_ORDERS).default("desc").describe("desc 大的在前，asc 小的在前"),
    method: z.enum(SUMMARY_RANK_METHODS).default("dense").describe("dense 中国式排名（并列不占名次），competition 并列占名次"),
    /** 后20%: units in the bottom share of the ranking (ties included) are flagged. */
    bottomShare: z.number().min(0).max(1).optional().describe("后 N%：排名最后这一比例（含并列）的标出，0.2 即后20%"),
    /** 星级: 5 stars at the first threshold, one fewer per threshold below (metrics.stars). */
    stars: numbers.optional().describe("星级门槛：达到第一个为 5 星，每低一档少 1 星；数字列表或参数名"),
    /** Columns shown beside the rank (keys or headers). */
    columns: z.array(z.string().min(1)).default([]).describe("排名表里另外显示的列（键名或表头）"),
  })
  .describe("全县逐村（单位）排名表");
export type UnitRanking = z.infer<typeof unitRankingSchema>;

/** A list of the units for which `where` holds (候选村差一两条, 逾期未销号), with the columns chosen. */
export const unitListSchema = z
  .strictObject({
    ...sheetOfItsOwn,
    where: expr.describe("列入名单的条件"),
    columns: z.array(z.string().min(1)).min(1).describe("名单里显示的列（键名或表头），乡镇、代码、名称总会显示"),
  })
  .describe("名单：满足条件的村（单位）");
export type UnitList = z.infer<typeof unitListSchema>;

/**
 * One row per listed column: among the units for which `among` holds, how many have `value` in that column, and the
 * share (the 达标 rate of each of the ten standards among 示范村 candidates).
 */
export const breakdownSchema = z
  .strictObject({
    ...sheetOfItsOwn,
    columns: z.array(z.string().min(1)).min(1).describe("逐列统计的列（键名或表头），每列一行"),
    value: z.union([z.string().min(1), z.number(), z.boolean()]).describe("统计等于此值的个数（如 \"达标\"、true）"),
    among: expr.optional().describe("只在满足此条件的村（单位）中统计"),
    /** Headers of the item, the units counted, those with the value, and the share. */
    headers: z.tuple([textSchema, textSchema, textSchema, textSchema]).default([...BREAKDOWN_HEADERS]).describe("四列的列名：项目、单位数、个数、占比"),
  })
  .describe("分项统计：每列一行，统计取某值的个数和占比");
export type Breakdown = z.infer<typeof breakdownSchema>;

export const summarySchema = z
  .strictObject({
    /** The 乡镇汇总 title: {county} and {year} are filled in. */
    title: textSchema.describe("乡镇汇总表标题，{county}{year} 换成县名和年度"),
    /** The detail sheet's title. */
    detailTitle: textSchema.optional().describe("明细表标题"),
    /** A note under the titles (unit, definitions). */
    note: textSchema.optional().describe("标题下的说明行（单位、口径）"),
    /** The 说明 of the 全县合计 line when some township is not merged completely. */
    countyNote: textSchema.optional().describe("有乡镇未完整汇总时，全县合计行的说明"),
    /** Values computed for each merged unit and kept with it (a flag measures count), e.g. counted as eliminated. */
    derived: z
      .array(z.strictObject({ key: key.describe("派生值的名字，之后的表达式按它引用"), expr: expr.describe("对每个已汇总的行计算的表达式") }))
      .default([])
      .describe("派生值：对每个已汇总的行算出并保存的值（如“逾期未销号”），供指标、排名、名单使用"),
    measures: z.array(measureSchema).min(1).describe("乡镇汇总表的各指标，按列的顺序"),
    /** Ranking of the townships by one measure. */
    rank: z
      .strictObject({
        measure: key.describe("按哪个指标（key）给乡镇排名"),
        order: z.enum(RANK_ORDERS).default("desc").describe("desc 大的在前，asc 小的在前"),
        method: z.enum(SUMMARY_RANK_METHODS).default("dense").describe("dense 中国式排名，competition 并列占名次"),
        header: textSchema.optional().describe("排名列的列名"),
        /** 说明 of a merged township whose measure cannot be computed (default: says so, naming the measure). */
        unrankedNote: textSchema.optional().describe("已汇总但指标算不出（不参与排名）的乡镇的说明"),
        /** Which townships are ranked: complete ones (merged) by default; partial ones too when listed (their figures count only what was merged). */
      statuses: z.array(z.enum(["merged", "partial"])).min(1).default(["merged"]).describe("参与排名的乡镇：merged 完整汇总的（默认）；加上 partial 则部分汇总的也参与"),
      /** 流动红黄旗: red to the top `top` ranks, yellow to the bottom `bottom` (ties included); omit for none. */
        flags: z
          .strictObject({
            top: z.number().int().min(0).default(3).describe("前几名得红旗"),
            bottom: z.number().int().min(0).default(3).describe("后几名得黄旗"),
          })
          .optional()
          .describe("流动红黄旗（含并列）；不写则不评"),
        /** 后20% of the ranked townships, flagged. */
        bottomShare: z.number().min(0).max(1).optional().describe("后 N%：排名最后这一比例的乡镇标出，0.2 即后20%"),
        /** 星级 of each ranked township from its measure. */
        stars: numbers.optional().describe("星级门槛：数字列表或参数名"),
      })
      .optional()
      .describe("乡镇排名、红黄旗、后20%、星级"),
    unitRankings: z.array(unitRankingSchema).default([]).describe("全县逐村（单位）排名表，每个一张工作表"),
    lists: z.array(unitListSchema).default([]).describe("名单，每个一张工作表"),
    breakdowns: z.array(breakdownSchema).default([]).describe("分项统计，每个一张工作表"),
    /** `xiaobo merge --json`: figures keyed by measure key (Template 1's documented fields) or by header (default). */
    jsonKeys: z.enum(["key", "header"]).default("header").describe("xiaobo merge --json 里各指标的名字：header 用列名（默认），key 用键名"),
    /** Parameters also given at the top of the JSON under another name (Template 1: operatingThreshold = operatingMin). */
    jsonParameters: z.record(z.string(), key).default({}).describe("在 --json 顶层另外输出的参数：{ JSON 中的名字: 参数名 }"),
  })
  .describe("县级汇总：乡镇指标、排名和红黄旗、逐村排名、名单、分项统计");
export type Summary = z.infer<typeof summarySchema>;
