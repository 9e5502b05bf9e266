import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { PARAMS } from "../../../functions/arg-names";

const ROOT = join(__dirname, "../../..");
const IDS = ["ELIMRATE", "TASKRATE", "MEETS", "STATUS", "CONVRATE", "SHAREABOVE", "RANK", "RANKS", "GROUPRANK", "FLAG", "INBOTTOM", "VOTESCORE", "TOTAL", "WEIGHTED", "GRADE", "STARS", "COMPOSITE", "GROWTH"];

interface Param { name: string; type?: string; dimensionality?: string; optional?: boolean; description?: string }
interface Fn { id: string; name: string; description?: string; parameters: Param[]; result: { type?: string; dimensionality?: string } }

describe("custom function metadata", () => {
  let generated: Fn[];
  const zh = JSON.parse(readFileSync(join(ROOT, "functions/functions-zh-cn.json"), "utf8")).functions as Fn[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(join(ROOT, "functions/functions.ts"));
    expect(result.errors).toEqual([]);
    generated = JSON.parse(result.metadataJson).functions;
  }, 60000);

  test("every function the issue lists is generated, with an ASCII id", () => {
    expect(generated.map((f) => f.id).sort()).toEqual([...IDS].sort());
    for (const f of generated) expect(f.id).toMatch(/^[A-Z]+$/);
  });

  test("the hand-kept zh-CN file matches the generated one: same ids, parameters and results", () => {
    expect(zh.map((f) => f.id)).toEqual(generated.map((f) => f.id));
    zh.forEach((z, i) => {
      const g = generated[i];
      const shape = (p: Param) => ({ type: p.type, dimensionality: p.dimensionality ?? "scalar", optional: !!p.optional });
      expect({ id: z.id, params: z.parameters.map(shape), result: z.result }).toEqual({ id: g.id, params: g.parameters.map(shape), result: g.result });
    });
  });

  test("zh-CN names and help are Chinese and filled in", () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const f of zh) {
      expect(f.name).toMatch(cjk);
      expect(f.description).toMatch(cjk);
      for (const p of f.parameters) {
        expect(p.name).toMatch(cjk);
        expect(p.description).toMatch(cjk);
      }
    }
    expect(new Set(zh.map((f) => f.name)).size).toBe(zh.length);
    expect(zh.find((f) => f.id === "ELIMRATE")!.name).toBe("消除率");
    const names = Object.fromEntries(zh.map((f) => [f.id, f.name]));
    expect(names.WEIGHTED).toBe("综合得分");
    expect(names.STARS).toBe("评星定级");
    expect(names.COMPOSITE).toBe("综合指数");
  });

  test("names follow Office's naming rules: start with a letter, at least three characters (id and every localised name)", () => {
    // learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming: "Both must start with a letter and be at
    // least three characters"; id: A–Z, 0–9, _ and . only; name: Unicode letters, _ and . only.
    for (const f of generated) expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    for (const f of zh) {
      expect([...f.name].length).toBeGreaterThanOrEqual(3);
      expect(f.name).toMatch(/^\p{L}[\p{L}_.]*$/u);
    }
  });

  test("the argument names used in messages follow the generated parameter order", () => {
    expect(Object.keys(PARAMS)).toEqual(generated.map((f) => f.id));
    for (const f of generated) expect([...PARAMS[f.id as keyof typeof PARAMS]]).toEqual(f.parameters.map((p) => p.name));
  });

  test("README's function table lists every function with its zh-CN name and generated parameters", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const rows = new Map<string, { params: string; name: string }>();
    for (const m of readme.matchAll(/^\| `XB\.([A-Z]+)\(([^)]*)\)` \| ([^|]+) \|/gm)) rows.set(m[1], { params: m[2], name: m[3].trim() });
    expect([...rows.keys()].sort()).toEqual([...IDS].sort());
    for (const z of zh) expect(rows.get(z.id)!.name).toBe(z.name);
    for (const g of generated) {
      const listed = rows.get(g.id)!.params.split(",").map((p) => p.trim().replace(/^\[(.*)\]$/, "$1"));
      const want = g.parameters.map((p) => p.name);
      // "…" may stand for the trailing optional parameters
      const shown = listed[listed.length - 1] === "…" ? listed.slice(0, -1) : listed;
      expect(shown).toEqual(want.slice(0, shown.length));
      if (shown.length < want.length) expect(g.parameters.slice(shown.length).every((p) => p.optional)).toBe(true);
    }
  });
});
