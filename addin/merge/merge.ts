import { getLocale, type Locale } from "../i18n";
import { DEFAULT_STANDARD } from "../metrics";
import { builtinTemplate, compileTemplate, type Template } from "../templates";
import type { FileReport, Issue } from "../validate";
import { sortFiles } from "./files";
import { UnitColumns } from "./measure-columns";
import { sortRows } from "./rows";
import { effectiveParameters, unitScope } from "./scope";
import { mergeText } from "./text";
import { countyLine, rankTownships, townshipLines } from "./townships";
import { rankUnits } from "./unit-rankings";
import { buildUnits } from "./units";
import type { CountySummary, MergeOptions, RejectedFile } from "./types";

/** Template 1's 经营性收入 threshold when neither the options nor the template give one (万元). */

/** The template whose summary is made: the given one; Template 1 when none; an object without columns lends its parameters to Template 1. */
function templateOf(given: Template | undefined): Template {
  if (given && Array.isArray(given.columns)) return given;
  const t1 = builtinTemplate("village-economy");
  return given?.parameters ? { ...t1, parameters: { ...t1.parameters, ...given.parameters } } : t1;
}

/**
 * Consolidates validated township files into the county summary (汇总) the template declares: a short pipeline of
 * named steps.
 *
 * Policy (docs/templates.md, docs/decisions.md):
 * - A file with errors is not merged (its township is 未通过审核 and every row is rejected as 文件未通过审核),
 *   unless `allowErrors`: then its rows without errors are merged and rows with errors rejected with their messages.
 * - A registry township with no file is 未报送. Two or more readable files for one township are all rejected
 *   (duplicate-township issue naming the others): the merge never picks one silently.
 * - A file whose township is unknown or not in the registry is rejected (unknown-township); an unreadable file is
 *   listed with its reason.
 * - Row by row, whatever validation said, only a registry village of the file's own township, with numbers where the
 *   template has numbers, is merged; a village code that would be merged twice is rejected every time it appears.
 * - Registry-linked values (薄弱村基数, names) are always the registry's, never the file's.
 * - A township whose file was merged but not completely (with errors under allowErrors or, when every village is to be
 *   reported, some registry villages not merged) is `partial`: its figures count what was merged, and it is not
 *   ranked or flagged (unless `rankPartial`), since its figures are not comparable with the complete townships'.
 * - A failed or missing township has no figures but its registry and target ones: null (blank), never a made-up 0.
 *   全县合计 is computed from the units, so it counts what was merged; ratios are recomputed from the county's parts.
 * Every input row ends in `detail` or in `rejected` (with a reason): see reconcile().
 */
export function mergeSubmissions(reports: readonly FileReport[], options: MergeOptions): CountySummary {
  const locale: Locale = options.locale ?? getLocale();
  const text = mergeText(reports, locale);
  const registry = options.registry;
  const allowErrors = !!options.allowErrors;
  const template = templateOf(options.template);
  const ct = compileTemplate(template);
  const rankPartial = !!options.rankPartial || !!ct.summary.spec.rank?.statuses.includes("partial");
  const overrides = { ...options.parameters };
  if (options.operatingThreshold !== undefined) overrides.operatingMin = options.operatingThreshold;
  const parameters = effectiveParameters(ct, overrides);
  const us = unitScope(ct, parameters);

  const sorting = sortFiles(reports, registry, allowErrors, text);
  const { accepted, rejected } = sortRows(reports, ct, sorting, registry, text);
  const detail = buildUnits(accepted, registry, reports, ct, sorting, us);
  const targets = { targets: options.targets ?? {}, columns: options.targetColumns ?? {} };
  // The units' values of each key read once, for the townships' figures and the unit rankings alike.
  const columns = new UnitColumns(detail);
  const { lines: townships, parts } = townshipLines(registry, reports, sorting, detail, ct.summary, template.coverage ?? "all", targets, us, columns);
  rankTownships(townships, ct.summary, { rankPartial, flagTop: options.flagTop, flagBottom: options.flagBottom }, parameters);
  const county = countyLine(registry, townships, detail, ct.summary, us, parts);
  const unitRankings = rankUnits(detail, ct.summary, us, parameters, columns);

  const issues: Issue[] = [];
  reports.forEach((r, i) => {
    for (const x of r.issues) issues.push(x);
    for (const x of sorting.extraIssues[i]) issues.push(x);
  });
  const rejectedFiles: RejectedFile[] = sorting.files
    .filter((f) => f.outcome !== "passed" && f.outcome !== "merged-with-errors")
    .map((f) => ({ file: f.file, outcome: f.outcome as RejectedFile["outcome"], reason: f.reason }));
  const threshold = parameters.operatingMin;
  return {
    townships,
    county,
    detail,
    rejected,
    files: sorting.files,
    rejectedFiles,
    issues,
    operatingThreshold: typeof threshold === "number" ? threshold : DEFAULT_STANDARD.operatingMin,
    template,
    parameters,
    unitRankings,
    allowErrors,
    rankPartial,
    locale,
    registry,
  };
}
