/**
 * `xiaobo validate` on a junk sheet in a real process: the text report does not crash on thousands of issues (it
 * spread a large array into Math.max), `--max-issues-per-code` caps what --json lists and counts the rest, and a bad
 * value is a usage error in Chinese.
 */
import { execFile } from "child_process";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as XLSX from "@e965/xlsx";

const ROOT = join(__dirname, "..", "..");

function xiaobo(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin", "xiaobo.js"), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Template 1's header over `rows` junk rows, written by SheetJS. */
function junk(rows: number): string {
  const aoa: unknown[][] = [
    ["东湖镇村级集体经济发展情况统计表（2026年度）"],
    ["填报单位：东湖镇（盖章）"],
    ["序号", "村（社区）代码", "村（社区）名称", "是否薄弱村基数", "集体经济收入", null, null, "是否已消薄", "消薄年份", "主要增收途径", "备注"],
    [null, null, null, null, "总收入", "经营性收入", "上级补助收入", null, null, null, null],
  ];
  for (let i = 0; i < rows; i++) aoa.push([i + 1, `X${i}`, `村${i}`, "也许", "abc", "-", 1.23456, "?", "y", null, null]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "村级集体经济");
  const path = join(mkdtempSync(join(tmpdir(), "xiaobo-junk-")), "垃圾.xlsx");
  XLSX.writeFile(wb, path);
  return path;
}

type Out = { files: { errors: number; warnings: number; issues: { code: string; severity: string; omitted?: { count: number; range: string } }[] }[] };

test("thousands of issues: the text report prints, --json lists --max-issues-per-code of each and counts the rest", async () => {
  const file = junk(3000);
  const text = await xiaobo(["validate", file]);
  expect([text.code, text.stderr]).toEqual([1, ""]);
  expect(text.stdout).toMatch(/另有 2,800 个同类问题，位于 村级集体经济!B205:B3004/);

  const json = await xiaobo(["validate", file, "--json", "--max-issues-per-code", "5"]);
  const out = JSON.parse(json.stdout) as Out;
  const f = out.files[0];
  const listed = new Map<string, number>();
  for (const i of f.issues) if (!i.omitted) listed.set(`${i.code} ${i.severity}`, (listed.get(`${i.code} ${i.severity}`) ?? 0) + 1);
  for (const n of listed.values()) expect(n).toBeLessThanOrEqual(5);
  const codeFormat = f.issues.find((i) => i.code === "code-format" && i.omitted)!;
  expect(codeFormat.omitted).toMatchObject({ count: 2995, range: "B10:B3004" });
  const weight = f.issues.filter((i) => i.severity === "error").reduce((n, i) => n + (i.omitted?.count ?? 1), 0);
  expect(f.errors).toBe(weight);
  expect(f.errors).toBeGreaterThan(5 * 3000);
}, 60000);

test("--max-issues-per-code takes a positive whole number", async () => {
  const r = await xiaobo(["validate", join(ROOT, "samples", "submissions", "东湖镇.xlsx"), "--max-issues-per-code", "0"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("错误：");
  expect(r.stderr).not.toMatch(/Error|at /);
});
