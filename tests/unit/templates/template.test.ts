import fc from "fast-check";
import {
  builtinTemplate,
  compileExpression,
  compileTemplate,
  ExpressionError,
  loadTemplate,
  normaliseHeader,
  TemplateError,
  templateToJson,
  type TemplateInput,
} from "../../../addin/templates";

function messagesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e.messages;
    throw e;
  }
  throw new Error("expected a TemplateError");
}

const minimal = (): TemplateInput => ({
  id: "mini",
  name: "小表",
  columns: [
    { key: "a", header: "甲", type: "number", required: true },
    { key: "b", header: "乙", type: "number" },
    { key: "note", header: "备注", type: "text" },
  ],
  rules: [{ id: "r1", expr: "b <= a", column: "b", message: "乙 {b} 大于甲 {a}" }],
});

describe("built-in Template 1 (village-economy)", () => {
  const t1 = builtinTemplate("village-economy");

  test("is schema-checked data with Template 1's 11 columns, rules and parameters", () => {
    expect(t1.columns.map((c) => c.key)).toEqual([
      "seq", "villageCode", "villageName", "weakBaseline", "totalIncome", "operatingIncome", "subsidyIncome",
      "eliminated", "eliminatedYear", "incomePath", "remarks",
    ]);
    expect(t1.columns.filter((c) => c.required).map((c) => c.key)).toEqual(["villageCode", "villageName", "weakBaseline", "totalIncome", "operatingIncome"]);
    expect(t1.parameters).toEqual({ totalMin: 30, operatingMin: 15, mode: "and", yoyMaxChange: 0.5 });
    expect(t1.rules.map((r) => r.expr)).toContain("operatingIncome <= totalIncome");
    expect(t1.explanation?.column).toBe("remarks");
    expect(t1.totals).toEqual({ labels: ["合计", "总计"], subtotals: ["小计"], tolerance: 0.01, missing: "warning" });
    expect(compileTemplate(t1).rules).toHaveLength(t1.rules.length);
  });

  test("is the same object on every call", () => {
    expect(builtinTemplate("village-economy")).toBe(t1);
  });

  test("exports to JSON and loads back unchanged (a county edits its own copy)", () => {
    const json = templateToJson(t1);
    expect(loadTemplate(json)).toEqual(t1);
    expect(loadTemplate(JSON.parse(json))).toEqual(t1);
  });

  test("the columns its sections name may be named by header (or synonym), as a county writes them: they load as keys", () => {
    const json = JSON.parse(templateToJson(t1));
    json.sequenceColumn = "序号";
    json.elimination = { total: "总收入", operating: "经营性收入", eliminated: "是否已消薄", baseline: "薄弱村基数", name: "村（社区）名称", year: "消薄年份" };
    json.yoy = { by: "村（社区）代码", columns: ["经营性收入"], name: "村名称" };
    json.explanation.column = "备注";
    expect(loadTemplate(json)).toEqual(t1);
    json.yoy.columns = ["经营收入"];
    expect(messagesOf(() => loadTemplate(json))).toEqual([expect.stringContaining("yoy.columns[0]")]);
  });

  test("an unknown built-in id names the available ones", () => {
    expect(messagesOf(() => builtinTemplate("nope"))).toEqual(["没有内置模板“nope”。可用：village-economy, party-review, model-village"]);
  });
});

