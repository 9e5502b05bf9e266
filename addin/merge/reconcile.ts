import { t, type MessageKey, type Params } from "../i18n";
import { eliminationRate, toCents } from "./figures";
import type { CountySummary, MergedVillage } from "./types";

type Figure = "reported" | "eliminated" | "totalIncome" | "operatingIncome" | "subsidyIncome" | "villages" | "weakBaseline" | "eliminationRate";

const FIGURE_LABEL: Record<Figure, MessageKey> = {
  reported: "merge.col.reported",
  eliminated: "merge.col.eliminated",
  totalIncome: "merge.col.totalIncome",
  operatingIncome: "merge.col.operatingIncome",
  subsidyIncome: "merge.col.subsidy",
  villages: "merge.col.villages",
  weakBaseline: "merge.col.weakBaseline",
  eliminationRate: "merge.col.eliminationRate",
};
const MONEY: ReadonlySet<Figure> = new Set(["totalIncome", "operatingIncome", "subsidyIncome"]);

interface Sums {
  reported: number;
  eliminated: number;
  /** In cents. */
  totalIncome: number;
  operatingIncome: number;
  subsidyIncome: number;
}

function sumDetail(rows: readonly MergedVillage[], baseline: (code: string) => boolean): Sums {
  const s: Sums = { reported: 0, eliminated: 0, totalIncome: 0, operatingIncome: 0, subsidyIncome: 0 };
  for (const r of rows) {
    s.reported++;
    if (baseline(r.villageCode) && r.eliminated === true) s.eliminated++;
    s.totalIncome += toCents(r.totalIncome);
    s.operatingIncome += toCents(r.operatingIncome);
    if (r.subsidyIncome !== null) s.subsidyIncome += toCents(r.subsidyIncome);
  }
  return s;
}

/**
 * Checks that the summary adds up; returns every violation (empty when it reconciles), in the summary's locale:
 * - every input row is in the detail or in the rejected list exactly once, and every rejected row has a reason;
 * - each village is in the detail at most once, under its own registry township;
 * - each township's 已报村数, 已消除数 and money equal what its detail rows give (money to the cent), its 村数 and
 *   薄弱村基数 equal the registry's, and its 消除率 equals 已消除数 ÷ 薄弱村基数;
 * - the county totals equal the sum of the township totals (to the cent), and the detail's.
 * The CLI refuses to write a summary that does not reconcile.
 */
