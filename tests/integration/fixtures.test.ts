/**
 * The committed fixtures of tests/fixtures (made by `npm run fixtures`, scripts/make-fixtures.ts), validated the way
 * `xiaobo validate` does (cli/validate-file.ts: read, validate, any failure a report) against the demo county's
 * registry. For every file: the exact sorted list of problems, as code@cell:severity (code@rowN for a whole row,
 * code#villageCode for a village left out, bare code for the whole sheet).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import * as XLSX from "@e965/xlsx";
import { t } from "../../addin/i18n";
import { builtinTemplate, parseRegistry } from "../../addin/templates";
import type { FileReport, Issue } from "../../addin/validate";
import { makeValidator } from "../../cli/validate-file";

const ROOT = join(__dirname, "..", "..");
const FIXTURES = join(ROOT, "tests", "fixtures");
const registry = parseRegistry(readFileSync(join(ROOT, "samples", "demo-county", "registry.csv"), "utf8"));
const validate = makeValidator({ template: builtinTemplate("village-economy"), registry });

function list(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? list(full) : [relative(FIXTURES, full).split("\\").join("/")];
  });
}

const reports = new Map<string, FileReport>();
async function report(file: string): Promise<FileReport> {
  let r = reports.get(file);
  if (!r) {
    r = await validate({ path: join(FIXTURES, file), name: file });
    reports.set(file, r);
  }
  return r;
}

function where(i: Issue): string {
  if (i.cell) return `@${i.cell}`;
  if (i.code === "missing-village") return `#${i.villageCode}`;
  return i.row !== undefined ? `@row${i.row}` : "";
}
const found = (r: FileReport) => r.issues.map((i) => `${i.code}${where(i)}:${i.severity}`).sort();

/** Township, status and exact problems of every fixture. */
const EXPECTED: Record<string, { township: string | null; status: FileReport["status"]; issues: string[]; rows?: number }> = {
  // Clean files from every producer: nothing at all to report.
  "clean/东湖镇.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "clean/西山镇.xlsx": { township: "西山镇", status: "ok", issues: [] },
  "clean/南溪镇.xlsx": { township: "南溪镇", status: "ok", issues: [] },
  "clean/北岭乡.xls": { township: "北岭乡", status: "ok", issues: [] },
  "clean/白云乡.csv": { township: "白云乡", status: "ok", issues: [] },
  "libreoffice/东湖镇.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "libreoffice/东湖镇.xls": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "libreoffice/西山镇.xls": { township: "西山镇", status: "ok", issues: [] },

  // What real submissions look like.
  "real/表头不规范.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "real/表头同义词.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "real/列顺序变动.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "real/缺少必填列.xlsx": { township: "东湖镇", status: "errors", issues: ["missing-column:error"], rows: 18 },
  "real/代码存为数字.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  // Only the mangled code's cell: the village it stood for cannot be told, so it is not also reported missing.
  "real/代码科学计数法.xlsx": { township: "东湖镇", status: "errors", issues: ["code-format@B6:error"], rows: 18 },
  // Excel's SUM leaves text out, so the 合计 of each column with a text number is short by that number.
  "real/文本型数字.xlsx": {
    township: "东湖镇",
    status: "errors",
    issues: ["text-number@E5:warning", "text-number@F6:warning", "text-number@G7:warning", "total-mismatch@E23:error", "total-mismatch@F23:error", "total-mismatch@G23:error"],
  },
  "real/文本型数字_合计手填.xlsx": { township: "东湖镇", status: "warnings", issues: ["text-number@E5:warning", "text-number@F6:warning", "text-number@G7:warning"] },
  "real/多余标题行.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "real/说明页在前.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "real/含小计行.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  "real/__proto__表名.xlsx": { township: "东湖镇", status: "ok", issues: [], rows: 18 },
  // Formulas saved without results (written by software that does not calculate): the readers keep the formula.
  "real/公式无计算结果.xlsx": { township: "东湖镇", status: "errors", issues: ["formula-uncalculated@E23:error", "formula-uncalculated@F23:error", "formula-uncalculated@G23:error"], rows: 18 },
  "real/旧版Excel.xls": { township: "东湖镇", status: "errors", issues: ["rule@F7:error"] },
  "real/GBK编码.csv": { township: "东湖镇", status: "warnings", issues: ["text-number@E6:warning"], rows: 18 },
  "real/常见错误.xlsx": {
    township: "东湖镇",
    status: "errors",
    issues: [
      "blank-row@row10:warning", // row 10 emptied…
      "decimals@E6:warning",
      "duplicate-village@B14:error", // B14 repeats B13's code…
      "enum@J17:error",
      "formula-error@G8:error",
      "hidden-row@row12:warning",
      "missing-village#339901101206:error", // …so 桃坪村 (row 10) is missing
      "missing-village#339901101210:error", // …so 小口村 (row 14's own) is missing
      "name-mismatch@C16:warning",
      "registry-mismatch@D15:error",
      "rule@F5:error", // 经营性收入 > 总收入
      "rule@H14:error", // row 14 now stands for a non-baseline village marked 已消薄
    ],
    rows: 17,
  },

  // Not spreadsheets, and hostile files: one unreadable report each.
  "unreadable/说明信.xlsx": { township: null, status: "unreadable", issues: ["unreadable:error"] },
  "unreadable/照片.xls": { township: null, status: "unreadable", issues: ["unreadable:error"] },
  "unreadable/工作总结.xlsx": { township: null, status: "unreadable", issues: ["unreadable:error"] },
  "unreadable/空文件.xlsx": { township: null, status: "unreadable", issues: ["unreadable:error"] },
  "unreadable/加密.xlsx": { township: null, status: "unreadable", issues: ["unreadable:error"] },
  "unreadable/传输中断.xlsx": { township: null, status: "unreadable", issues: ["unreadable:error"] },
  "unreadable/压缩炸弹.xlsx": { township: null, status: "unreadable", issues: ["unreadable:error"] },
};

