import { type Cell, type Scalar } from "../../../addin/grid";
import { builtinTemplate, loadTemplate, templateToJson } from "../../../addin/templates";
import { validateGrid } from "../../../addin/validate";
import { codes, ctx, registry, sheet, totalRow, villages } from "./t1";

function run(edit: (rows: Scalar[][]) => void, opts: { format?: string; title?: string; year?: number; total?: Scalar[] } = {}) {
  const rows = villages();
  edit(rows);
  const grid = sheet({ rows, total: opts.total ?? totalRow(rows) });
  if (opts.title !== undefined) grid.rows[0][0] = { value: opts.title, text: opts.title };
  return validateGrid(grid, "东湖镇.xlsx", { ...ctx, year: opts.year }, opts.format ?? "xlsx");
}

describe("a formula saved without its calculated value", () => {
  test("in the 合计 row: formula-uncalculated telling to open and save in Excel/WPS, not “为空，请填写”", () => {
    const grid = sheet();
    const total = grid.rows[8];
    total[4] = { value: null, text: "", formula: "SUM(E5:E8)" } as Cell;
    const r = validateGrid(grid, "东湖镇.xlsx", ctx, "xlsx");
    expect(codes(r.issues)).toEqual(["formula-uncalculated@E9"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", row: 9, column: "总收入" });
    expect(r.issues[0].message).toBe(
      "村级集体经济!E9：总收入是公式（=SUM(E5:E8)），但文件里没有保存计算结果（文件可能由其他软件生成，未在 Excel 中打开过）。请用 Excel 或 WPS 打开该文件，确认数值后保存，再重新提交。",
    );
    expect(r.issues[0].message).not.toContain("为空");
  });

  test("in a data cell: the same, and no “required” on top", () => {
    const grid = sheet();
    grid.rows[5][5] = { value: null, text: "", formula: "E6-G6" } as Cell;
    const r = validateGrid(grid, "东湖镇.xlsx", ctx, "xlsx");
    expect(codes(r.issues)).toEqual(["formula-uncalculated@F6"]);
  });
});

describe("万元 with 2 decimals", () => {
  test("52.345 is a decimals warning with the rounded value; 52.34, 52.3 and float noise are not", () => {
    const r = run((rows) => {
      rows[0][4] = 52.345;
      rows[1][4] = 0.1 + 0.2 + 19.7; // 20.000000000000004
      rows[2][6] = 10.005;
    });
    expect(codes(r.issues)).toEqual(["decimals@E5", "decimals@G7"]);
    expect(r.issues.map((i) => i.severity)).toEqual(["warning", "warning"]);
    expect(r.issues[0].message).toBe("村级集体经济!E5：总收入 52.345 超过 2 位小数（单位：万元，保留 2 位小数），请改为 52.35。");
    // A remark does not clear it (it is about the form, like text-number).
    const explained = run((rows) => {
      rows[0][4] = 52.345;
      rows[0][10] = "村集体新建厂房出租，收入增加较多";
    });
    expect(explained.issues[0]).toMatchObject({ code: "decimals" });
    expect(explained.issues[0].explained).toBeUndefined();
    expect(explained.status).toBe("warnings");
  });
});

describe("消薄年份", () => {
  test("filled while 是否已消薄 = 否 is an elimination-inconsistent warning on the year", () => {
    const r = run((rows) => (rows[3][8] = 2024));
    expect(codes(r.issues)).toEqual(["elimination-inconsistent@I8"]);
    expect(r.issues[0]).toMatchObject({ severity: "warning", villageCode: "339901101213" });
    expect(r.issues[0].message).toBe("村级集体经济!I8：长桥村填了消薄年份 2024，但是否已消薄为“否”，请核对：如已消薄，请把是否已消薄改为“是”；如未消薄，请清空消薄年份。");
  });

  test("later than the report's year (from the title's 年度) is a range error; the report's own year is fine", () => {
    expect(run((rows) => (rows[2][8] = 2024)).issues).toEqual([]);
    const r = run((rows) => (rows[2][8] = 2025));
    expect(codes(r.issues)).toEqual(["range@I7"]);
    expect(r.issues[0].severity).toBe("error");
    expect(r.issues[0].message).toBe("村级集体经济!I7：小口村的消薄年份 2025 晚于本表的年度 2024 年，请填写实际消薄的年份（不晚于 2024）。");
  });

  test("with no 年度 in the title: the caller's year, else a year in the future", () => {
    expect(codes(run((rows) => (rows[2][8] = 2025), { title: "东湖镇村级集体经济发展情况统计表", year: 2024 }).issues)).toEqual(["range@I7"]);
    expect(run((rows) => (rows[2][8] = 2025), { title: "东湖镇村级集体经济发展情况统计表" }).issues).toEqual([]);
    const future = new Date().getFullYear() + 1;
    const r = run((rows) => (rows[2][8] = future), { title: "东湖镇村级集体经济发展情况统计表" });
    expect(codes(r.issues)).toEqual(["range@I7"]);
    expect(r.issues[0].message).toContain(`消薄年份 ${future} 还没有到`);
  });
});

describe("CSV numbers as Excel exports them", () => {
  test("1,234.00 in a CSV is read without a warning (Excel writes #,##0.00 cells that way); in a .xlsx text cell it is a text number", () => {
    const edit = (rows: Scalar[][]) => {
      rows[0][4] = "1,234.00";
      rows[0][5] = "1,000.5";
    };
    const total = totalRow(villages());
    total[4] = 1234 + 20 + 35 + 22;
    total[5] = 1000.5 + 12 + 18 + 10;
    const csv = run(edit, { format: "csv", total });
    expect(csv.issues).toEqual([]);
    expect(csv.rows.at(0).values.totalIncome).toBe(1234);
    expect(codes(run(edit, { total }).issues)).toEqual(["text-number@E5", "text-number@F5"]);
    // Decorated numbers still are text numbers in a CSV.
    expect(codes(run((rows) => (rows[0][4] = "1,234.00万元"), { format: "csv", total: [...totalRow(villages()).slice(0, 4), 1311, 40.1 + 12 + 18 + 10, 40] }).issues)).toEqual(["text-number@E5"]);
  });
});

describe("pattern", () => {
  test("a text or code column's pattern: pattern errors with the cell; matching values pass", () => {
    const json = JSON.parse(templateToJson(builtinTemplate("village-economy")));
    json.columns.find((c: { key: string }) => c.key === "villageName").pattern = "^.+(村|社区)$";
    json.columns.find((c: { key: string }) => c.key === "villageCode").pattern = "^3399";
    const template = loadTemplate(json);
    const rows = villages();
    rows[1][2] = "后口";
    const r = validateGrid(sheet({ rows }), "东湖镇.xlsx", { template, registry }, "xlsx");
    // 后口 is also not the registry's name (后口村).
    expect(codes(r.issues)).toEqual(["pattern@C6"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", column: "村（社区）名称", row: 6 });
    expect(r.issues[0].message).toBe("村级集体经济!C6：村（社区）名称“后口”格式不对，请按模板要求填写。");

    const other = villages();
    other[0][1] = "349901101201";
    const r2 = validateGrid(sheet({ rows: other }), "东湖镇.xlsx", { template }, "xlsx");
    expect(codes(r2.issues)).toEqual(["pattern@B5"]);
    expect(r2.rows.at(0).values.villageCode).toBeNull();
  });
});
