import { readFileSync } from "fs";
import { join } from "path";
import { parseRegistry, parseTargets, RegistryError, villagesByCode } from "../../../addin/templates";

const demo = join(__dirname, "../../../samples/demo-county");

describe("registry (村名册)", () => {
  const registry = parseRegistry(readFileSync(join(demo, "registry.csv"), "utf8"));

  test("reads the demo county: 12 townships, 188 villages, codes nested in their township", () => {
    expect(registry.townships).toHaveLength(12);
    const villages = registry.townships.flatMap((t) => t.villages);
    expect(villages).toHaveLength(188);
    for (const t of registry.townships) for (const v of t.villages) expect(v.code.startsWith(t.code)).toBe(true);
    expect(registry.townships[0]).toMatchObject({ code: "339901101", name: "东湖镇" });
    expect(villages.find((v) => v.code === "339901101210")).toMatchObject({ name: "小口村", weakBaseline: true });
  });

  test("collects every bad row with its row number, in Chinese", () => {
    const text = "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数\n339901101,东湖镇,33990110120,甲村,是\n339901101,东湖镇,339901101201,乙村,可能\n339901101,东湖镇,339901102201,丙村,否\n";
    try {
      parseRegistry(text, "名册.csv");
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(RegistryError);
      const messages = (e as RegistryError).messages;
      expect(messages).toHaveLength(3);
      expect(messages[0]).toContain("名册.csv 第 2 行");
      expect(messages[1]).toContain("第 3 行");
      expect(messages[2]).toContain("前 9 位");
    }
  });

  test("a village listed twice names the row it was first on; past the listed problems the rest are counted", () => {
    const head = "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数\n";
    const village = (k: number) => `339901101,东湖镇,${339901101000 + k},村${k},否\n`;
    const messagesOf = (text: string) => {
      try {
        parseRegistry(text, "名册.csv");
      } catch (e) {
        return (e as RegistryError).messages;
      }
      throw new Error("should have thrown");
    };
    expect(messagesOf(head + village(201) + village(202) + village(201))).toEqual(["名册.csv 第 4 行：村代码 339901101201 重复（第 2 行已有）。"]);
    // 300 villages each listed twice: 200 duplicates named with their first row, 100 counted.
    let text = head;
    for (let k = 0; k < 300; k++) text += village(200 + k);
    for (let k = 0; k < 300; k++) text += village(200 + k);
    const messages = messagesOf(text);
    expect(messages).toHaveLength(201);
    expect(messages[0]).toBe("名册.csv 第 302 行：村代码 339901101200 重复（第 2 行已有）。");
    expect(messages[199]).toBe("名册.csv 第 501 行：村代码 339901101399 重复（第 201 行已有）。");
    expect(messages[200]).toBe("名册.csv：另有 100 处问题未逐条列出，请先改正上面列出的问题。");
  });

  test("villagesByCode: the registry's villages by code, from the parse or made for a registry that came another way", () => {
    const byCode = villagesByCode(registry);
    expect(byCode.size).toBe(188);
    expect(byCode.get("339901101210")).toBe(registry.townships[0].villages.find((v) => v.code === "339901101210"));
    const copy = structuredClone(registry);
    expect(villagesByCode(copy).get("339901101210")).toEqual(byCode.get("339901101210"));
  });

  test("names a missing column", () => {
    expect(() => parseRegistry("乡镇代码,村代码\n", "r.csv")).toThrow(/缺少“乡镇名称”列/);
  });

  test("targets: one whole number per registry township", () => {
    const targets = parseTargets(readFileSync(join(demo, "targets.csv"), "utf8"), "targets.csv", registry);
    expect(Object.keys(targets)).toHaveLength(12);
    expect(targets["339901102"]).toBe(5);
    expect(() => parseTargets("乡镇代码,年度消薄任务数\n339901101,2.5\n999999999,1\n", "t.csv", registry)).toThrow(RegistryError);
  });
});
