/**
 * Every word a user reads, and every word XiaoBo matches in files and formulas, lives in addin/i18n (the catalogue,
 * and words.ts for the matched words). This test reads the engine's and surfaces' sources and flags Chinese text in
 * code anywhere else; comments are not code. The exceptions are few and named here with their reason.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";

const root = resolve(__dirname, "../../..");
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/;

/** File → why its Chinese is not user-facing text (or may not move). */
const EXCEPTIONS: Record<string, string> = {
  // The official 等次 labels are part of the definition of grade(); addin/metrics imports nothing, not even the catalogue.
  "addin/metrics/assessment.ts": "official grade labels, part of the definition",
  // The demo county's registry and targets, bundled as data for the offline page.
  "taskpane/demo-county.ts": "bundled demo data",
  // "宋体" is the name of a font Excel looks up, not a word shown.
  "addin/io/fonts.ts": "a font name",
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** The code of a file with its comments blanked out (line structure kept), strings left in. */
function codeOf(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === "/" && /[(,=:[!&|?{};]\s*$|^\s*$/.test(out.slice(-40).split("\n").pop()!)) {
      // A regular expression literal (it may hold a quote): up to its closing slash, outside a character class.
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== "\n" && (inClass || text[j] !== "/")) {
        if (text[j] === "\\") j++;
        else if (text[j] === "[") inClass = true;
        else if (text[j] === "]") inClass = false;
        j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * A template's schema documents itself: its .describe("…") texts are what editors show a county writing a template
 * (docs/template.schema.json), kept beside the field they describe.
 */
const SCHEMA_DOC = /\.describe\(\s*("(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)\s*\)/g;

describe("user-facing Chinese text lives in addin/i18n", () => {
  const files = ["addin", "functions", "taskpane", "cli"]
    .flatMap((d) => sources(join(root, d)))
    .map((f) => f.slice(root.length + 1))
    .filter((f) => !f.startsWith("addin/i18n/"));

  test("no Chinese in code outside addin/i18n, but for the named exceptions", () => {
    const found: string[] = [];
    for (const f of files) {
      if (EXCEPTIONS[f]) continue;
      const code = codeOf(readFileSync(join(root, f), "utf8")).replace(SCHEMA_DOC, ".describe()");
      code.split("\n").forEach((line, k) => {
        if (CJK.test(line)) found.push(`${f}:${k + 1}: ${line.trim().slice(0, 80)}`);
      });
    }
    expect(found).toEqual([]);
  });

  test("the check sees Chinese in code and not in comments", () => {
    expect(CJK.test(codeOf('const a = "合计"; // 合计'))).toBe(true);
    expect(CJK.test(codeOf("const a = 1; // 合计\n/* 乡镇 */"))).toBe(false);
    expect(CJK.test(codeOf('const q = /"/; // 合计'))).toBe(false);
    expect(CJK.test(codeOf('z.string().describe("文字")').replace(SCHEMA_DOC, ".describe()"))).toBe(false);
  });

  test("every exception is still needed (its file has Chinese in code)", () => {
    for (const f of Object.keys(EXCEPTIONS)) expect([f, CJK.test(codeOf(readFileSync(join(root, f), "utf8")))]).toEqual([f, true]);
  });
});
