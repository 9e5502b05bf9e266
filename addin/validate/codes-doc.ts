/** docs/问题代码.md, made from the code registry (addin/validate/codes.ts) and its words in addin/i18n/codes.ts. */
import { t, type Locale, type MessageKey } from "../i18n";
import { ISSUE_REGISTRY, type AnyCode, type CodeStage, type CodeVariant } from "./codes";

const STAGES: CodeStage[] = ["file", "cell", "merge", "rejected", "reconcile"];

function severities(variants: Record<string, CodeVariant>, locale: Locale): string {
  const named = Object.entries(variants);
  const kinds = new Set(named.map(([, v]) => v.severity));
  if (kinds.size === 1) return t(`codes.doc.${[...kinds][0]}`, {}, locale);
  // Variants named error and warning: the template (a rule's severity, totals.missing) chooses.
  if (named.length === 2 && "error" in variants && "warning" in variants) return t("codes.doc.byTemplate", {}, locale);
  return t("codes.doc.byCase", {}, locale);
}

const cellText = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function issueCodesMarkdown(locale: Locale = "zh-CN"): string {
  const lines = [`# ${t("codes.doc.title", {}, locale)}`, "", t("codes.doc.intro", {}, locale), ""];
  for (const stage of STAGES) {
    lines.push(`## ${t(`codes.doc.stage.${stage}`, {}, locale)}`, "", t("codes.doc.columns", {}, locale), "|---|---|---|---|");
    for (const code of Object.keys(ISSUE_REGISTRY) as AnyCode[]) {
      const spec = ISSUE_REGISTRY[code];
      if (spec.stage !== stage) continue;
      const title = t(`codes.${code}.title` as MessageKey, {}, locale);
      const fix = t(`codes.${code}.fix` as MessageKey, {}, locale);
      lines.push(`| \`${code}\` | ${cellText(title)} | ${severities(spec.variants, locale)} | ${cellText(fix)} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
