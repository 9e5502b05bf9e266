import fc from "fast-check";
import { mergeSubmissions, reconcile } from "../../../addin/merge";
import { parseRegistry, type Registry } from "../../../addin/templates";
import { RowTable, type FileReport } from "../../../addin/validate";
import { dataRow, SMALL_REGISTRY_CSV } from "./helpers";

/**
 * The merge's row policy against a plain model of it (a map of every registry code, rows taken in input order): which
 * rows are merged, which are rejected and why, in what order, and what the reasons name. The merge itself matches rows
 * by registry position (addin/merge/registry-positions.ts), so rows out of order, repeated, from a neighbour or with a
 * malformed code must come out exactly as the model says.
 */
const registry: Registry = parseRegistry(SMALL_REGISTRY_CSV);
const villages = registry.townships.flatMap((tw) => tw.villages.map((v) => ({ ...v, township: tw.code })));

/** Codes that are not 12 ASCII digits, or not in the registry. */
const ODD_CODES: unknown[] = ["33990110120", "3399011012011", " 339901101201", "33990110120１", "339901101201\n", 339901101201, null, "339901101299", "339901999201"];

const rowPlan = fc.record({
  village: fc.nat(villages.length - 1),
  /** 0: the village's own code; 1: an odd code. */
  odd: fc.option(fc.nat(ODD_CODES.length - 1), { nil: undefined, freq: 6 }),
  /** A number column that is not a number. */
  notNumber: fc.option(fc.constantFrom("abc", NaN, Infinity, null), { nil: undefined, freq: 8 }),
});
const filePlan = fc.record({
  township: fc.nat(registry.townships.length - 1),
  /** The township's own villages, in this order (a subset), then the extra rows. */
  own: fc.array(fc.nat(50), { maxLength: 6 }),
  extra: fc.array(rowPlan, { maxLength: 4 }),
});

function build(plans: { township: number; own: number[]; extra: { village: number; odd?: number; notNumber?: unknown }[] }[]): FileReport[] {
  return plans.map((p, f) => {
    const tw = registry.townships[p.township];
    const rows = [
      ...p.own.map((k) => ({ village: villages.findIndex((v) => v.code === tw.villages[k % tw.villages.length].code) })),
      ...p.extra,
    ].map((r: { village: number; odd?: number; notNumber?: unknown }, i) => {
      const v = villages[r.village];
      const row = dataRow(5 + i, { code: v.code, name: v.name, weak: v.weakBaseline, total: 40 + i, operating: 20 + f });
      if (r.odd !== undefined) row.values.villageCode = ODD_CODES[r.odd] as string;
      if (r.notNumber !== undefined) row.values.operatingIncome = r.notNumber as number;
      return row;
    });
    return { file: `${tw.name}-${f}.xlsx`, format: "xlsx", sheet: "Sheet1", township: { code: tw.code, name: tw.name }, status: "ok", issues: [], rows: RowTable.from(rows) };
  });
}

interface Outcome {
  merged: [string, number, number][];
  rejected: [string, number, number][];
  /** For each wrong-township or duplicate rejection (by file and row): the places its reason must name. */
  places: Map<string, [number, number][]>;
}

/** The policy, spelled out: one township file per township here (a second file for one makes both duplicates). */
function model(reports: FileReport[]): Outcome {
  const byCode = new Map(villages.map((v, order) => [v.code, { ...v, order }]));
  const filesOf = new Map<string, number[]>();
  reports.forEach((r, i) => filesOf.set(r.township!.code, [...(filesOf.get(r.township!.code) ?? []), i]));
  const rejected: [string, number, number][] = [];
  const places = new Map<string, [number, number][]>();
  const own: { f: number; row: number; code: string; order: number }[] = [];
  const wrong: { f: number; row: number; code: string }[] = [];
  reports.forEach((r, f) => {
    if (filesOf.get(r.township!.code)!.length > 1) {
      for (const row of r.rows) rejected.push(["row-file-rejected", f, row.row]);
      return;
    }
    for (const row of r.rows) {
      const code = row.values.villageCode;
      const ref = typeof code === "string" && /^\d{12}$/.test(code) ? byCode.get(code) : undefined;
      if (typeof code !== "string" || !/^\d{12}$/.test(code)) rejected.push(["row-no-code", f, row.row]);
      else if (!ref) rejected.push(["row-not-in-registry", f, row.row]);
      else if (ref.township !== r.township!.code) wrong.push({ f, row: row.row, code });
      else if (typeof row.values.operatingIncome !== "number" || !Number.isFinite(row.values.operatingIncome)) rejected.push(["row-not-number", f, row.row]);
      else own.push({ f, row: row.row, code, order: ref.order });
    }
  });
  const groups = new Map<string, typeof own>();
  for (const c of own) groups.set(c.code, [...(groups.get(c.code) ?? []), c]);
  const accepted = own.filter((c) => groups.get(c.code)!.length === 1).sort((a, b) => a.order - b.order);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      rejected.push(["row-duplicate-village", c.f, c.row]);
      places.set(`${c.f}#${c.row}`, group.map((x) => [x.f, x.row]));
    }
  }
  for (const c of wrong) {
    rejected.push(["row-wrong-township", c.f, c.row]);
    const elsewhere = accepted.find((a) => a.code === c.code);
    places.set(`${c.f}#${c.row}`, elsewhere ? [[elsewhere.f, elsewhere.row]] : []);
  }
  return { merged: accepted.map((c) => [c.code, c.f, c.row]), rejected, places };
}

describe("row sorting against the plain model (fast-check)", () => {
  test("merged rows in registry order, rejected rows with the model's reasons in the model's order", () => {
    fc.assert(
      fc.property(fc.array(filePlan, { minLength: 1, maxLength: 6 }), (plans) => {
        const reports = build(plans);
        const want = model(reports);
        const s = mergeSubmissions(reports, { registry, locale: "zh-CN" });
        expect(s.detail.toArray().map((d) => [d.villageCode, d.source.fileIndex, d.source.row])).toEqual(want.merged);
        expect(s.rejected.map((r) => [r.code, r.fileIndex, r.row])).toEqual(want.rejected);
        for (const r of s.rejected) {
          const named = want.places.get(`${r.fileIndex}#${r.row}`);
          for (const [f, row] of named ?? []) expect(r.reason).toContain(`${reports[f].file} 第 ${row} 行`);
        }
        expect(reconcile(s)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