export function reconcile(summary: CountySummary): string[] {
  const out: string[] = [];
  const msg = (key: MessageKey, params: Params = {}) => t(key, params, summary.locale);
  const label = (f: Figure) => msg(FIGURE_LABEL[f]);
  const show = (f: Figure, v: number | null) =>
    v === null ? "—" : MONEY.has(f) ? (v / 100).toFixed(2) : f === "eliminationRate" ? String(v) : String(v);

  // Rows: in = merged + rejected, per file name, and each (file, row) once.
  const inputByFile = new Map<string, { rows: number; count: number }>();
  for (const f of summary.files) {
    const e = inputByFile.get(f.file) ?? { rows: 0, count: 0 };
    e.rows += f.rows;
    e.count++;
    inputByFile.set(f.file, e);
  }
  const mergedByFile = new Map<string, number>();
  const rejectedByFile = new Map<string, number>();
  const seen = new Set<string>();
  const sources = [
    ...summary.detail.map((d) => ({ ...d.source, reason: "-" })),
    ...summary.rejected.map((r) => ({ file: r.file, sheet: r.sheet, row: r.row, reason: r.reason })),
  ];
  summary.detail.forEach((d) => mergedByFile.set(d.source.file, (mergedByFile.get(d.source.file) ?? 0) + 1));
  summary.rejected.forEach((r) => {
    rejectedByFile.set(r.file, (rejectedByFile.get(r.file) ?? 0) + 1);
    if (!r.reason || !r.reason.trim()) out.push(msg("merge.reconcile.noReason", { file: r.file, row: r.row }));
  });
  for (const s of sources) {
    const input = inputByFile.get(s.file);
    if (!input) {
      out.push(msg("merge.reconcile.unknownSource", { file: s.file, row: s.row }));
      continue;
    }
    if (input.count > 1) continue; // same name twice (different folders): rows cannot be told apart by name
    const key = `${s.file}\u0000${s.sheet ?? ""}\u0000${s.row}`;
    if (seen.has(key)) out.push(msg("merge.reconcile.rowTwice", { file: s.file, row: s.row }));
    seen.add(key);
  }
  for (const [file, input] of inputByFile) {
    const merged = mergedByFile.get(file) ?? 0;
    const rejected = rejectedByFile.get(file) ?? 0;
    if (merged + rejected !== input.rows) {
      out.push(msg("merge.reconcile.rowCount", { file, input: input.rows, merged, rejected, sum: merged + rejected }));
    }
  }

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
  const regTownship = new Map(summary.registry.townships.map((tw) => [tw.code, tw]));
  const totals: Sums & { villages: number; weakBaseline: number } = {
    reported: 0, eliminated: 0, totalIncome: 0, operatingIncome: 0, subsidyIncome: 0, villages: 0, weakBaseline: 0,
  };
  for (const tw of summary.townships) {
    const expected = sumDetail(detailByTownship.get(tw.code) ?? [], baseline);
    const reg = regTownship.get(tw.code);
    const actual: Record<Figure, number | null> = {
      reported: tw.reported,
      eliminated: tw.eliminated,
      totalIncome: toCents(tw.totalIncome),
      operatingIncome: toCents(tw.operatingIncome),
      subsidyIncome: toCents(tw.subsidyIncome),
      villages: tw.villages,
      weakBaseline: tw.weakBaseline,
      eliminationRate: tw.eliminationRate,
    };
    const want: Record<Figure, number | null> = {
      ...expected,
      villages: reg ? reg.villages.length : 0,
      weakBaseline: reg ? reg.villages.filter((v) => v.weakBaseline).length : 0,
      eliminationRate: tw.status === "merged" ? eliminationRate(tw.eliminated, tw.weakBaseline) : null,
    };
    for (const f of Object.keys(actual) as Figure[]) {
      if (actual[f] !== want[f]) {
        out.push(msg("merge.reconcile.township", { township: tw.name, figure: label(f), value: show(f, actual[f]), expected: show(f, want[f]) }));
      }
    }
    totals.reported += tw.reported;
    totals.eliminated += tw.eliminated;
    totals.totalIncome += actual.totalIncome as number;
    totals.operatingIncome += actual.operatingIncome as number;
    totals.subsidyIncome += actual.subsidyIncome as number;
    totals.villages += tw.villages;
    totals.weakBaseline += tw.weakBaseline;
  }

  // The county against the townships and against the detail.
  const c = summary.county;
  const county: Record<Exclude<Figure, "eliminationRate">, number> = {
    reported: c.reported,
    eliminated: c.eliminated,
    totalIncome: toCents(c.totalIncome),
    operatingIncome: toCents(c.operatingIncome),
    subsidyIncome: toCents(c.subsidyIncome),
    villages: c.villages,
    weakBaseline: c.weakBaseline,
  };
  const fromDetail = sumDetail(summary.detail, baseline);
  for (const f of Object.keys(county) as Exclude<Figure, "eliminationRate">[]) {
    if (county[f] !== totals[f]) {
      out.push(msg("merge.reconcile.county", { figure: label(f), value: show(f, county[f]), expected: show(f, totals[f]) }));
    }
    if (f in fromDetail && county[f] !== fromDetail[f as keyof Sums]) {
      out.push(msg("merge.reconcile.countyDetail", { figure: label(f), value: show(f, county[f]), expected: show(f, fromDetail[f as keyof Sums]) }));
    }
  }
  const rate = eliminationRate(c.eliminated, c.weakBaseline);
  if (c.eliminationRate !== rate) {
    out.push(msg("merge.reconcile.county", { figure: label("eliminationRate"), value: show("eliminationRate", c.eliminationRate), expected: show("eliminationRate", rate) }));
  }
  return out;
}
