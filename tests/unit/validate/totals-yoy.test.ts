import type { Scalar } from "../../../addin/grid";
import { validateGrid, type FileReport } from "../../../addin/validate";
import { codes, ctx, sheet, totalRow, villages } from "./t1";

describe("合计 row", () => {
  test("a total that differs from the sum by more than 0.01 is total-mismatch at the 合计 cell", () => {
    const total = totalRow(villages());
    total[4] = 129.32;
    total[5] = 80.11;
    const r = validateGrid(sheet({ total }), "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["total-mismatch@E9"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", row: 9, column: "总收入" });
    expect(r.issues[0].message).toBe("村级集体经济!E9：合计行的总收入 129.32 与各村之和 129.30 不符（相差 0.02），请改为 129.30，或用 SUM 公式求和。");
  });

  test("a blank total cell is total-mismatch; a formula error there is formula-error; totals may exceed the village maximum", () => {
    const total = totalRow(villages());
    total[4] = null;
    const r = validateGrid(sheet({ total }), "a.xlsx", ctx);
    expect(codes(r.issues)).toEqual(["total-mismatch@E9"]);
    expect(r.issues[0].message).toBe(
      "村级集体经济!E9：合计行的总收入是空的，各村之和为 129.30。请填写 129.30 或用 SUM 公式求和；如果这里本来就是公式，说明文件没有保存计算结果（可能由其他软件生成），请用 Excel 或 WPS 打开该文件并保存后再提交。",
    );
    const grid = sheet();
    grid.rows[8][5] = { value: null, text: "#REF!", error: "#REF!" };
    expect(codes(validateGrid(grid, "a.xlsx", ctx).issues)).toEqual(["formula-error@F9"]);
    const big = villages().map((row) => {
      const r2 = [...row];
      r2[4] = 90000;
      return r2;
    });
    expect(validateGrid(sheet({ rows: big }), "a.xlsx", ctx).issues.filter((i) => i.code === "range")).toEqual([]);
  });
});

describe("year on year (经营性收入 ±50%)", () => {
  const previous = (): FileReport => validateGrid(sheet(), "去年.xlsx", ctx);

  test("more than ±50% against last year's report is a yoy-change warning at the 经营性收入 cell", () => {
    const rows = villages();
    rows[0][5] = 20; // 40.10 → 20.00: −50.1%
    rows[0][6] = 0;
    rows[1][5] = 18; // 12 → 18: +50% exactly: fine
    rows[1][6] = 2;
    const r = validateGrid(sheet({ rows }), "a.xlsx", { ...ctx, previous: previous() });
    expect(codes(r.issues)).toEqual(["yoy-change@F5"]);
    expect(r.issues[0]).toMatchObject({ severity: "warning", villageCode: "339901101201" });
    expect(r.issues[0].message).toBe("村级集体经济!F5：黄埠村经营性收入由上年的 40.10 变为 20.00，变化 -50.1%，超过 ±50%，请核对；如情况属实，请在备注中写明原因。");
    expect(r.status).toBe("warnings");
  });

  test("a real explanation in 备注 clears it; boilerplate does not", () => {
    const edit = (remark: Scalar) => {
      const rows = villages();
      rows[0][5] = 20;
      rows[0][6] = 0;
      rows[0][10] = remark;
      return validateGrid(sheet({ rows }), "a.xlsx", { ...ctx, previous: previous() });
    };
    const ok = edit("厂房租约到期，租金收入减少");
    expect(ok.issues[0]).toMatchObject({ code: "yoy-change", explained: true });
    expect(ok.status).toBe("ok");
    for (const b of ["已核实", "属实", "核实无误！", "正常", "无"]) {
      const r = edit(b);
      expect(r.issues[0].explained).toBeUndefined();
      expect(r.status).toBe("warnings");
    }
  });
});
