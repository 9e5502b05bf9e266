/**
 * The code registry (addin/validate/codes.ts) is the one place a code is defined: every code has its words for users,
 * every variant's message exists, no call site picks a severity, no code is dead, and docs/问题代码.md is current.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { catalogue } from "../../../addin/i18n";
import { ISSUE_REGISTRY, internalErrorReport, issueCodesMarkdown, validateGrid, type AnyCode } from "../../../addin/validate";
import { ctx, sheet, villages } from "./t1";

const root = resolve(__dirname, "../../..");
const CODES = Object.keys(ISSUE_REGISTRY) as AnyCode[];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}
const engine = ["addin", "cli", "taskpane", "functions"].flatMap((d) => sources(join(root, d)));
const registryFile = join(root, "addin/validate/codes.ts");

describe("the issue code registry", () => {
  test("docs/问题代码.md is generated from it and current (npm run codes)", () => {
    expect(readFileSync(join(root, "docs/问题代码.md"), "utf8")).toBe(issueCodesMarkdown());
    for (const code of CODES) expect(issueCodesMarkdown()).toContain(`| \`${code}\` |`);
  });

  test("every code has a Chinese and an English title and fix, and every variant's message is in the catalogue", () => {
    const cat = catalogue as Record<string, { "zh-CN": string; "en-US"?: string }>;
    for (const code of CODES) {
      for (const part of ["title", "fix"]) {
        const entry = cat[`codes.${code}.${part}`];
        expect([code, part, (entry?.["zh-CN"]?.length ?? 0) > 0, entry?.["en-US"] !== undefined]).toEqual([code, part, true, true]);
      }
      for (const v of Object.values(ISSUE_REGISTRY[code].variants) as { message?: string }[]) if (v.message) expect(cat[v.message]).toBeDefined();
    }
  });

  test("no call site chooses a severity, and no code is defined outside the registry", () => {
    const offenders = engine.filter((f) => f !== registryFile && /severity:\s*"(error|warning)"\s*[,}]/.test(readFileSync(f, "utf8")));
    expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
  });

  test("every code is emitted somewhere (no listed-but-dead code)", () => {
    const text = engine.filter((f) => f !== registryFile).map((f) => readFileSync(f, "utf8")).join("\n");
    expect(CODES.filter((c) => !text.includes(`"${c}"`))).toEqual([]);
  });

  test("a failure the readers did not foresee is reported as internal-error, and the file counts as unreadable", () => {
    const r = internalErrorReport("坏.xlsx", new RangeError("boom"));
    expect(r.status).toBe("unreadable");
    expect(r.issues).toMatchObject([{ code: "internal-error", severity: "error", file: "坏.xlsx" }]);
    expect(r.issues[0].message).toContain("RangeError: boom");
  });

  test("an issue carries the offending value as the file has it", () => {
    const rows = villages();
    rows[1][4] = "二十万";
    rows[2][7] = "对";
    const r = validateGrid(sheet({ rows }), "东湖镇.xlsx", ctx, "xlsx");
    expect(r.issues.find((i) => i.cell === "E6")).toMatchObject({ code: "type", value: "二十万" });
    expect(r.issues.find((i) => i.cell === "H7")).toMatchObject({ code: "enum", value: "对" });
  });
});
