/**
 * The built page's JavaScript (dist/, made by `npm run build`), held to the split the pane relies on: the first load
 * carries no file library and no template machinery, both entries share one webpack runtime and one copy of
 * addin/i18n (so the locale set at boot is the one the custom functions see), and reading files (SheetJS) never
 * pulls in the writer (ExcelJS). Sizes are printed; `npm run size` shows the same table.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const DIST = join(ROOT, "dist");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require(join(ROOT, "scripts", "bundle-size.js")) as {
  measure(dist?: string): { assets: { file: string; raw: number; gzip: number; load: "initial" | "lazy"; contents: string[] }[]; initial: { raw: number; gzip: number } };
};

interface ChunkStats {
  name: string | null;
  files: string[];
  initial: boolean;
  entries: string[];
  origins: string[];
  engine: string[];
}

let chunks: ChunkStats[];
beforeAll(() => {
  if (!existsSync(join(DIST, "bundle-stats.json"))) throw new Error("dist/bundle-stats.json is missing: run `npm run build` first (npm test does).");
  chunks = JSON.parse(readFileSync(join(DIST, "bundle-stats.json"), "utf8")).chunks;
});

const holding = (origin: string) => chunks.filter((c) => c.origins.includes(origin));

test("the first load has no file library, no mathjs and no zod", () => {
  const m = measure(DIST);
  const initial = m.assets.filter((a) => a.load === "initial");
  expect(initial.map((a) => a.file).sort()).toEqual(["functions.js", "runtime.js", "shared.js", "taskpane.js"]);
  for (const a of initial) for (const lib of ["exceljs", "@e965/xlsx", "mathjs", "zod", "addin/templates"]) expect([a.file, a.contents.includes(lib)]).toEqual([a.file, false]);
  // Of the validation and merge engines, only the light faces the pane words its first screens with: the report model
  // with its issue counter and code registry, and the township status text (the engines load when files are chosen).
  const engineFirst = chunks.filter((c) => c.initial).flatMap((c) => c.engine.filter((f) => /^addin\/(validate|merge)\//.test(f)));
  expect(engineFirst.sort()).toEqual(["addin/merge/status.ts", "addin/validate/codes.ts", "addin/validate/report.ts"]);
  // The webpack stats agree with what taskpane.html loads.
  expect(chunks.filter((c) => c.initial).flatMap((c) => c.files).sort()).toEqual(initial.map((a) => a.file).sort());
  console.log(`initial JS: ${(m.initial.raw / 1024).toFixed(1)} KB raw, ${(m.initial.gzip / 1024).toFixed(1)} KB gzip (${initial.map((a) => `${a.file} ${(a.gzip / 1024).toFixed(1)}`).join(", ")})`);
});

test("one runtime for both entries, and addin/i18n ships once, in a chunk both load", () => {
  const runtimes = chunks.filter((c) => c.name === "runtime");
  expect(runtimes).toHaveLength(1);
  expect(runtimes[0].entries).toEqual(["functions", "taskpane"]);
  const i18n = holding("addin/i18n");
  expect(i18n).toHaveLength(1);
  expect(i18n[0]).toMatchObject({ initial: true, entries: ["functions", "taskpane"] });
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const order = ["runtime.js", "shared.js", "functions.js", "taskpane.js"].map((f) => html.indexOf(`src=${f}`));
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order); // the runtime and the shared chunk come first
});

test("SheetJS, ExcelJS and mathjs are lazy chunks of their own", () => {
  for (const lib of ["@e965/xlsx", "exceljs", "mathjs"]) {
    const c = holding(lib);
    expect(c).toHaveLength(1);
    expect(c[0].initial).toBe(false);
  }
  expect(holding("exceljs")[0]).not.toBe(holding("@e965/xlsx")[0]);
  expect(holding("@e965/xlsx")[0].origins).not.toContain("exceljs");
});

test("dist/消薄助手.html is one file: every script inline, no chunk or office.js to fetch, a CSP that allows no request", () => {
  const path = join(DIST, "消薄助手.html");
  expect(existsSync(path)).toBe(true);
  const html = readFileSync(path, "utf8");
  expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toContain("appsforoffice");
  expect(html).not.toMatch(/chunks\/[\w.-]+\.js/);
  // One script element: every "</script" inside the bundle was escaped, so the only one closes it, just before </body>.
  expect(html.match(/<\/script/gi)).toHaveLength(1);
  expect(html.slice(html.indexOf("</script>"))).toMatch(/^<\/script>\s*<\/body>\s*<\/html>\s*$/);
  expect(html.indexOf("<script>")).toBeLessThan(html.indexOf("</script>"));
  expect(html.slice(0, html.indexOf("<script>"))).toMatch(/<div id="?container"?><\/div>\s*$/);
  expect(html).toMatch(/<meta http-equiv="?Content-Security-Policy"? content="default-src 'none'; script-src 'unsafe-inline';/);
  // The lazy libraries are inside: SheetJS (reading), ExcelJS (annotated copies) and mathjs (templates).
  for (const marker of ["SheetJS", "exceljs", "mathjs"]) expect([marker, html.toLowerCase().includes(marker.toLowerCase())]).toEqual([marker, true]);
  const { gzipSync } = require("zlib") as typeof import("zlib"); // eslint-disable-line @typescript-eslint/no-require-imports
  const bytes = Buffer.byteLength(html);
  console.log(`dist/消薄助手.html: ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes), ${(gzipSync(html).length / 1024).toFixed(0)} KB gzip`);
});
