/**
 * The words XiaoBo matches in files and formulas (as opposed to the words it shows, in the catalogue), and the one
 * reader of 是/否.
 */
export const YES = "是";
export const NO = "否";

/** How a 是/否 was written: as the word, or as a logical value (TRUE/FALSE, Y/N, 1/0, a boolean cell). */
export type YesNoForm = "word" | "logical";

const LOGICAL: Record<string, boolean> = { TRUE: true, FALSE: false, Y: true, N: false, "1": true, "0": false };

/**
 * Reads 是/否: null when blank, undefined when it is neither; otherwise the answer and how it was written, so that a
 * submission can insist on the word (a template's 是/否 column) while a formula also takes TRUE/FALSE. Full-width
 * letters and stray spaces are forgiven.
 */
export function readYesNo(v: unknown): { value: boolean; form: YesNoForm } | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return { value: v, form: "logical" };
  if (typeof v === "number") return v === 1 || v === 0 ? { value: v === 1, form: "logical" } : undefined;
  if (typeof v !== "string") return undefined;
  const s = v === YES || v === NO ? v : v.normalize("NFKC").replace(/\s+/g, "");
  if (s === "") return null;
  if (s === YES || s === NO) return { value: s === YES, form: "word" };
  const logical = LOGICAL[s.toUpperCase()];
  return logical === undefined ? undefined : { value: logical, form: "logical" };
}

/** Units a header may carry in brackets (总收入（万元）), stripped before headers are matched. */
export const HEADER_UNITS = ["万元", "元", "个", "户", "人", "%", "年", "万"] as const;
/** The money unit of the built-in reports, and the short form a clerk also types after a number (12.5万). */
export const MONEY_UNIT = "万元";
export const MONEY_UNIT_SHORT = "万";
/** What may follow a year typed as text (2023年, 2023年度). */
export const YEAR_SUFFIXES = ["年度", "年"] as const;
/** The report year in a title row: （2026年度）. */
export const REPORT_YEAR = /(\d{4})\s*年度/;
/** 2026年6月30日 (or 号): the Chinese way of writing a date, after the year. */
export const DATE_WORDS = { year: "年", month: "月", days: "日号" } as const;
/** Words in a table's first columns that mark its total row, a subtotal row, and the footer (填表人：…). */
export const TOTAL_LABELS = ["合计", "总计"] as const;
export const TOTAL_LABEL = TOTAL_LABELS[0];
export const SUBTOTAL_LABELS = ["小计"] as const;
export const FOOTER_WORDS = ["填表人", "审核人", "联系电话", "制表人", "负责人", "填报人", "单位负责人"] as const;
/** The words a summary writes by default: a goal met or not, and the headers of a breakdown. */
export const GOAL_LABELS = ["达到", "未达到"] as const;
export const BREAKDOWN_HEADERS = ["项目", "单位数", "个数", "占比"] as const;
/** 甲 乙 丙 …: the column numbers some forms put under the header (with 1 2 3 …). */
export const COLUMN_NUMBER_CHARS = "甲乙丙丁戊己庚辛壬癸";
/** Endings of a village's name that registries and clerks drop or add (黄埠村委会 = 黄埠村 = 黄埠). */
export const VILLAGE_NAME_SUFFIXES = ["村民委员会", "居民委员会", "村委会", "居委会", "社区", "村"] as const;
/** The columns of the county's registry (村名册) and targets CSV, by their Chinese headers. */
export const REGISTRY_HEADERS = { townshipCode: "乡镇代码", townshipName: "乡镇名称", code: "村代码", name: "村名称", weak: "薄弱村基数" } as const;
/** Template 1's target column in the targets CSV. */
export const TARGET_HEADER = "年度消薄任务数";
/** Ranking methods and sort orders as a formula may name them (=XB.RANKS(…, "中国式")). */
export const RANK_METHOD_WORDS = { "中国式": "dense", "中国式排名": "dense", "美式": "competition", "平均": "average", "顺序": "ordinal" } as const;
export const ORDER_WORDS = { "降序": true, "升序": false } as const;
