/**
 * The registry of issue codes, as frictionless keeps its error classes: every code XiaoBo reports is defined here
 * and only here, with its severity (or its named variants, each with its own severity and message), the stage it
 * comes from, and its description and fix in addin/i18n (codes.<code>.title / .fix). Call sites name a code and a
 * variant; they never choose a severity. docs/问题代码.md is generated from this table (npm run codes).
 */
import type { MessageKey } from "../i18n";

export type Severity = "error" | "warning";

/** file: reading and locating the table; cell: a cell or row of the table; merge: a file at the county merge; rejected: why a row was not merged; reconcile: the summary's self-check. */
export type CodeStage = "file" | "cell" | "merge" | "rejected" | "reconcile";

export interface CodeVariant {
  severity: Severity;
  /** The message; absent where the text comes from elsewhere (a reader's own explanation of an unreadable file). */
  message?: MessageKey;
}

interface CodeSpec {
  stage: CodeStage;
  variants: Record<string, CodeVariant>;
}

const error = (message?: MessageKey): CodeVariant => ({ severity: "error", message });
const warning = (message: MessageKey): CodeVariant => ({ severity: "warning", message });

export const ISSUE_REGISTRY = {
  unreadable: { stage: "file", variants: { unreadable: error() } },
  "internal-error": { stage: "file", variants: { internalError: error("validate.internalError") } },
  "sheet-not-found": { stage: "file", variants: { sheetNotFound: error("validate.sheetNotFound") } },
  "header-not-found": { stage: "file", variants: { headerNotFound: error("validate.headerNotFound") } },
  "missing-column": { stage: "file", variants: { missingColumn: error("validate.missingColumn") } },
  "duplicate-column": { stage: "file", variants: { duplicateColumn: error("validate.duplicateColumn") } },
  required: { stage: "cell", variants: { required: error("validate.required"), requiredWhen: error("validate.requiredWhen") } },
  type: {
    stage: "cell",
    variants: { notNumber: error("validate.notNumber"), notInteger: error("validate.notInteger"), notYear: error("validate.notYear"), notDate: error("validate.notDate") },
  },
  range: {
    stage: "cell",
    variants: {
      belowMin: error("validate.belowMin"),
      aboveMax: error("validate.aboveMax"),
      dateBeforeMin: error("validate.dateBeforeMin"),
      dateAfterMax: error("validate.dateAfterMax"),
      yearAfterReport: error("validate.yearAfterReport"),
      yearInFuture: error("validate.yearInFuture"),
    },
  },
  enum: { stage: "cell", variants: { enum: error("validate.enum"), yesNo: error("validate.yesNo") } },
  pattern: { stage: "cell", variants: { pattern: error("validate.pattern") } },
  "code-format": {
    stage: "cell",
    variants: { codeScientific: error("validate.codeScientific"), codeTruncated: error("validate.codeTruncated"), codeLength: error("validate.codeLength") },
  },
  // The hint variants name the registry's code for the village the row is named for (so the clerk need not look it up).
  "unknown-village": { stage: "cell", variants: { unknownVillage: error("validate.unknownVillage"), unknownVillageHint: error("validate.unknownVillage.hint") } },
  "wrong-township": { stage: "cell", variants: { wrongTownship: error("validate.wrongTownship"), wrongTownshipHint: error("validate.wrongTownship.hint") } },
  "duplicate-village": { stage: "cell", variants: { duplicateVillage: error("validate.duplicateVillage"), duplicateValue: error("validate.duplicateValue") } },
  "missing-village": { stage: "cell", variants: { missingVillage: error("validate.missingVillage") } },
  "registry-mismatch": { stage: "cell", variants: { registryMismatch: error("validate.registryMismatch") } },
  "name-mismatch": { stage: "cell", variants: { nameMismatch: warning("validate.nameMismatch") } },
  // A template rule carries its own severity: the template, not the call site, chooses.
  rule: { stage: "cell", variants: { error: error("validate.rule"), warning: warning("validate.rule") } },
  "computed-mismatch": { stage: "cell", variants: { computedMismatch: error("validate.computedMismatch") } },
  // 是否已消薄 = 是 while not 达标 blocks the file; the other two need a written explanation (docs/domain.md).
  "elimination-inconsistent": {
    stage: "cell",
    variants: {
      eliminatedNotMet: error("validate.eliminatedNotMet"),
      metNotEliminated: warning("validate.metNotEliminated"),
      yearNotEliminated: warning("validate.yearNotEliminated"),
    },
  },
  // The template's totals.missing chooses.
  "total-missing": { stage: "file", variants: { error: error("validate.totalMissing"), warning: warning("validate.totalMissing") } },
  "total-mismatch": { stage: "cell", variants: { totalMismatch: error("validate.totalMismatch"), totalBlank: error("validate.totalBlank") } },
  "formula-error": { stage: "cell", variants: { formulaError: error("validate.formulaError") } },
  "formula-uncalculated": { stage: "cell", variants: { formulaUncalculated: error("validate.formulaUncalculated") } },
  decimals: { stage: "cell", variants: { decimals: warning("validate.decimals") } },
  "blank-row": { stage: "cell", variants: { blankRow: warning("validate.blankRow") } },
  "hidden-row": { stage: "cell", variants: { hiddenRow: warning("validate.hiddenRow") } },
  "text-number": { stage: "cell", variants: { textNumber: warning("validate.textNumber") } },
  "yoy-change": { stage: "cell", variants: { yoyChange: warning("validate.yoyChange") } },
  "unknown-township": {
    stage: "merge",
    variants: {
      unknownTownship: error("validate.unknownTownship"),
      notInRegistry: error("merge.issue.townshipNotInRegistry"),
      undetermined: error("merge.issue.unknownTownship"),
    },
  },
  "duplicate-township": { stage: "merge", variants: { duplicateTownship: error("merge.issue.duplicateTownship") } },
  "row-file-rejected": { stage: "rejected", variants: { fileRejected: error() } },
  "row-errors": { stage: "rejected", variants: { rowErrors: error("merge.reason.rowErrors"), unspecified: error("merge.reason.rowErrorsUnspecified") } },
  "row-no-code": { stage: "rejected", variants: { noCode: error("merge.reason.noCode") } },
  "row-not-in-registry": { stage: "rejected", variants: { notInRegistry: error("merge.reason.notInRegistry") } },
  "row-not-number": { stage: "rejected", variants: { notNumber: error("merge.reason.notNumber") } },
  "row-duplicate-village": { stage: "rejected", variants: { duplicateVillage: error("merge.reason.duplicateVillage") } },
  "row-wrong-township": { stage: "rejected", variants: { wrongTownship: error("merge.reason.wrongTownship") } },
  "reconcile-township": {
    stage: "reconcile",
    variants: {
      figure: error("merge.reconcile.township"),
      notMergedFigure: error("merge.reconcile.notMergedFigure"),
      incompleteMerged: error("merge.reconcile.incompleteMerged"),
      rankedPartial: error("merge.reconcile.rankedPartial"),
    },
  },
  "reconcile-county": { stage: "reconcile", variants: { fromTownships: error("merge.reconcile.county"), fromDetail: error("merge.reconcile.countyDetail") } },
  "reconcile-rows": {
    stage: "reconcile",
    variants: {
      noReason: error("merge.reconcile.noReason"),
      unknownSource: error("merge.reconcile.unknownSource"),
      rowTwice: error("merge.reconcile.rowTwice"),
      rowCount: error("merge.reconcile.rowCount"),
    },
  },
  "reconcile-registry": {
    stage: "reconcile",
    variants: { villageOutside: error("merge.reconcile.villageOutside"), registryValue: error("merge.reconcile.registryValue"), villageTwice: error("merge.reconcile.villageTwice") },
  },
} as const satisfies Record<string, CodeSpec>;

type Registry = typeof ISSUE_REGISTRY;
export type AnyCode = keyof Registry;
type CodesOf<S extends CodeStage> = { [C in AnyCode]: Registry[C]["stage"] extends S ? C : never }[AnyCode];
/** Codes of problems in a file (its issues). */
export type IssueCode = CodesOf<"file" | "cell" | "merge">;
/** Why a row was not merged. */
export type RejectCode = CodesOf<"rejected">;
/** A reconciliation failure. */
export type ReconcileCode = CodesOf<"reconcile">;
export type VariantOf<C extends AnyCode> = keyof Registry[C]["variants"] & string;

export const ISSUE_CODES = (Object.keys(ISSUE_REGISTRY) as AnyCode[]).filter((c) => ["file", "cell", "merge"].includes(ISSUE_REGISTRY[c].stage)) as IssueCode[];

/** The severity and message of one variant of a code. */
export function variantOf<C extends AnyCode>(code: C, variant: VariantOf<C>): CodeVariant {
  return (ISSUE_REGISTRY[code].variants as Record<string, CodeVariant>)[variant];
}
