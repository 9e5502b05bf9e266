import fc from "fast-check";
import { t, type Params } from "../../../addin/i18n";
import { mergeSubmissions, reconcile, UnitTable, type CountySummary, type Violation } from "../../../addin/merge";
import { builtinTemplate, compileTemplate } from "../../../addin/templates";
import { variantOf, type ReconcileCode, type VariantOf } from "../../../addin/validate";
import { cleanReport, demoRegistry, demoTargets, editRows } from "./helpers";

/**
 * reconcile()'s row and unit checks against a plain model of them (a key string per source row, a map of every
 * registry code), on summaries tampered with in the ways the fast checks treat specially: a row twice, a source on
 * another sheet, rows that are not sheet rows, a file position that is not a number, units out of order, under
 * another township, twice, or with another village's code.
 */
const registry = demoRegistry();
const targets = demoTargets(registry);
const LINKED = compileTemplate(builtinTemplate("village-economy")).columns.filter((c) => c.registry);

function model(s: CountySummary): Violation[] {
  const detail = s.detail.toArray();
  const out: Violation[] = [];
  const fail = <C extends ReconcileCode>(code: C, variant: VariantOf<C>, params: Params) => out.push({ code, message: t(variantOf(code, variant).message!, params, s.locale) });
  // Rows.
  const merged = new Map<unknown, number>();
  const rejected = new Map<unknown, number>();
  for (const d of detail) merged.set(d.source.fileIndex, (merged.get(d.source.fileIndex) ?? 0) + 1);
  for (const r of s.rejected) {
    rejected.set(r.fileIndex, (rejected.get(r.fileIndex) ?? 0) + 1);
    if (!r.reason || !r.reason.trim()) fail("reconcile-rows", "noReason", { file: r.file, row: r.row });
  }
  const seen = new Set<string>();
  for (const src of [...detail.map((d) => d.source), ...s.rejected]) {
    const input = s.files[src.fileIndex];
    if (!input || input.file !== src.file) {
      fail("reconcile-rows", "unknownSource", { file: src.file, row: src.row });
      continue;
    }
    const key = `${src.fileIndex}|${src.sheet ?? ""}|${src.row}`;
    if (seen.has(key)) fail("reconcile-rows", "rowTwice", { file: src.file, row: src.row });
    seen.add(key);
  }
  s.files.forEach((f, i) => {
    const m = merged.get(i) ?? 0;
    const r = rejected.get(i) ?? 0;
    if (m + r !== f.rows) fail("reconcile-rows", "rowCount", { file: f.file, input: f.rows, merged: m, rejected: r, sum: m + r });
  });
  // Units.
  const reg = new Map(s.registry.townships.flatMap((tw) => tw.villages.map((v) => [v.code, { township: tw.code, v }] as const)));
  const count = new Map<string, number>();
  for (const d of detail) {
    count.set(d.villageCode, (count.get(d.villageCode) ?? 0) + 1);
    const r = reg.get(d.villageCode);
    if (!r || r.township !== d.townshipCode) fail("reconcile-registry", "villageOutside", { code: d.villageCode, township: d.townshipName });
    else
      for (const c of LINKED) {
        const truth = c.registry === "villageCode" ? d.villageCode : c.registry === "villageName" ? r.v.name : r.v.weakBaseline;
        if (d[c.key] !== truth) fail("reconcile-registry", "registryValue", { code: d.villageCode, column: c.header, value: String(d[c.key]), expected: String(truth) });
      }
  }
  for (const [code, n] of count) if (n > 1) fail("reconcile-registry", "villageTwice", { code, n });
  return out;
}

type Tamper = [kind: number, a: number, b: number];

/** Tampers with the summary's units as objects; the summary then holds them as they are. */
function tamper(s: CountySummary, [kind, a, b]: Tamper): void {
  const d = s.detail.toArray();
  const u = d[a % d.length];
  const v = d[b % d.length];
  const r = s.rejected.length ? s.rejected[a % s.rejected.length] : undefined;
  switch (kind) {
    case 0: d.push({ ...u, source: { ...u.source } }); break; // a unit (and its row) twice
    case 1: u.source = { ...u.source, sheet: "Sheet2" }; break; // another sheet of the same file
    case 2: u.source = { ...u.source, row: [1.5, -1, 2_000_000, 0, 1e300][b % 5] }; break; // not a sheet row
    case 3: u.source = { ...u.source, fileIndex: String(u.source.fileIndex) as unknown as number }; break;
    case 4: u.source = { ...u.source, row: v.source.row, fileIndex: v.source.fileIndex, file: v.source.file }; break;
    case 5: if (r) s.rejected.push({ ...r }); break;
    case 6: u.source = { ...u.source, sheet: undefined }; break; // undefined and "" are the same sheet
    case 7: u.townshipCode = v.townshipCode; break;
    case 8: u.villageCode = v.villageCode; break;
    case 9: u.villageCode = "339999999201"; break;
    case 10: d.reverse(); break;
    case 11: u.villageName = `${u.villageName}村`; break;
    case 12: [d[a % d.length], d[b % d.length]] = [v, u]; break;
    case 13: d.push({ ...d[0], source: { ...d[0].source, row: 1000 + b } }); break; // the first unit's village twice
  }
  s.detail = UnitTable.from(d, s.detail.keys);
}

const REGISTRY_OR_ROWS = new Set(["reconcile-rows", "reconcile-registry"]);

describe("reconcile's row and unit checks against the plain model (fast-check)", () => {
  test("the same violations, in the same order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(13), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }),
        fc.subarray(registry.townships.map((_, i) => i), { minLength: 1 }),
        (tampers, present) => {
          const reports = present.map((i) => cleanReport(registry.townships[i]));
          // A rejected row or two: a stray from a township with no file.
          editRows(reports[0], (rows) => void rows.push({ ...rows[0], row: 900, values: { ...rows[0].values, villageCode: "339999999201" } }));
          const s = mergeSubmissions(reports, { registry, targets, locale: "zh-CN" });
          for (const x of tampers) tamper(s, x as Tamper);
          expect(reconcile(s).filter((x) => REGISTRY_OR_ROWS.has(x.code))).toEqual(model(s));
        },
      ),
      { numRuns: 200 },
    );
  });
});
