import fc from "fast-check";
import { ERROR_VALUES, gridFromValues, type Cell, type Scalar } from "../../../addin/grid";
import { parseNumberText, validateGrid } from "../../../addin/validate";
import { codes, ctx, sheet, totalRow, villages } from "./t1";

/** Validates the Template 1 sheet after `edit` changed the village rows (row index 0 = sheet row 5). */
function run(edit: (rows: Scalar[][]) => void, opts: { format?: string; total?: Scalar[] | null } = {}) {
  const rows = villages();
  edit(rows);
  return validateGrid(sheet({ rows, total: opts.total }), "东湖镇.xlsx", ctx, opts.format ?? "xlsx");
}

/** Same, but with a hand-made cell (value, text, error) at a data row and column. */
function runCell(r: number, c: number, cell: Cell) {
  const grid = sheet();
  grid.rows[4 + r][c] = cell;
  return validateGrid(grid, "东湖镇.xlsx", ctx, "xlsx");
}

describe("village codes", () => {
  test("a code stored as a 12-digit number is read as its 12-digit string", () => {
    const r = run((rows) => (rows[0][1] = 339901101201));
    expect(r.issues).toEqual([]);
    expect(r.rows.at(0).values.villageCode).toBe("339901101201");
  });

  test("a number that Excel only shows in scientific notation keeps its digits and is read as the code", () => {
    const r = runCell(1, 1, { value: 339901101202, text: "3.39901E+11", format: "General" });
    expect(r.issues).toEqual([]);
    expect(r.rows.at(1).values.villageCode).toBe("339901101202");
  });

  test("a number shown in scientific notation whose digits were lost is code-format, telling to set the column to 文本", () => {
    const r = runCell(1, 1, { value: 339901100000, text: "3.39901E+11", format: "General" });
    expect(codes(r.issues).filter((c) => c.startsWith("code-format"))).toEqual(["code-format@B6"]);
    const issue = r.issues.find((i) => i.code === "code-format")!;
    expect(issue).toMatchObject({ severity: "error", row: 6, column: "村（社区）代码", columnKey: "villageCode" });
    expect(issue.message).toBe("村级集体经济!B6：村（社区）代码显示为科学计数法“3.39901E+11”，后几位已经丢失。请把该列设为“文本”格式，再重新输入完整的 12 位代码。");
    expect(r.rows.at(1).hasErrors).toBe(true);
    expect(r.rows.at(1).values.villageCode).toBeNull();
  });

  test("text '3.39901E+11' and a number that lost its digits are code-format too; no 漏报 on top when the name is there", () => {
    const r = run((rows) => {
      rows[0][1] = "3.39901E+11";
      rows[1][1] = 339901000000;
    });
    expect(codes(r.issues)).toEqual(["code-format@B5", "code-format@B6"]);
    expect(r.issues[1].message).toContain("末尾是一串 0");
  });

  test("a code of the wrong length, and full-width digits with spaces (read)", () => {
    const r = run((rows) => {
      rows[0][1] = "33990110120";
      rows[1][1] = " ３３９９０１１０１２０２ ";
    });
    expect(codes(r.issues)).toEqual(["code-format@B5"]);
    expect(r.issues[0].message).toBe("村级集体经济!B5：村（社区）代码“33990110120”不是 12 位数字，请按统计用区划代码填写 12 位数字。");
    expect(r.rows.at(1).values.villageCode).toBe("339901101202");
  });
});

describe("numbers", () => {
  test.each([
    ["12.5万元", 12.5],
    ["１２.５", 12.5],
    ["1,234.00", 1234],
    [" 20 ", 20],
  ])("text %j is read as %d and warned with text-number", (text, value) => {
    const r = run((rows) => {
      rows[1][4] = text;
      rows[1][5] = 1;
      rows[1][6] = 0;
    }, { total: null });
    const tn = r.issues.filter((i) => i.code === "text-number");
    expect(codes(tn)).toEqual(["text-number@E6"]);
    expect(tn[0].severity).toBe("warning");
    expect(tn[0].message).toBe(`村级集体经济!E6：总收入“${text}”是文本格式的数字，已按 ${value.toFixed(2)} 读取；请把单元格设为数值格式并只填数字。`);
    expect(r.rows.at(1).values.totalIncome).toBe(value);
  });

  test("in a CSV a plain numeral is not a text number; a decorated one still is", () => {
    const r = run((rows) => {
      rows[0][4] = "52.3";
      rows[1][4] = "20万元";
    }, { format: "csv", total: totalRow(villages()) });
    expect(codes(r.issues)).toEqual(["text-number@E6"]);
  });

  test("not a number → type; negative → range; above max → range; formula error → formula-error", () => {
    const r = run((rows) => {
      rows[0][4] = "五十";
      rows[1][5] = -1;
      rows[2][4] = 200000;
    });
    expect(codes(r.issues)).toEqual(["range@E7", "range@F6", "type@E5"]);
    expect(r.issues.find((i) => i.cell === "E5")!.message).toBe("村级集体经济!E5：总收入“五十”不是数字，请填写数值（单位：万元）。");
    expect(r.issues.find((i) => i.cell === "F6")!.message).toBe("村级集体经济!F6：经营性收入 -1.00 小于最小值 0，请核对。");
    const e = runCell(0, 6, { value: null, text: "#DIV/0!", error: "#DIV/0!" });
    expect(codes(e.issues)).toEqual(["formula-error@G5"]);
    expect(e.issues[0].message).toBe("村级集体经济!G5：单元格是错误值 #DIV/0!，请检查公式，或直接填写数值。");
    expect(e.rows.at(0).hasErrors).toBe(true);
  });

  test.each(ERROR_VALUES.map((e) => [e]))("an error value written as text (%s, spaces around it, as a CSV has it) is a formula error", (e) => {
    const r = runCell(0, 6, { value: ` ${e} `, text: ` ${e} ` });
    expect(codes(r.issues)).toEqual(["formula-error@G5"]);
    expect(r.issues[0].message).toBe(`村级集体经济!G5：单元格是错误值 ${e}，请检查公式，或直接填写数值。`);
  });

  test("消薄年份 must be a 4-digit year; '2023年' is read (text-number)", () => {
    const r = run((rows) => (rows[2][8] = "23"));
    expect(codes(r.issues)).toEqual(["type@I7"]);
    const ok = run((rows) => (rows[2][8] = "2023年"));
    expect(codes(ok.issues)).toEqual(["text-number@I7"]);
    expect(ok.rows.at(2).values.eliminatedYear).toBe(2023);
  });
});

