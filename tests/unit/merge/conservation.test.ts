import fc from "fast-check";
import { mergeSubmissions, reconcile } from "../../../addin/merge";
import type { FileReport } from "../../../addin/validate";
import { cleanReport, demoRegistry, demoTargets, editRows, errorIssue, report, warningIssue } from "./helpers";

const registry = demoRegistry();
const targets = demoTargets(registry);
const cents = (x: number) => Math.round(x * 100);

/**
 * duplicate: a second file with another name; duplicateFolders: the same base name in two folders (FileReport.file a
 * relative path); duplicateSameName: two inputs with the very same FileReport.file (rows told apart only by position).
 */
type Fate = "missing" | "clean" | "fileErrors" | "rowErrors" | "duplicate" | "duplicateFolders" | "duplicateSameName" | "unreadable";

const townshipPlan = fc.record({
  fate: fc.constantFrom<Fate>(
    "missing", "clean", "clean", "fileErrors", "rowErrors", "rowErrors", "duplicate", "duplicateFolders", "duplicateSameName", "unreadable",
  ),
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
    const file = p.fate === "duplicateFolders" ? `甲组/${tw.name}.xlsx` : `${tw.name}.xlsx`;
    const r = cleanReport(tw, { file });
    editRows(r, (all) => {
      const rows = all.filter((_, i) => !p.drop.some((d) => d % all.length === i));
      for (const k of p.repeat) {
        const src = rows[k % rows.length];
        if (src) rows.push({ ...src, row: 100 + rows.length, values: { ...src.values } });
      }
      if (p.stray !== undefined) {
        const v = allVillages[p.stray];
        rows.push({ row: 200, values: { villageCode: v.code, villageName: v.name, weakBaseline: v.weakBaseline, totalIncome: 40, operatingIncome: 20, eliminated: v.weakBaseline ? true : null }, hasErrors: false });
      }
      rows.forEach((row, i) => {
        const total = p.incomes[i % p.incomes.length];
        row.values.totalIncome = total / 100;
        row.values.operatingIncome = Math.floor(total / 3) / 100;
      });
      if (p.fate === "fileErrors" || p.fate === "rowErrors") {
        for (const k of p.fate === "rowErrors" ? p.errorRows : [0]) {
          const row = rows[k % rows.length];
          if (!row) continue;
          row.hasErrors = true;
          r.issues.push(errorIssue(r.file, row.row, `第 ${row.row} 行有错`));
        }
      }
      return rows;
    });
    if (p.fate === "fileErrors") r.issues.push({ code: "total-mismatch", severity: "error", file: r.file, message: "合计不符" });
    for (let w = 0; w < p.warnings; w++) r.issues.push(warningIssue(r.file, 5 + w, "请核对", w % 2 === 0));
    r.status = r.issues.some((i) => i.severity === "error") ? "errors" : "ok";
    reports.push(r);
    if (p.fate === "duplicate") reports.push(cleanReport(tw, { file: `${tw.name}-副本.xlsx` }));
    if (p.fate === "duplicateFolders") reports.push(cleanReport(tw, { file: `乙组/${tw.name}.xlsx` }));
    if (p.fate === "duplicateSameName") reports.push(cleanReport(tw, { file: `${tw.name}.xlsx` }));
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
  test("every input row is merged or rejected exactly once; county = Σ townships to the cent; statuses; reconcile() is clean", () => {
    // What the runs covered: the property must have met partial, failed, missing and merged townships and each duplicate kind.
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ plans, strangers, allowErrors, shuffle }) => {
        const reports = build(plans, strangers, shuffle);
        const s = mergeSubmissions(reports, { registry, targets, allowErrors, locale: "zh-CN" });
        for (const tw of s.townships) seen.add(tw.status);
        plans.forEach((p) => seen.add(p.fate));

        // Exactly once: the (input file, row) keys of merged + rejected are the input keys, each once — by the
        // file's input position, so two inputs with the same name are still told apart.
        const input = reports.flatMap((r, i) => r.rows.toArray().map((row) => `${i}#${row.row}`)).sort();
        const output = [...s.detail.toArray().map((d) => `${d.source.fileIndex}#${d.source.row}`), ...s.rejected.map((r) => `${r.fileIndex}#${r.row}`)].sort();
        expect(output).toEqual(input);
        // Villages in = merged + rejected, overall and per file.
        expect(s.detail.length + s.rejected.length).toBe(reports.reduce((n, r) => n + r.rows.length, 0));
        s.files.forEach((f, i) => {
          expect(f.file).toBe(reports[i].file);
          expect(f.mergedRows + f.rejectedRows).toBe(reports[i].rows.length);
        });
        expect(s.rejected.every((r) => r.reason.trim().length > 0 && r.file === reports[r.fileIndex].file)).toBe(true);

        // No village twice in the detail.
        const codes = s.detail.toArray().map((d) => d.villageCode);
        expect(new Set(codes).size).toBe(codes.length);

        // County totals = Σ township totals (blank = nothing) = Σ villages, in cents.
        const sum = (f: (tw: (typeof s.townships)[number]) => number | null) => s.townships.reduce((n, tw) => n + (f(tw) ?? 0), 0);
        const c = (x: number | null) => (x === null ? null : cents(x));
        expect(cents(s.county.totalIncome)).toBe(sum((tw) => c(tw.totalIncome)));
        expect(cents(s.county.operatingIncome)).toBe(sum((tw) => c(tw.operatingIncome)));
        expect(cents(s.county.subsidyIncome)).toBe(sum((tw) => c(tw.subsidyIncome)));
        expect(cents(s.county.totalIncome)).toBe(s.detail.toArray().reduce((n, d) => n + cents(d.totalIncome), 0));
        expect(cents(s.county.operatingIncome)).toBe(s.detail.toArray().reduce((n, d) => n + cents(d.operatingIncome), 0));
        expect(s.county.reported).toBe(sum((tw) => tw.reported));
        expect(s.county.eliminated).toBe(sum((tw) => tw.eliminated));
        expect(s.county.atThreshold).toBe(sum((tw) => tw.atThreshold));
        expect(s.county.villages).toBe(188);
        expect(sum((tw) => tw.rejectedRows)).toBe(s.rejected.filter((r) => s.files[r.fileIndex].townshipCode !== null).length);

        for (const tw of s.townships) {
          const own = s.files.map((f, i) => ({ f, i })).filter(({ f }) => f.townshipCode === tw.code);
          // 已报村数 = its merged rows; 退回行数 = the rejected rows of its files.
          expect(tw.reported).toBe(s.detail.toArray().filter((d) => d.townshipCode === tw.code).length);
          expect(tw.rejectedRows).toBe(own.reduce((n, { f }) => n + f.rejectedRows, 0));
          if (tw.status === "failed" || tw.status === "missing") {
            // Nothing merged: blank figures, never a 0 that looks real.
            expect([tw.reported, tw.eliminated, tw.totalIncome, tw.operatingIncome, tw.atThreshold, tw.eliminationRate, tw.rank, tw.flag]).toEqual([0, null, null, null, null, null, null, null]);
            continue;
          }
          // Merged from exactly one file; complete (merged) or not (partial: figures of what was merged, unranked).
          expect(own.filter(({ f }) => f.outcome === "passed" || f.outcome === "merged-with-errors")).toHaveLength(1);
          const hadErrors = own.some(({ i }) => reports[i].issues.some((x) => x.severity === "error"));
          const complete = !hadErrors && tw.reported === tw.villages;
          expect(tw.status).toBe(complete ? "merged" : "partial");
          if (tw.status === "partial") expect([tw.rank, tw.flag]).toEqual([null, null]);
          else if (tw.weakBaseline > 0) expect(tw.rank).not.toBeNull();
        }

        // Two files for one township: failed as duplicate, each issue naming the other file distinctly.
        registry.townships.forEach((tw, t) => {
          if (!plans[t].fate.startsWith("duplicate")) return;
          const summary = s.townships[t];
          expect(summary).toMatchObject({ status: "failed", failure: "duplicate" });
          const issues = s.issues.filter((x) => x.code === "duplicate-township" && summary.files.includes(x.file));
          expect(issues).toHaveLength(2);
          expect(issues[0].message).not.toBe(issues[1].message);
          if (plans[t].fate === "duplicateFolders") {
            expect(issues.map((x) => x.file).sort()).toEqual([`乙组/${tw.name}.xlsx`, `甲组/${tw.name}.xlsx`]);
            expect(issues.find((x) => x.file.startsWith("甲组"))!.message).toContain(`乙组/${tw.name}.xlsx`);
            expect(issues.find((x) => x.file.startsWith("乙组"))!.message).toContain(`甲组/${tw.name}.xlsx`);
          }
        });

        // Policy: without allowErrors no row of a file with errors is merged.
        if (!allowErrors) {
          const withErrors = new Set(reports.map((r, i) => (r.issues.some((x) => x.severity === "error") ? i : -1)));
          expect(s.detail.toArray().some((d) => withErrors.has(d.source.fileIndex))).toBe(false);
        }
        expect(reconcile(s)).toEqual([]);
      }),
      { numRuns: 150 },
    );
    for (const k of ["merged", "partial", "failed", "missing", "duplicateFolders", "duplicateSameName"]) expect(seen).toContain(k);
  });

  test("reconcile() catches any single tampered township figure", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), fc.constantFrom("totalIncome", "operatingIncome", "reported", "eliminated"), ({ plans, strangers, allowErrors, shuffle }, pick, field) => {
        const s = mergeSubmissions(build(plans, strangers, shuffle), { registry, targets, allowErrors, locale: "zh-CN" });
        const tw = s.townships[pick % s.townships.length];
        if (field === "totalIncome" || field === "operatingIncome") tw[field] = (cents(tw[field] ?? 0) + 1) / 100;
        else tw[field] = (tw[field] ?? 0) + 1;
        expect(reconcile(s).length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
