import fc from "fast-check";
import { mergeSubmissions, reconcile } from "../../../addin/merge";
import type { FileReport } from "../../../addin/validate";
import { cleanReport, demoRegistry, demoTargets, errorIssue, report, warningIssue } from "./helpers";

const registry = demoRegistry();
const targets = demoTargets(registry);
const cents = (x: number) => Math.round(x * 100);

type Fate = "missing" | "clean" | "fileErrors" | "rowErrors" | "duplicate" | "unreadable";

const townshipPlan = fc.record({
  fate: fc.constantFrom<Fate>("missing", "clean", "clean", "fileErrors", "rowErrors", "duplicate", "unreadable"),
  /** Villages of the registry township left out (漏报) or given twice. */
  drop: fc.array(fc.nat(40), { maxLength: 3 }),
  repeat: fc.array(fc.nat(40), { maxLength: 2 }),
  /** Rows with errors, by position. */
  errorRows: fc.array(fc.nat(40), { maxLength: 4 }),
  /** A neighbour's village slipped in (index into the whole registry). */
  stray: fc.option(fc.nat(187), { nil: undefined }),
  /** Random incomes in cents, applied in turn. */
  incomes: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
  warnings: fc.nat(3),
});

const scenario = fc.record({
  plans: fc.array(townshipPlan, { minLength: registry.townships.length, maxLength: registry.townships.length }),
  strangers: fc.nat(2),
  allowErrors: fc.boolean(),
  shuffle: fc.array(fc.nat(), { maxLength: 30 }),
});

const allVillages = registry.townships.flatMap((tw) => tw.villages);

type Plan = typeof townshipPlan extends fc.Arbitrary<infer T> ? T : never;

function build(plans: Plan[], strangers: number, shuffle: number[]): FileReport[] {
  const reports: FileReport[] = [];
  registry.townships.forEach((tw, t) => {
    const p = plans[t];
    if (p.fate === "missing") return;
    if (p.fate === "unreadable") {
      reports.push(report(`${tw.name}.xls`, undefined, [], [{ code: "unreadable", severity: "error", file: `${tw.name}.xls`, message: "不是电子表格" }]));
      return;
    }
    const r = cleanReport(tw);
    const n = r.rows.length;
    r.rows = r.rows.filter((_, i) => !p.drop.some((d) => d % n === i));
    for (const k of p.repeat) {
      const src = r.rows[k % r.rows.length];
      if (src) r.rows.push({ ...src, row: 100 + r.rows.length, values: { ...src.values } });
    }
    if (p.stray !== undefined) {
      const v = allVillages[p.stray];
      r.rows.push({ row: 200, values: { villageCode: v.code, villageName: v.name, weakBaseline: v.weakBaseline, totalIncome: 40, operatingIncome: 20, eliminated: v.weakBaseline ? true : null }, hasErrors: false });
    }
    r.rows.forEach((row, i) => {
      const total = p.incomes[i % p.incomes.length];
      row.values.totalIncome = total / 100;
      row.values.operatingIncome = Math.floor(total / 3) / 100;
    });
    if (p.fate === "fileErrors" || p.fate === "rowErrors") {
      const rows = p.fate === "rowErrors" ? p.errorRows : [0];
      for (const k of rows) {
        const row = r.rows[k % r.rows.length];
        if (!row) continue;
        row.hasErrors = true;
        r.issues.push(errorIssue(r.file, row.row, `第 ${row.row} 行有错`));
      }
      if (p.fate === "fileErrors") r.issues.push({ code: "total-mismatch", severity: "error", file: r.file, message: "合计不符" });
    }
    for (let w = 0; w < p.warnings; w++) r.issues.push(warningIssue(r.file, 5 + w, "请核对", w % 2 === 0));
    r.status = r.issues.some((i) => i.severity === "error") ? "errors" : "ok";
    reports.push(r);
    if (p.fate === "duplicate") reports.push(cleanReport(tw, { file: `${tw.name}-副本.xlsx` }));
  });
  for (let k = 0; k < strangers; k++) {
    reports.push(report(`陌生${k}.xlsx`, k % 2 ? { code: "339999999", name: "外镇" } : undefined, [{ code: allVillages[k].code }, { code: "339999999201" }]));
  }
  // A random order of files.
  shuffle.forEach((s, i) => {
    const a = i % reports.length;
    const b = s % reports.length;
    [reports[a], reports[b]] = [reports[b], reports[a]];
  });
  return reports;
}

describe("conservation (fast-check)", () => {
  test("every input row is merged or rejected exactly once; county = Σ townships to the cent; reconcile() is clean", () => {
    fc.assert(
      fc.property(scenario, ({ plans, strangers, allowErrors, shuffle }) => {
        const reports = build(plans, strangers, shuffle);
        const s = mergeSubmissions(reports, { registry, targets, allowErrors, locale: "zh-CN" });

        // Exactly once: the (file, row) keys of merged + rejected are the input keys, each once.
        const input = reports.flatMap((r) => r.rows.map((row) => `${r.file}#${row.row}`)).sort();
        const output = [...s.detail.map((d) => `${d.source.file}#${d.source.row}`), ...s.rejected.map((r) => `${r.file}#${r.row}`)].sort();
        expect(output).toEqual(input);
        expect(s.rejected.every((r) => r.reason.trim().length > 0)).toBe(true);

        // No village twice in the detail, and only registry villages of their own township.
        const codes = s.detail.map((d) => d.villageCode);
        expect(new Set(codes).size).toBe(codes.length);

        // County totals = Σ township totals = Σ villages, in cents.
        const sum = (f: (tw: (typeof s.townships)[number]) => number) => s.townships.reduce((n, tw) => n + f(tw), 0);
        expect(cents(s.county.totalIncome)).toBe(sum((tw) => cents(tw.totalIncome)));
        expect(cents(s.county.operatingIncome)).toBe(sum((tw) => cents(tw.operatingIncome)));
        expect(cents(s.county.totalIncome)).toBe(s.detail.reduce((n, d) => n + cents(d.totalIncome), 0));
        expect(s.county.reported).toBe(sum((tw) => tw.reported));
        expect(s.county.eliminated).toBe(sum((tw) => tw.eliminated));
        expect(s.county.villages).toBe(188);

        // Each township: 已报村数 = its merged rows; not merged → nothing merged and no rate.
        for (const tw of s.townships) {
          expect(tw.reported).toBe(s.detail.filter((d) => d.townshipCode === tw.code).length);
          if (tw.status !== "merged") expect([tw.reported, tw.eliminationRate, tw.rank]).toEqual([0, null, null]);
        }
        // Policy: without allowErrors no row of a file with errors is merged.
        if (!allowErrors) {
          const withErrors = new Set(reports.filter((r) => r.issues.some((i) => i.severity === "error")).map((r) => r.file));
          expect(s.detail.some((d) => withErrors.has(d.source.file))).toBe(false);
        }
        expect(reconcile(s)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test("reconcile() catches any single tampered township figure", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.constantFrom("totalIncome", "operatingIncome", "reported", "eliminated"), ({ plans, strangers, allowErrors, shuffle }, pick, field) => {
        const s = mergeSubmissions(build(plans, strangers, shuffle), { registry, targets, allowErrors, locale: "zh-CN" });
        const tw = s.townships[pick % s.townships.length];
        if (field === "totalIncome" || field === "operatingIncome") tw[field] = (cents(tw[field]) + 1) / 100;
        else tw[field] += 1;
        expect(reconcile(s).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
