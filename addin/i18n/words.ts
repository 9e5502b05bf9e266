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
