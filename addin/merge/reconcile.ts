import { t, type MessageKey, type Params } from "../i18n";
import { averagePerVillage, eliminationRate, shareAtLeast, taskCompletionRate, toCents } from "./figures";
import type { CountySummary, MergedVillage, TownshipSummary } from "./types";

type Figure =
  | "villages"
  | "weakBaseline"
  | "reported"
  | "eliminated"
  | "eliminationRate"
  | "target"
  | "taskCompletionRate"
  | "totalIncome"
  | "operatingIncome"
  | "subsidyIncome"
  | "averageOperatingIncome"
  | "atThreshold"
  | "atThresholdShare";

const FIGURE_LABEL: Record<Figure, MessageKey> = {
  villages: "merge.col.villages",
  weakBaseline: "merge.col.weakBaseline",
  reported: "merge.col.reported",
  eliminated: "merge.col.eliminated",
  eliminationRate: "merge.col.eliminationRate",
  target: "merge.col.target",
  taskCompletionRate: "merge.col.taskCompletionRate",
  totalIncome: "merge.col.totalIncome",
  operatingIncome: "merge.col.operatingIncome",
  subsidyIncome: "merge.col.subsidy",
  averageOperatingIncome: "merge.col.averageOperating",
  atThreshold: "merge.col.atThreshold",
  atThresholdShare: "merge.col.atThresholdShare",
};
/** Compared in integer cents. */
const MONEY: ReadonlySet<Figure> = new Set(["totalIncome", "operatingIncome", "subsidyIncome"]);
/** Null for a township that was not merged. */
const MERGED_ONLY: readonly Figure[] = [
  "eliminated", "eliminationRate", "taskCompletionRate", "totalIncome", "operatingIncome", "subsidyIncome",
  "averageOperatingIncome", "atThreshold", "atThresholdShare",
];

interface Sums {
  reported: number;
  eliminated: number;
  /** In cents. */
  totalIncome: number;
  operatingIncome: number;
  subsidyIncome: number;
  atThreshold: number;
  operatingValues: number[];
}

function sumDetail(rows: readonly MergedVillage[], baseline: (code: string) => boolean, threshold: number): Sums {
  const s: Sums = { reported: 0, eliminated: 0, totalIncome: 0, operatingIncome: 0, subsidyIncome: 0, atThreshold: 0, operatingValues: [] };
  for (const r of rows) {
    s.reported++;
    if (baseline(r.villageCode) && r.eliminated === true) s.eliminated++;
    s.totalIncome += toCents(r.totalIncome);
    s.operatingIncome += toCents(r.operatingIncome);
    if (r.subsidyIncome !== null) s.subsidyIncome += toCents(r.subsidyIncome);
    if (r.operatingIncome >= threshold) s.atThreshold++;
    s.operatingValues.push(r.operatingIncome);
  }
  return s;
}

/** The figures that follow from merged villages, a baseline and a target, by the same functions the merge uses. */
function figuresOf(s: Sums, weakBaseline: number, target: number | null, threshold: number): Partial<Record<Figure, number | null>> {
  return {
    reported: s.reported,
    eliminated: s.eliminated,
    eliminationRate: eliminationRate(s.eliminated, weakBaseline),
    taskCompletionRate: taskCompletionRate(s.eliminated, target),
    totalIncome: s.totalIncome,
    operatingIncome: s.operatingIncome,
    subsidyIncome: s.subsidyIncome,
    averageOperatingIncome: averagePerVillage(s.operatingIncome, s.reported),
    atThreshold: s.atThreshold,
    atThresholdShare: shareAtLeast(s.operatingValues, threshold),
  };
}

/** A township's or the county's figures as they are, money in cents. */
function actualFigures(x: Omit<TownshipSummary, "code" | "name" | "status" | "failure" | "files" | "errorCount" | "warningCount" | "rejectedRows" | "rank" | "flag">): Record<Figure, number | null> {
  const cents = (v: number | null) => (v === null ? null : toCents(v));
  return {
    villages: x.villages,
    weakBaseline: x.weakBaseline,
    reported: x.reported,
    eliminated: x.eliminated,
    eliminationRate: x.eliminationRate,
    target: x.target,
    taskCompletionRate: x.taskCompletionRate,
    totalIncome: cents(x.totalIncome),
    operatingIncome: cents(x.operatingIncome),
    subsidyIncome: cents(x.subsidyIncome),
    averageOperatingIncome: x.averageOperatingIncome,
    atThreshold: x.atThreshold,
    atThresholdShare: x.atThresholdShare,
  };
}