test("every fixture on disk has its expectations here, and every expectation its fixture", () => {
  // reader/ holds the .xlsx reader's own fixtures (tests/unit/io/read-xlsx.test.ts); party-review/ and model-village/
  // Templates 2 and 3's, each asserted the same way by tests/integration/party-review.test.ts / model-village.test.ts;
  // custom-template/ a county's own template (tests/integration/custom-template.test.ts).
  expect(list(FIXTURES).filter((f) => !/^(reader|party-review|model-village|custom-template)\//.test(f)).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.entries(EXPECTED))("%s", (file, expected) => {
  test(`${expected.status}: ${expected.issues.join(" ") || "no problems"}`, async () => {
    const r = await report(file);
    expect(found(r)).toEqual([...expected.issues].sort());
    expect(r.status).toBe(expected.status);
    expect(r.township?.name ?? null).toBe(expected.township);
    if (expected.rows !== undefined) expect(r.rows).toHaveLength(expected.rows);
    for (const i of r.issues) {
      expect(i.file).toBe(file);
      // Every message says where: the file, or the sheet and cell/row.
      expect(i.message.includes(file) || i.message.startsWith(`${i.sheet}!${i.cell}：`) || i.message.startsWith(`${i.sheet} 第 ${i.row} 行：`)).toBe(true);
    }
  });
});

describe("clean files from other producers read the same figures", () => {
  const values = async (file: string) => (await report(file)).rows.toArray().map((r) => r.values);

  test("LibreOffice's .xlsx and .xls re-saves of 东湖镇 have the very values of the original", async () => {
    const original = await values("clean/东湖镇.xlsx");
    expect(await values("libreoffice/东湖镇.xlsx")).toEqual(original);
    expect(await values("libreoffice/东湖镇.xls")).toEqual(original);
    expect(await values("real/表头不规范.xlsx")).toEqual(original);
    expect(await values("real/多余标题行.xlsx")).toEqual(original);
    expect(await values("real/代码存为数字.xlsx")).toEqual(original);
    expect(await values("real/含小计行.xlsx")).toEqual(original);
  });

  test("the LibreOffice .xlsx really was written by LibreOffice", () => {
    const props = XLSX.read(readFileSync(join(FIXTURES, "libreoffice", "东湖镇.xlsx")), { bookProps: true }).Props;
    expect(props?.Application).toMatch(/^LibreOffice/);
  });
});

describe("the messages of the real-submission cases", () => {
  test("text numbers are read as numbers and say so", async () => {
    const r = await report("real/文本型数字_合计手填.xlsx");
    const original = await report("clean/东湖镇.xlsx");
    expect(r.rows.toArray().map((x) => x.values)).toEqual(original.rows.toArray().map((x) => x.values));
    const [e5, f6, g7] = r.issues;
    expect(e5.message).toMatch(/^村级集体经济!E5：总收入“[\d.]+万元”是文本格式的数字，已按 [\d.]+ 读取；/);
    expect(f6.message).toMatch(/^村级集体经济!F6：经营性收入“[０-９．]+”是文本格式的数字/);
    expect(g7.message).toMatch(/^村级集体经济!G7：上级补助收入“[\d,.]+”是文本格式的数字/);
  });

  test("the mangled code says to format the column as text and re-enter it", async () => {
    const [issue] = (await report("real/代码科学计数法.xlsx")).issues;
    expect(issue.message).toBe("村级集体经济!B6：村（社区）代码显示为科学计数法“3.39901E+11”，后几位已经丢失。请把该列设为“文本”格式，再重新输入完整的 12 位代码。");
  });

  test("the missing required column names it and where to add it", async () => {
    const [issue] = (await report("real/缺少必填列.xlsx")).issues;
    expect(issue.message).toBe("real/缺少必填列.xlsx 工作表“村级集体经济”：缺少“经营性收入”列，请在表头“集体经济收入”下加上“经营性收入”列并填写。");
  });

  test("a 合计 formula saved without its value says to open and save the file in Excel or WPS", async () => {
    const [e23] = (await report("real/公式无计算结果.xlsx")).issues;
    expect(e23.message).toBe("村级集体经济!E23：总收入是公式（=SUM(E5:E22)），但文件里没有保存计算结果（文件可能由其他软件生成，未在 Excel 中打开过）。请用 Excel 或 WPS 打开该文件，确认数值后保存，再重新提交。");
  });

  test("__proto__ is just the sheet's name", async () => {
    const r = await report("real/__proto__表名.xlsx");
    expect(r.sheet).toBe("__proto__");
    expect(({} as Record<string, unknown>).villageCode).toBeUndefined();
  });

  test.each([
    ["unreadable/说明信.xlsx", "io.unreadable.notSpreadsheet"],
    ["unreadable/照片.xls", "io.unreadable.notSpreadsheet"],
    ["unreadable/工作总结.xlsx", "io.unreadable.notSpreadsheet"],
    ["unreadable/空文件.xlsx", "io.unreadable.empty"],
    ["unreadable/加密.xlsx", "io.unreadable.encrypted"],
    ["unreadable/传输中断.xlsx", "io.unreadable.truncated"],
    ["unreadable/压缩炸弹.xlsx", "io.unreadable.zipBomb"],
  ] as const)("%s: %s", async (file, key) => {
    const [issue] = (await report(file)).issues;
    expect(issue.message).toBe(t(key, { file }));
  });
});
