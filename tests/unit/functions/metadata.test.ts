import { readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const ROOT = join(__dirname, "../../..");
const IDS = ["ELIMRATE", "TASKRATE", "MEETS", "STATUS", "CONVRATE", "SHAREABOVE", "RANK", "RANKS", "GROUPRANK", "FLAG", "INBOTTOM", "VOTESCORE", "TOTAL", "GRADE", "GROWTH"];

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
  });
});