describe("loadTemplate errors, in Chinese, naming the path", () => {
  test("fills defaults", () => {
    const t = loadTemplate(minimal());
    expect(t.columns[1]).toMatchObject({ required: false, unique: false, synonyms: [] });
    expect(t.rules[0]).toMatchObject({ severity: "error", tolerance: 1e-6 });
    expect(t.totals.missing).toBe("warning");
  });

  test("a wrong column type", () => {
    const input = minimal();
    (input.columns[1] as { type: string }).type = "float";
    expect(messagesOf(() => loadTemplate(input))).toEqual([
      "模板 columns[1](b).type：只能是 integer / text / code / yesno / number / year / enum / date 之一",
    ]);
  });

  test("a misspelt field and a missing one", () => {
    const input = minimal() as unknown as { columns: Record<string, unknown>[] };
    input.columns[0].requried = true;
    delete input.columns[2].header;
    expect(messagesOf(() => loadTemplate(input))).toEqual([
      "模板 columns[0](a)：不认识的字段 requried，请检查拼写或删除",
      "模板 columns[2](note).header：缺少此项（应为文字），请补上",
    ]);
  });

  test("a negative tolerance and an empty column list", () => {
    const a = minimal();
    a.rules![0].tolerance = -1;
    expect(messagesOf(() => loadTemplate(a))).toEqual(["模板 rules[0](r1).tolerance：不能小于 0"]);
    expect(messagesOf(() => loadTemplate({ ...minimal(), columns: [] }))).toEqual(["模板 columns：至少要有 1 项（或字符）"]);
  });

  test("an unknown key in a rule expression is a load-time error", () => {
    const input = minimal();
    input.rules![0].expr = "b <= aa";
    expect(messagesOf(() => loadTemplate(input))).toEqual([
      "模板 rules[0](r1).expr：表达式“b <= aa”中的“aa”不是列键或数值参数。可用：a, b, note",
    ]);
  });

  test("numeric parameters are known symbols; functions outside the whitelist are refused", () => {
    const ok = minimal();
    ok.parameters = { limit: 5 };
    ok.rules![0].expr = "abs(b - a) <= limit";
    expect(() => loadTemplate(ok)).not.toThrow();
    const bad = minimal();
    bad.rules![0].expr = 'evaluate("1+1") == 2';
    expect(messagesOf(() => loadTemplate(bad))[0]).toContain("不能使用“evaluate()”");
    const assign = minimal();
    assign.rules![0].expr = "a = 3";
    expect(messagesOf(() => loadTemplate(assign))[0]).toContain("不能使用“AssignmentNode”");
  });

  test("syntax errors, unknown rule columns, duplicate keys and headers are all collected", () => {
    const input = minimal();
    input.rules!.push({ id: "r2", expr: "a +", column: "zz", message: "x" });
    input.columns.push({ key: "a", header: "甲", type: "text" });
    const msgs = messagesOf(() => loadTemplate(input));
    expect(msgs).toHaveLength(4);
    expect(msgs[0]).toBe("模板 columns[3](a)：列键“a”与第 1 列重复，每列的 key 必须不同");
    expect(msgs[1]).toBe("模板 columns[3](a)：表头或同义词“甲”已用于列“甲”，无法区分，请删去其中一个");
    expect(msgs[2]).toMatch(/^模板 rules\[1\]\(r2\)\.column：“zz”不是本模板的列键/);
    expect(msgs[3]).toMatch(/^模板 rules\[1\]\(r2\)\.expr：表达式“a \+”写法有误/);
  });

  test("headers that differ only in spacing or bracket width clash", () => {
    const input = minimal();
    input.columns[1].synonyms = ["甲 "];
    input.columns[2].synonyms = ["（乙）"];
    input.columns.push({ key: "c", header: "(乙)", type: "text" });
    const msgs = messagesOf(() => loadTemplate(input));
    expect(msgs).toEqual([
      "模板 columns[1](b)：表头或同义词“甲 ”已用于列“甲”，无法区分，请删去其中一个",
      "模板 columns[3](c)：表头或同义词“(乙)”已用于列“备注”，无法区分，请删去其中一个",
    ]);
  });

  test("enum without values, bad regex, min above max, elimination keys of the wrong type", () => {
    const input = minimal();
    input.columns.push({ key: "e", header: "类", type: "enum" });
    input.columns.push({ key: "p", header: "码", type: "text", pattern: "([" });
    input.columns[0].min = 5;
    input.columns[0].max = 1;
    input.elimination = { total: "a", operating: "b", eliminated: "note", baseline: "note" };
    const msgs = messagesOf(() => loadTemplate(input));
    expect(msgs).toEqual([
      "模板 columns[0](a)：min 5 大于 max 1",
      "模板 columns[3](e)：enum 类型的列必须给出可选值列表 enum",
      "模板 columns[4](p).pattern：正则表达式“([”无效",
      "模板 elimination.eliminated：列“note”的类型应为 yesno",
      "模板 elimination.baseline：列“note”的类型应为 yesno",
    ]);
  });

  test("text that is not JSON", () => {
    expect(messagesOf(() => loadTemplate("{ id: 1"))[0]).toMatch(/^模板文件不是有效的 JSON：/);
  });
});

