import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { indexRegistry, parseRegistry, readRegistryRows, readWellFormedRegistry, RegistryError, villagesByCode } from "../../../addin/templates/registry";

/** What a parse gives: the registry (and its index by code), or the messages it throws. */
function outcome(parse: () => ReturnType<typeof parseRegistry>): unknown {
  try {
    const r = parse();
    return { registry: r, byCode: new Map(villagesByCode(r)) };
  } catch (e) {
    if (e instanceof RegistryError) return { messages: e.messages };
    throw e;
  }
}

const HEADER = ["乡镇代码", "乡镇名称", "村代码", "村名称", "薄弱村基数"];

/** One thing wrong with one row, that the general parse explains or tolerates; none for a well-formed registry. */
const FLAWS = {
  none: (c: string[]) => c,
  weakY: (c: string[]) => [c[0], c[1], c[2], c[3], "Y"],
  weakBlank: (c: string[]) => [c[0], c[1], c[2], c[3], ""],
  weakOther: (c: string[]) => [c[0], c[1], c[2], c[3], "可能"],
  nameComma: (c: string[]) => [c[0], c[1], c[2], "村, 东", c[4]],
  nameQuote: (c: string[]) => [c[0], c[1], c[2], '己"村', c[4]],
  nameSpace: (c: string[]) => [c[0], c[1], c[2], " 丙村", c[4]],
  nameIdeographicSpace: (c: string[]) => [c[0], c[1], c[2], "丙村\u3000", c[4]],
  nameBlank: (c: string[]) => [c[0], c[1], c[2], "", c[4]],
  codeShort: (c: string[]) => [c[0], c[1], c[2].slice(1), c[3], c[4]],
  codeLetter: (c: string[]) => [c[0], c[1], c[2].slice(0, 11) + "x", c[3], c[4]],
  codeOtherTownship: (c: string[]) => [c[0], c[1], "339901109" + c[2].slice(9), c[3], c[4]],
  townshipShort: (c: string[]) => [c[0].slice(1), c[1], c[2], c[3], c[4]],
  townshipLong: (c: string[]) => [c[0] + c[2][9], c[1], c[2], c[3], c[4]],
  townshipBlank: (c: string[]) => ["", c[1], c[2], c[3], c[4]],
  townshipNameBlank: (c: string[]) => [c[0], "", c[2], c[3], c[4]],
};
type Flaw = keyof typeof FLAWS | "blankLine" | "missingField" | "duplicate" | "duplicateFirst" | "loneCr";
/** Half the registries well formed. */
const FLAW_CHOICES = (Object.keys(FLAWS) as Flaw[]).concat(["blankLine", "missingField", "duplicate", "duplicateFirst", "loneCr"]);
while (FLAW_CHOICES.filter((f) => f === "none").length < FLAW_CHOICES.length / 2) FLAW_CHOICES.push("none");