describe("是/否 and enums", () => {
  test("是/否 become booleans; Y/N and TRUE are enum errors asking for 是 or 否", () => {
    const r = run((rows) => {
      rows[0][3] = "N";
      rows[1][3] = " 否 ";
    });
    expect(codes(r.issues)).toEqual(["enum@D5"]);
    expect(r.issues[0].message).toBe("村级集体经济!D5：是否薄弱村基数“N”应填“是”或“否”，请改正。");
    expect(r.rows.at(1).values.weakBaseline).toBe(false);
    expect(r.rows.at(2).values.eliminated).toBe(true);
    expect(codes(runCell(0, 3, { value: true, text: "TRUE" }).issues)).toEqual(["enum@D5"]);
  });

  test("an income path outside the list names the options", () => {
    const r = run((rows) => (rows[0][9] = "种植业"));
    expect(codes(r.issues)).toEqual(["enum@J5"]);
    expect(r.issues[0].message).toBe("村级集体经济!J5：主要增收途径“种植业”不是可选项，请从 物业经济、资源开发、乡村旅游、入股分红、服务创收、其他 中选择一项。");
  });
});

describe("required", () => {
  test("blank required cells are required errors at their cells", () => {
    const r = run((rows) => {
      rows[0][2] = null;
      rows[1][4] = "  ";
    });
    // The 合计 row (E9) was made without the blank cell, so it still adds up.
    expect(codes(r.issues)).toEqual(["required@C5", "required@E6"]);
    expect(r.issues.find((i) => i.cell === "C5")!.message).toBe("村级集体经济!C5：村（社区）名称不能为空，请填写。");
  });
});

describe("DataRow values", () => {
  test("inherit nothing (no Object.prototype behind them) and hold every template key", () => {
    const r = validateGrid(sheet(), "a.xlsx", ctx);
    const v = r.rows.at(2).values;
    // One shared, empty, null-prototype object behind every row: no inherited key, so "__proto__" or "constructor"
    // as a column key is only a key.
    const proto = Object.getPrototypeOf(v);
    expect(proto === null || (Object.getPrototypeOf(proto) === null && Reflect.ownKeys(proto).length === 0)).toBe(true);
    for (const inherited of ["toString", "hasOwnProperty", "constructor", "__proto__", "valueOf"]) expect(inherited in v).toBe(false);
    expect({ ...v }).toEqual({
      seq: 3, villageCode: "339901101210", villageName: "小口村", weakBaseline: true, totalIncome: 35, operatingIncome: 18,
      subsidyIncome: 10, eliminated: true, eliminatedYear: 2023, incomePath: "入股分红", remarks: null,
    });
  });
});

describe("parseNumberText (property)", () => {
  const toFullWidth = (s: string) => s.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  const grouped = (s: string) => {
    const [int, frac] = s.split(".");
    const sign = int.startsWith("-") ? "-" : "";
    const digits = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return sign + digits + (frac !== undefined ? "." + frac : "");
  };

  test("every formatting variant of a number parses to the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 2 }), (cents, d) => {
        const value = cents / 100;
        const plain = value.toFixed(d);
        const expected = Number(plain);
        for (const variant of [plain, ` ${plain} `, grouped(plain), toFullWidth(plain), `${plain}万元`, `${grouped(plain)} 万元`, `${toFullWidth(grouped(plain))}万`]) {
          expect(parseNumberText(variant, ["万元", "万"])?.value).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("text that is not a number is refused", () => {
    for (const s of ["", "五十", "12.5元", "1,23", "1.2.3", "--5", "12万元5"]) expect(parseNumberText(s, ["万元", "万"])).toBeUndefined();
  });
});

describe("column order (property)", () => {
  test("shuffling the columns never changes the normalised rows", () => {
    const base = validateGrid(sheet(), "a.xlsx", ctx);
    const grid0 = sheet({ extra: { merges: [] } });
    const table: Scalar[][] = grid0.rows.slice(2).map((row) => Array.from({ length: 11 }, (_, c) => row[c]?.value ?? null));
    fc.assert(
      fc.property(fc.shuffledSubarray([...Array(11).keys()], { minLength: 11, maxLength: 11 }), (order) => {
        const grid = gridFromValues("S", table.map((row) => order.map((c) => row[c])));
        const r = validateGrid(grid, "a.xlsx", ctx);
        expect(r.issues).toEqual([]);
        expect(r.rows.toArray().map((x) => ({ ...x.values }))).toEqual(base.rows.toArray().map((x) => ({ ...x.values })));
      }),
      { numRuns: 100 },
    );
  });
});