describe("rule expressions (restricted mathjs, compiled once)", () => {
  const known = new Set(["a", "b", "c", "yes", "no"]);

  test("comparisons with a tolerance; blanks make the rule not applicable", () => {
    const e = compileExpression("a + b <= c", known, 0.01);
    expect(e.symbols.sort()).toEqual(["a", "b", "c"]);
    expect(e.fn({ a: 1, b: 2, c: 3 })).toBe(true);
    expect(e.fn({ a: 1, b: 2.01, c: 3 })).toBe(true);
    expect(e.fn({ a: 1, b: 2.02, c: 3 })).toBe(false);
    expect(e.fn({ a: null, b: 2, c: 3 })).toBeNull();
    expect(e.compare?.op).toBe("<=");
  });

  test("balance rule 7 = 1 + 2 - 3 within tolerance, and floating point sums", () => {
    const e = compileExpression("c == a + b", known, 0.005);
    expect(e.fn({ a: 0.1, b: 0.2, c: 0.3 })).toBe(true);
    expect(e.fn({ a: 0.1, b: 0.2, c: 0.31 })).toBe(false);
  });

  test("booleans, and/or/not with three-valued logic, chained comparisons, whitelisted functions", () => {
    const e = compileExpression("yes or not no", known);
    expect(e.fn({ yes: false, no: true })).toBe(false);
    expect(e.fn({ yes: true, no: null })).toBe(true);
    expect(e.fn({ yes: false, no: null })).toBeNull();
    expect(compileExpression("0 <= a <= 5", known).fn({ a: 6 })).toBe(false);
    expect(compileExpression("max(a, b) - min(a, b) == abs(a - b)", known).fn({ a: 3, b: 7 })).toBe(true);
    expect(compileExpression("round(a / b, 2) == 0.33", known).fn({ a: 1, b: 3 })).toBe(true);
    expect(compileExpression("a / b", known).fn({ a: 1, b: 0 })).toBeNull();
  });

  test("compiled with slots, an expression reads a row by place and gives what it gives reading by name", () => {
    const slots = new Map([["a", 0], ["b", 1], ["c", 2], ["yes", 3], ["no", 4]]);
    const sources = ["a + b <= c", "c == a + b", "yes or not no", "0 <= a <= 5", "a / b > c ? yes : no", "max(a, b) - min(a, b) == abs(a - b)"];
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.double({ min: -10, max: 10, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sources.length - 1 }).map((i) => sources[i]), fc.tuple(value, value, value, value, value), (src, row) => {
        const byName = compileExpression(src, known, 0.01);
        const byPlace = compileExpression(src, known, 0.01, slots);
        const scope = { a: row[0], b: row[1], c: row[2], yes: row[3], no: row[4] };
        expect(byPlace.fn(row)).toEqual(byName.fn(scope));
        expect(byPlace.compare?.left(row) ?? null).toEqual(byName.compare?.left(scope) ?? null);
      }),
    );
  });

  test("a template's row scope: its columns by index, blank, then its parameters", () => {
    for (const id of ["village-economy", "party-review", "model-village"]) {
      const ct = compileTemplate(builtinTemplate(id));
      const params = Object.values(ct.params);
      expect(ct.rowScope).toEqual([...ct.columns.map(() => null), ...params]);
      expect(params.length).toBeGreaterThan(0);
    }
  });

  test.each([
    ["import({}, {})", "unsupported"],
    ['parse("1")', "unsupported"],
    ["createUnit(\"x\")", "unsupported"],
    ["a.constructor", "unsupported"],
    ["a[1]", "unsupported"],
    ["f(x) = x", "unsupported"],
    ["'text'", "unsupported"],
    ["zz > 1", "unknown-symbol"],
    ["a >", "syntax"],
  ])("%s is refused (%s)", (src, kind) => {
    try {
      compileExpression(src, known);
      throw new Error("should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(ExpressionError);
      expect((e as ExpressionError).kind).toBe(kind);
    }
  });
});

describe("header normalisation", () => {
  test.each([
    ["村（社区）\n代码", "村(社区)代码"],
    [" 村 ( 社区 ) 名称 ", "村(社区)名称"],
    ["＊总收入（万元）", "总收入"],
    ["经营性收入\r\n(万元)", "经营性收入"],
    ["ＡＢＣ１２", "abc12"],
    ["是否　已消薄", "是否已消薄"],
  ])("%j → %j", (raw, norm) => {
    expect(normaliseHeader(raw)).toBe(norm);
  });

  test("is idempotent (property)", () => {
    const piece = fc.constantFrom("（", "）", "(", ")", " ", "\n", "\u3000", "*", "＊", "万元", "元", "村", "Ａ", "a", "1", "１", "代码", "ǅ", "ﬁ", "İ");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece).map((a) => a.join(""))), (s) => {
        const once = normaliseHeader(s);
        expect(normaliseHeader(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