/** A registry's text: well formed, or with one flaw in one row, in any column order, with any line ends. */
const registryText = fc
  .record({
    order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
    extra: fc.boolean(),
    bom: fc.boolean(),
    eol: fc.constantFrom("\n", "\r\n"),
    end: fc.constantFrom("", "\n", "\n\n", "\n \n"),
    rows: fc.array(fc.record({ township: fc.integer({ min: 0, max: 3 }), weak: fc.constantFrom("是", "否"), name: fc.constantFrom("甲村", "乙村", "丁村", "村1") }), {
      minLength: 1,
      maxLength: 25,
    }),
    townshipNames: fc.array(fc.constantFrom("东湖镇", "西湖乡", "南山街道"), { minLength: 4, maxLength: 4 }),
    flaw: fc.integer({ min: 0, max: FLAW_CHOICES.length - 1 }).map((k) => FLAW_CHOICES[k]),
    at: fc.nat(),
    // Codes in descending order: every township out of the ascending order its program would list it in.
    descending: fc.boolean(),
  })
  .map(({ order, extra, bom, eol, end, rows, townshipNames, flaw, at, descending }) => {
    const line = (cells: string[]) => {
      const out = order.map((k) => (/[",\r\n]/.test(cells[k]) ? `"${cells[k].replace(/"/g, '""')}"` : cells[k]));
      return (extra ? [...out, "备注"] : out).join(",");
    };
    const flawed = at % rows.length;
    const lines = [line(HEADER)];
    rows.forEach((r, i) => {
      const township = `33990110${r.township}`;
      const cells = [township, townshipNames[r.township], `${township}${200 + i}`, r.name, r.weak];
      if (i !== flawed) return lines.push(line(cells));
      if (flaw === "blankLine") lines.push("", line(cells));
      else if (flaw === "missingField") lines.push(line(cells).replace(/,[^,]*$/, ""));
      else if (flaw === "duplicate") lines.push(line(cells), line(cells));
      // The row also first of all: its township out of order from its second line, and its own line later above the last.
      else if (flaw === "duplicateFirst") {
        lines.splice(1, 0, line(cells));
        lines.push(line(cells));
      }
      else if (flaw === "loneCr") lines.push(line(cells).replace(",", "\r,"));
      else lines.push(line(FLAWS[flaw](cells)));
    });
    if (descending) lines.splice(1, lines.length - 1, ...lines.slice(1).reverse()); // eslint-disable-line no-restricted-syntax -- at most 27 lines
    return (bom ? "\ufeff" : "") + lines.join(eol) + end;
  });

describe("registry: the well-formed fast path", () => {
  test("gives exactly what the general parse gives, or leaves the file to it", () => {
    let fast = 0;
    fc.assert(
      fc.property(registryText, (text) => {
        if (readWellFormedRegistry(text, "名册.csv", 1_000_000)) fast++;
        expect(outcome(() => parseRegistry(text, "名册.csv"))).toEqual(outcome(() => readRegistryRows(text, "名册.csv")));
      }),
      { numRuns: 3000 },
    );
    // The generator makes well-formed registries often enough that the fast path is what is compared.
    expect(fast).toBeGreaterThan(100);
  });

  test("read a township at a time (indexRegistry, the CLI workers' registry): the same townships, villages and lookups as the full parse", () => {
    let indexed = 0;
    fc.assert(
      fc.property(registryText, fc.nat(), (text, pick) => {
        const lazy = indexRegistry(text, "名册.csv");
        const full = readWellFormedRegistry(text, "名册.csv", 1_000_000);
        if (!lazy) return;
        indexed++;
        // Every text it indexes is one the full parse reads (a code twice is left to the calling thread's parse).
        if (full === undefined) {
          expect(() => parseRegistry(text, "名册.csv")).toThrow(RegistryError);
          return;
        }
        expect(typeof full).toBe("object");
        const registry = full as Exclude<typeof full, symbol>;
        // A lookup before anything else reads only that code's township, and finds what the full parse finds.
        const codes = [...villagesByCode(registry).keys()];
        const code = codes[pick % codes.length];
        expect(villagesByCode(lazy).get(code)).toEqual(villagesByCode(registry).get(code));
        expect(villagesByCode(lazy).get("339901109999")).toBeUndefined();
        expect(lazy).toEqual(registry);
        // Every code, and codes near them that are not in it (another serial, another township, too short or long),
        // found or not found as in a map of every village the general parse reads.
        const general = new Map(villagesByCode(readRegistryRows(text, "名册.csv")));
        const near = codes.flatMap((c) => [c, c.slice(0, 11) + ((Number(c[11]) + 1) % 10), "339901109" + c.slice(9), c.slice(0, 11), c + "0", c.slice(0, 9) + "0x1"]);
        for (const c of near) {
          expect(villagesByCode(lazy).get(c)).toEqual(general.get(c));
          expect(villagesByCode(registry).get(c)).toEqual(general.get(c));
          expect(villagesByCode(registry).has(c)).toBe(general.has(c));
        }
        expect(new Map(villagesByCode(lazy))).toEqual(new Map(villagesByCode(registry)));
      }),
      { numRuns: 3000 },
    );
    expect(indexed).toBeGreaterThan(100);
  });

  test("indexed only when each township's codes ascend (xiaobo validate's registry), it stands for the full parse, problems and all", () => {
    let indexed = 0;
    fc.assert(
      fc.property(registryText, (text) => {
        const lazy = indexRegistry(text, "名册.csv", 1_000_000, true);
        if (!lazy) return;
        indexed++;
        // Every village read, then compared with the full parse: the same registry, and no problem it would report.
        expect(outcome(() => lazy)).toEqual(outcome(() => parseRegistry(text, "名册.csv")));
      }),
      { numRuns: 3000 },
    );
    expect(indexed).toBeGreaterThan(100);
  });

  test("reads the demo county's registry itself, and a village more than the limit is refused as the general parse refuses it", () => {
    const text = readFileSync(join(__dirname, "../../../samples/demo-county/registry.csv"), "utf8");
    expect(readWellFormedRegistry(text, "registry.csv", 1_000_000)).toEqual(readRegistryRows(text, "registry.csv"));
    const villages = readRegistryRows(text, "registry.csv").townships.reduce((n, tw) => n + tw.villages.length, 0);
    expect(() => parseRegistry(text, "registry.csv", villages - 1)).toThrow("超过");
    expect(parseRegistry(text, "registry.csv", villages).townships).toHaveLength(12);
    // The same through the general parse (a quoted field), and a text too long to hold fewer (counted first).
    const quoted = text.replace(/\n(\d{9}),([^,\n]+),/, '\n$1,"$2",');
    expect(readWellFormedRegistry(quoted, "registry.csv", 1_000_000)).toBeUndefined();
    expect(() => parseRegistry(quoted, "registry.csv", villages - 1)).toThrow("超过");
    expect(parseRegistry(quoted, "registry.csv", villages)).toEqual(parseRegistry(text));
    expect(() => parseRegistry(text, "registry.csv", 10)).toThrow("超过");
  });
});
