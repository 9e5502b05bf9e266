/** The user guide's screenshots exist, at the task pane's width (made by `npm run screenshots`). */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";

const DOCS = join(__dirname, "..", "..", "..", "docs");

test("every screenshot docs/user-guide.md shows is in docs/screenshots, 320–360 px wide and small", () => {
  const guide = readFileSync(join(DOCS, "user-guide.md"), "utf8");
  const shots = [...guide.matchAll(/!\[[^\]]*\]\((screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]);
  expect(shots.sort()).toEqual(["screenshots/检查.png", "screenshots/汇总.png", "screenshots/设置.png"]);
  for (const s of shots) {
    const path = join(DOCS, s);
    expect([s, existsSync(path)]).toEqual([s, true]);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = png.readUInt32BE(16);
    expect([s, width >= 320 && width <= 360]).toEqual([s, true]);
    expect(png.length).toBeLessThan(200 * 1024);
  }
});

/**
 * docs/templates.md explains the template format: every field of the zod schema (top level, columns, rules, the summary
 * and its parts), every column type, measure kind and expression function is named in it (as `field`), so a field added
 * to the schema without a word in the doc fails here. Its worked example is the committed fixture, word for word.
 */
describe("docs/templates.md", () => {
  const doc = readFileSync(join(DOCS, "templates.md"), "utf8");
  const mentioned = (names: readonly string[]) => names.filter((n) => !doc.includes("`" + n + "`"));

  /** The field names of an object schema, through optional/default wrappers and arrays. */
  function fieldsOf(schema: unknown): string[] {
    let s = schema as { def: { type: string; innerType?: unknown; element?: unknown }; shape?: Record<string, unknown> };
    for (;;) {
      if (s.def.type === "optional" || s.def.type === "default") s = s.def.innerType as typeof s;
      else if (s.def.type === "array") s = s.def.element as typeof s;
      else break;
    }
    return Object.keys(s.shape ?? {});
  }
  const field = (schema: { shape: Record<string, unknown> }, name: string) => schema.shape[name];

  test("names every top-level and summary field", async () => {
    const { templateSchema, summarySchema } = await import("../../../addin/templates");
    expect(fieldsOf(templateSchema).length).toBeGreaterThan(15);
    expect(mentioned(fieldsOf(templateSchema))).toEqual([]);
    expect(fieldsOf(summarySchema).length).toBeGreaterThan(10);
    expect(mentioned(fieldsOf(summarySchema))).toEqual([]);
  });

  test("names every field of columns, rules, totals, explanation, elimination, yoy and of the summary's parts", async () => {
    const t = await import("../../../addin/templates");
    const parts = [
      t.columnSchema, t.computeSchema, t.ruleSchema, field(t.templateSchema, "totals"), field(t.templateSchema, "explanation"),
      field(t.templateSchema, "elimination"), field(t.templateSchema, "yoy"), field(t.columnSchema, "requiredWhen"),
      field(t.summarySchema, "rank"), t.unitRankingSchema, t.unitListSchema, t.breakdownSchema, field(t.summarySchema, "derived"),
    ];
    for (const p of parts) expect(mentioned(fieldsOf(p))).toEqual([]);
    expect(mentioned(Object.keys(t.parametersSchema.shape))).toEqual([]);
    // flags and index, one level further down.
    const rank = field(t.summarySchema, "rank") as unknown;
    expect(mentioned(fieldsOf((rank as { def: { innerType: { shape: Record<string, unknown> } } }).def.innerType.shape.flags))).toEqual([]);
    expect(mentioned(fieldsOf(t.unitRankingSchema.shape.index))).toEqual([]);
  });

  test("names every column type, measure kind and its fields, figure format, and every expression function with its =XB.… counterpart", async () => {
    const t = await import("../../../addin/templates");
    expect(mentioned([...t.COLUMN_TYPES])).toEqual([]);
    expect(mentioned([...t.FIGURE_FORMATS])).toEqual([]);
    expect(mentioned(["all", "some", "villageCode", "villageName", "weakBaseline", "dense", "competition", "desc", "asc", "key", "header"])).toEqual([]);
    const kinds = t.measureSchema.options.map((o) => (o.shape.kind as unknown as { def: { values: string[] } }).def.values[0]);
    expect(kinds).toEqual(["registry", "target", "reported", "count", "sum", "mean", "share", "ratio", "goal"]);
    expect(mentioned(kinds)).toEqual([]);
    for (const o of t.measureSchema.options) expect(mentioned(fieldsOf(o))).toEqual([]);
    const missing = t.FUNCTION_NAMES.filter((f) => !new RegExp("`" + f + "\\(").test(doc));
    expect(missing).toEqual([]);
    for (const xb of ["XB.TOTAL", "XB.VOTESCORE", "XB.WEIGHTED", "XB.GRADE", "XB.STARS", "XB.COMPOSITE", "XB.RANK", "XB.FLAG", "XB.INBOTTOM"]) expect(doc).toContain("`=" + xb + "`");
  });

  test("tells how to point an editor at docs/template.schema.json", () => {
    expect(doc).toContain('"$schema": "./template.schema.json"');
    expect(doc).toContain('"json.schemas"');
    expect(doc).toContain("npm run schema");
  });

  test("its worked example is the committed 软弱涣散村整顿台账 template, which loads", async () => {
    const { loadTemplate } = await import("../../../addin/templates");
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    const example = blocks.find((b) => b.includes('"id": "weak-village-rectification"'));
    const fixture = readFileSync(join(DOCS, "..", "tests", "fixtures", "custom-template", "软弱涣散村整顿台账.json"), "utf8");
    expect(example).toBe(fixture);
    expect(() => loadTemplate(JSON.parse(example!))).not.toThrow();
  });
});

/** What a comment or a doc cites is in the repository (docs/architecture.md, docs/domain.md …), never outside it. */
describe("citations", () => {
  const ROOT = join(DOCS, "..");
  const files = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|js|cjs|mjs|md)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const sources = ["addin", "cli", "functions", "taskpane", "bench", "scripts", "eslint-rules", "docs"].flatMap(files).concat(["README.md", "eslint.config.mjs"]);

  test("every docs/… file a source or doc names exists", () => {
    const missing: string[] = [];
    for (const f of sources) {
      for (const m of readFileSync(join(ROOT, f), "utf8").matchAll(/\bdocs\/([\w\-.\u4e00-\u9fff]+\.(?:md|json|png))/g)) {
        if (!existsSync(join(DOCS, m[1]))) missing.push(`${f}: docs/${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("the design documents are cited in the repository, not from outside it", () => {
    const outside = sources.filter((f) => /(?<![\w/])(architecture|domain)\.md|\.\.\/shared\//.test(readFileSync(join(ROOT, f), "utf8")));
    expect(outside).toEqual([]);
  });
});