/**
 * Checks that the summary adds up; returns every violation (empty when it reconciles), in the summary's locale:
 * - every input row (told apart by its file's input position, so same-named files are checked too) is in the detail
 *   or in the rejected list exactly once, and every rejected row has a reason;
 * - each village is in the detail at most once, under its own registry township;
 * - each merged or partial township's 已报村数, 已消除数, money (to the cent), ≥-threshold count, 村均经营性收入, 消除率,
 *   任务完成率 and share equal what its detail rows give, computed with the same metrics functions; a failed or missing
 *   township has none of these (null, shown blank) and no detail rows; its 村数 and 薄弱村基数 equal the registry's;
 *   its 退回行数 equals its files' rejected rows; only complete townships are ranked (unless rankPartial);
 * - the county totals equal the sum of the township totals (to the cent) and the detail's; its 村均经营性收入,
 *   ≥-threshold count and share, 年度任务数 (Σ townships) and rates follow from those sums.
 * The CLI refuses to write a summary that does not reconcile.
 */
export function reconcile(summary: CountySummary): string[] {
  const out: string[] = [];
  const msg = (key: MessageKey, params: Params = {}) => t(key, params, summary.locale);
  const threshold = summary.operatingThreshold;
  const label = (f: Figure) => msg(FIGURE_LABEL[f], { threshold });
  const show = (f: Figure, v: number | null | undefined) => (v === null || v === undefined ? "—" : MONEY.has(f) ? (v / 100).toFixed(2) : String(v));

  // Rows: in = merged + rejected, per input file, and each (file, sheet, row) once.
  const mergedByFile = new Map<number, number>();
  const rejectedByFile = new Map<number, number>();
  const seen = new Set<string>();
  const sources = [
    ...summary.detail.map((d) => d.source),
    ...summary.rejected.map((r) => ({ file: r.file, fileIndex: r.fileIndex, sheet: r.sheet, row: r.row })),
  ];
  summary.detail.forEach((d) => mergedByFile.set(d.source.fileIndex, (mergedByFile.get(d.source.fileIndex) ?? 0) + 1));
  summary.rejected.forEach((r) => {
    rejectedByFile.set(r.fileIndex, (rejectedByFile.get(r.fileIndex) ?? 0) + 1);
    if (!r.reason || !r.reason.trim()) out.push(msg("merge.reconcile.noReason", { file: r.file, row: r.row }));
  });
  for (const s of sources) {
    const input = summary.files[s.fileIndex];
    if (!input || input.file !== s.file) {
      out.push(msg("merge.reconcile.unknownSource", { file: s.file, row: s.row }));
      continue;
    }
    const key = `${s.fileIndex}\u0000${s.sheet ?? ""}\u0000${s.row}`;
    if (seen.has(key)) out.push(msg("merge.reconcile.rowTwice", { file: s.file, row: s.row }));
    seen.add(key);
  }
  summary.files.forEach((f, i) => {
    const merged = mergedByFile.get(i) ?? 0;
    const rejected = rejectedByFile.get(i) ?? 0;
    if (merged + rejected !== f.rows) out.push(msg("merge.reconcile.rowCount", { file: f.file, input: f.rows, merged, rejected, sum: merged + rejected }));
  });

  // Villages: once each, under their own township.
  const registryVillage = new Map<string, { township: string; weak: boolean }>();
  for (const tw of summary.registry.townships) for (const v of tw.villages) registryVillage.set(v.code, { township: tw.code, weak: v.weakBaseline });
  const villageCount = new Map<string, number>();
  for (const d of summary.detail) {
    villageCount.set(d.villageCode, (villageCount.get(d.villageCode) ?? 0) + 1);
    const reg = registryVillage.get(d.villageCode);
    if (!reg || reg.township !== d.townshipCode) out.push(msg("merge.reconcile.villageOutside", { code: d.villageCode, township: d.townshipName }));
  }
  for (const [code, n] of villageCount) if (n > 1) out.push(msg("merge.reconcile.villageTwice", { code, n }));

  // Townships against their detail rows and the registry.
  const baseline = (code: string) => registryVillage.get(code)?.weak === true;
  const detailByTownship = new Map<string, MergedVillage[]>();
  for (const d of summary.detail) {
    const list = detailByTownship.get(d.townshipCode);
    if (list) list.push(d);
    else detailByTownship.set(d.townshipCode, [d]);
  }
  const rejectedByTownship = new Map<string, number>();
  for (const r of summary.rejected) {
    const code = summary.files[r.fileIndex]?.townshipCode;
    if (code) rejectedByTownship.set(code, (rejectedByTownship.get(code) ?? 0) + 1);
  }
  const regTownship = new Map(summary.registry.townships.map((tw) => [tw.code, tw]));
  const totals = { villages: 0, weakBaseline: 0, reported: 0, eliminated: 0, totalIncome: 0, operatingIncome: 0, subsidyIncome: 0, atThreshold: 0 };
  let targets: number | null = null;
  for (const tw of summary.townships) {
    const reg = regTownship.get(tw.code);
    const sums = sumDetail(detailByTownship.get(tw.code) ?? [], baseline, threshold);
    const actual = actualFigures(tw);
    const merged = tw.status === "merged" || tw.status === "partial";
    const want: Partial<Record<Figure, number | null>> = {
      villages: reg ? reg.villages.length : 0,
      weakBaseline: reg ? reg.villages.filter((v) => v.weakBaseline).length : 0,
      ...(merged ? figuresOf(sums, tw.weakBaseline, tw.target, threshold) : { reported: sums.reported }),
    };
    for (const f of Object.keys(want) as Figure[]) {
      if (actual[f] !== want[f]) {
        out.push(msg("merge.reconcile.township", { township: tw.name, figure: label(f), value: show(f, actual[f]), expected: show(f, want[f]) }));
      }
    }
    if (!merged) {
      for (const f of MERGED_ONLY) {
        if (actual[f] !== null) out.push(msg("merge.reconcile.notMergedFigure", { township: tw.name, figure: label(f), value: show(f, actual[f]) }));
      }
    }
    const rejected = rejectedByTownship.get(tw.code) ?? 0;
    if (tw.rejectedRows !== rejected) {
      out.push(msg("merge.reconcile.township", { township: tw.name, figure: msg("merge.col.rejectedRows"), value: tw.rejectedRows, expected: rejected }));
    }
    if (tw.status === "merged" && tw.reported < tw.villages) {
      out.push(msg("merge.reconcile.incompleteMerged", { township: tw.name, reported: tw.reported, villages: tw.villages }));
    }
    const rankable = tw.status === "merged" || (summary.rankPartial && tw.status === "partial");
    if (!rankable && (tw.rank !== null || tw.flag !== null)) out.push(msg("merge.reconcile.rankedPartial", { township: tw.name, status: tw.status }));

    totals.villages += tw.villages;
    totals.weakBaseline += tw.weakBaseline;
    totals.reported += tw.reported;
    totals.eliminated += tw.eliminated ?? 0;
    totals.totalIncome += actual.totalIncome ?? 0;
    totals.operatingIncome += actual.operatingIncome ?? 0;
    totals.subsidyIncome += actual.subsidyIncome ?? 0;
    totals.atThreshold += tw.atThreshold ?? 0;
    if (tw.target !== null) targets = (targets ?? 0) + tw.target;
  }

  // The county against the townships, and against the detail (through the same functions).
  const c = summary.county;
  const county = actualFigures(c);
  const fromTownships: Partial<Record<Figure, number | null>> = {
    ...totals,
    target: targets,
    eliminationRate: eliminationRate(totals.eliminated, totals.weakBaseline),
    taskCompletionRate: taskCompletionRate(totals.eliminated, targets),
    averageOperatingIncome: averagePerVillage(totals.operatingIncome, totals.reported),
  };
  for (const f of Object.keys(fromTownships) as Figure[]) {
    if (county[f] !== fromTownships[f]) {
      out.push(msg("merge.reconcile.county", { figure: label(f), value: show(f, county[f]), expected: show(f, fromTownships[f]) }));
    }
  }
  const fromDetail = figuresOf(sumDetail(summary.detail, baseline, threshold), c.weakBaseline, c.target, threshold);
  for (const f of Object.keys(fromDetail) as Figure[]) {
    if (county[f] !== fromDetail[f]) {
      out.push(msg("merge.reconcile.countyDetail", { figure: label(f), value: show(f, county[f]), expected: show(f, fromDetail[f]) }));
    }
  }
  return out;
}
