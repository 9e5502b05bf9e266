/**
 * 核实性审核: a warning on a row is explained when the row's 备注 says something real. Boilerplate (核实无误, 已核实, 属实,
 * 正常, 无 …) does not count, and neither does what is left of a remark after removing boilerplate and punctuation when it
 * is shorter than the template's minLength (4 characters by default): "已核实，无误" and "情况属实" are not explanations,
 * "新建厂房出租，租金增加" is.
 */
import { compactText, type CompiledTemplate } from "../templates";
import type { Issue, IssueCode } from "./report";
import type { RowTable } from "./row-table";

/**
 * Warnings a remark cannot clear: they are about the form, not the figures, and are fixed in a moment (a number
 * typed as text, a number with too many decimals, a missing 合计 row). A blank row is one of them by construction as
 * well: it has no 备注 of its own (a row with only a 备注 is not blank, it is a village row with empty required cells),
 * so nothing can explain it; delete the row. A hidden row or a name differing from the registry is about a village
 * that has a 备注 cell, where the clerk can say why (撤并村, 更名) — those are explainable.
 */
const NOT_EXPLAINABLE: ReadonlySet<IssueCode> = new Set<IssueCode>(["text-number", "decimals", "blank-row", "total-missing"]);
const PUNCTUATION = /[\p{P}\p{S}\d]/gu;

export function isExplanation(text: string, ct: CompiledTemplate): boolean {
  const e = ct.template.explanation;
  if (!e) return false;
  let s = compactText(text).toLowerCase().replace(PUNCTUATION, "");
  for (const phrase of ct.boilerplate) if (s.includes(phrase)) s = s.split(phrase).join("");
  return [...s].length >= e.minLength;
}

/** Sets `explained` on every explainable warning whose row has a real explanation. */
export function markExplained(issues: Issue[], rows: RowTable, ct: CompiledTemplate): void {
  const explained = explainer(rows, ct);
  for (const issue of issues) {
    if (issue.severity === "warning" && issue.row !== undefined && !issue.omitted && explained(issue.code, issue.row)) issue.explained = true;
  }
}

/** Whether a warning of `code` on sheet row `row` (1-based) is explained by the row's 备注. */
export function explainer(rows: RowTable, ct: CompiledTemplate): (code: IssueCode, row: number) => boolean {
  const e = ct.template.explanation;
  if (!e) return () => false;
  let byRow: Map<number, number> | undefined;
  const verdict = new Map<number, boolean>();
  return (code, row) => {
    if (NOT_EXPLAINABLE.has(code)) return false;
    let ok = verdict.get(row);
    if (ok === undefined) {
      if (!byRow) {
        byRow = new Map();
        for (let j = 0; j < rows.length; j++) byRow.set(rows.row[j], j);
      }
      const j = byRow.get(row);
      const remark = j === undefined ? undefined : rows.value(j, e.column);
      ok = typeof remark === "string" && isExplanation(remark, ct);
      verdict.set(row, ok);
    }
    return ok;
  };
}
