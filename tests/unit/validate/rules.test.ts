import type { Scalar } from "../../../addin/grid";
import { loadTemplate, templateToJson } from "../../../addin/templates";
import { validateGrid, type ValidateContext } from "../../../addin/validate";
import { codes, ctx, sheet, villages } from "./t1";

function run(edit: (rows: Scalar[][]) => void, context: ValidateContext = ctx) {
  const rows = villages();
  edit(rows);
  return validateGrid(sheet({ rows }), "东湖镇.xlsx", context, "xlsx");
}

describe("row rules (template expressions)", () => {
  test("经营性收入 > 总收入 is a rule error at the 经营性收入 cell, worded as the county asks", () => {
    const r = run((rows) => {
      rows[2][4] = 48;
      rows[2][5] = 52.3;
      rows[2][6] = 0;
    });
    expect(codes(r.issues)).toEqual(["rule@F7"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", row: 7, column: "经营性收入", columnKey: "operatingIncome", villageCode: "339901101210" });
    expect(r.issues[0].message).toBe("村级集体经济!F7：经营性收入 52.30 大于总收入 48.00，请核对");
    expect(r.rows.at(2).hasErrors).toBe(true);
    expect(r.rows.at(1).hasErrors).toBe(false);
  });

  test("经营性收入 + 上级补助收入 > 总收入 is a rule error at the 补助 cell; within 0.01 it passes", () => {
    const r = run((rows) => (rows[1][6] = 8.5));
    expect(codes(r.issues)).toEqual(["rule@G6"]);
    expect(r.issues[0].message).toBe("村级集体经济!G6：经营性收入 12.00 与上级补助收入 8.50 之和大于总收入 20.00，请核对");
    expect(run((rows) => (rows[1][6] = 8.01)).issues).toEqual([]);
  });

  test("a blank optional 上级补助收入 counts as 0", () => {
    expect(run((rows) => (rows[0][6] = null)).issues).toEqual([]);
  });

  test("是否已消薄 = 是 for a village outside the baseline is an error", () => {
    const r = run((rows) => {
      rows[0][7] = "是";
      rows[0][8] = 2023;
    });
    expect(codes(r.issues)).toEqual(["rule@H5"]);
    expect(r.issues[0].message).toBe("村级集体经济!H5：该村不是薄弱村基数村，是否已消薄只能填“否”或留空，请改正");
  });

  test("是否已消薄 is required for baseline villages; 消薄年份 when it is 是", () => {
    const r = run((rows) => {
      rows[3][7] = null;
      rows[2][8] = null;
    });
    expect(codes(r.issues)).toEqual(["required@H8", "required@I7"]);
    expect(r.issues.find((i) => i.cell === "H8")!.message).toBe("村级集体经济!H8：薄弱村基数村时是否已消薄必须填写，请补填。");
    expect(r.issues.find((i) => i.cell === "I7")!.message).toBe("村级集体经济!I7：是否已消薄为“是”时消薄年份必须填写，请补填。");
  });

  test("a county's own rule: a warning rule, with explanation in 备注", () => {
    const json = JSON.parse(templateToJson(ctx.template));
    json.rules.push({ id: "subsidy-share", expr: "subsidyIncome <= totalIncome * 0.5", column: "subsidyIncome", severity: "warning", message: "上级补助收入 {subsidyIncome} 超过总收入的一半，请核对" });
    const own = { ...ctx, template: loadTemplate(json) };
    const r = run((rows) => {
      rows[3][4] = 22;
      rows[3][6] = 12;
      rows[1][4] = 20;
      rows[1][6] = 8;
    }, own);
    expect(codes(r.issues)).toEqual(["rule@G8"]);
    expect(r.issues[0]).toMatchObject({ severity: "warning" });
    expect(r.status).toBe("warnings");
    const explained = run((rows) => (rows[3][10] = "今年获省级补助项目资金 12 万元"), own);
    expect(explained.issues[0].explained).toBe(true);
    expect(explained.status).toBe("ok");
  });
});

describe("是否已消薄 against 达标 (30/15, both)", () => {
  test("是 while not 达标 is an error naming the standard", () => {
    const r = run((rows) => (rows[2][5] = 14.9));
    expect(codes(r.issues)).toEqual(["elimination-inconsistent@H7"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", villageCode: "339901101210" });
    expect(r.issues[0].message).toBe(
      "村级集体经济!H7：小口村填了已消薄，但总收入 35.00、经营性收入 14.90 未达到消薄标准（总收入 ≥ 30 万元且经营性收入 ≥ 15 万元），请核对收入，或把是否已消薄改为“否”。",
    );
  });

  test("达标 but 否 for a baseline village is a warning that a real 备注 explains; boilerplate does not", () => {
    const edit = (remark: Scalar) => (rows: Scalar[][]) => {
      rows[3][4] = 40;
      rows[3][5] = 20;
      rows[3][6] = 10;
      rows[3][10] = remark;
    };
    const r = run(edit(null));
    expect(codes(r.issues)).toEqual(["elimination-inconsistent@H8"]);
    const w = r.issues.find((i) => i.code === "elimination-inconsistent")!;
    expect(w.severity).toBe("warning");
    expect(w.explained).toBeUndefined();
    for (const boiler of ["核实无误", "已核实，情况属实", "无", "正常。", "经核实，数据无误"]) {
      expect(run(edit(boiler)).issues.find((i) => i.code === "elimination-inconsistent")!.explained).toBeUndefined();
    }
    expect(run(edit("收入含一次性土地补偿，明年预计回落")).issues.find((i) => i.code === "elimination-inconsistent")!.explained).toBe(true);
  });
});
