import type { Scalar } from "../../../addin/grid";
import { validateGrid } from "../../../addin/validate";
import { codes, ctx, sheet, villages } from "./t1";

function run(edit: (rows: Scalar[][]) => void, opts: { township?: string; title?: boolean } = {}) {
  const rows = villages();
  edit(rows);
  const grid = sheet({ rows });
  if (opts.title === false) {
    grid.rows[0] = [];
    grid.rows[1] = [];
  }
  return validateGrid(grid, "报表.xlsx", { ...ctx, township: opts.township }, "xlsx");
}

describe("registry checks", () => {
  test("a code not in the registry is unknown-village; its village is not reported missing on top when the name is there", () => {
    const r = run((rows) => (rows[0][1] = "339901101299"));
    expect(codes(r.issues)).toEqual(["unknown-village@B5"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", villageCode: "339901101299" });
    // 黄埠村 is a registry village of this township: the message gives its registry code.
    expect(r.issues[0].message).toBe("村级集体经济!B5：村代码 339901101299 不在县村名册中；村名册中东湖镇“黄埠村”的代码是 339901101201，请改为 339901101201。");
  });

  test("an unknown code on a row whose name is no village of this township: no hint, only 请核对代码", () => {
    const r = run((rows) => {
      rows[0][1] = "339901101299";
      rows[0][2] = "不存在村";
    });
    expect(codes(r.issues)).toEqual(["missing-village", "unknown-village@B5"]);
    expect(r.issues[1].message).toBe("村级集体经济!B5：村代码 339901101299 不在县村名册中，请核对代码。");
  });

  test("a code of another township on a row named for a village of this one: the hint gives this township's code", () => {
    // 黄埠 (no 村 suffix) is the same village as the registry's 黄埠村.
    const r = run((rows) => {
      rows[0][1] = "339901102201";
      rows[0][2] = "黄埠";
    });
    // 黄埠村 itself is then missing: the row's code does not account for it.
    expect(codes(r.issues)).toEqual(["missing-village", "wrong-township@B5"]);
    expect(r.issues[1].message).toBe(
      "村级集体经济!B5：村代码 339901102201（上村）属于西山镇，不属于本表的东湖镇；村名册中东湖镇“黄埠村”的代码是 339901101201，请改为 339901101201。",
    );
  });

  test("a village of another township is wrong-township; the township comes from 填报单位", () => {
    const r = run((rows) => rows.push([5, "339901102201", "上村", "否", 10, 5, 5, null, null, null, null]));
    expect(codes(r.issues)).toEqual(["wrong-township@B9"]);
    expect(r.issues[0].message).toBe("村级集体经济!B9：村代码 339901102201（上村）属于西山镇，不属于本表的东湖镇，请删除该行或核对代码。");
    expect(r.township).toEqual({ code: "339901101", name: "东湖镇" });
  });

  test("a village twice is duplicate-village at the second row, naming both rows; both rows have errors", () => {
    const r = run((rows) => rows.push([5, "339901101202", "后口村", "否", 20, 12, 8, null, null, null, null]));
    expect(codes(r.issues)).toEqual(["duplicate-village@B9"]);
    expect(r.issues[0].message).toBe("村级集体经济!B9：村代码 339901101202（后口村）重复填报，第 6 行和第 9 行是同一个村，请删除重复的一行。");
    expect(r.rows.toArray().filter((x) => x.hasErrors).map((x) => x.row)).toEqual([6, 9]);
  });

  test("a registry village not in the file is missing-village: no cell, no row, naming code and name", () => {
    const r = run((rows) => rows.splice(1, 1));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toEqual({
      code: "missing-village",
      severity: "error",
      file: "报表.xlsx",
      sheet: "村级集体经济",
      villageCode: "339901101202",
      message: "报表.xlsx：漏报东湖镇后口村（村代码 339901101202），请补上该村一行。",
    });
  });

  test("是否薄弱村基数 differing from the registry is registry-mismatch; a name differing is a warning", () => {
    const r = run((rows) => {
      rows[0][3] = "是";
      rows[1][2] = "后口";
      rows[2][2] = "小口村村委会";
      rows[3][2] = "长桥新村";
    });
    expect(codes(r.issues)).toEqual(["name-mismatch@C8", "registry-mismatch@D5"]);
    expect(r.issues.find((i) => i.code === "registry-mismatch")!.message).toBe(
      "村级集体经济!D5：黄埠村（339901101201）的是否薄弱村基数填了“是”，县村名册为“否”。薄弱村基数不能更改，请改为“否”。",
    );
    const nm = r.issues.find((i) => i.code === "name-mismatch")!;
    expect(nm.severity).toBe("warning");
    expect(nm.message).toBe("村级集体经济!C8：村名称“长桥新村”与村名册中代码 339901101213 的名称“长桥村”不一致，请核对代码和名称。");
  });

  test("without a title the township is the one most codes belong to; ctx.township overrides", () => {
    const r = run(() => undefined, { title: false });
    expect(r.issues).toEqual([]);
    expect(r.township).toEqual({ code: "339901101", name: "东湖镇" });
    const o = run(() => undefined, { township: "339901102" });
    expect(o.township).toEqual({ code: "339901102", name: "西山镇" });
    expect(codes(o.issues)).toEqual([
      "missing-village", "missing-village",
      "wrong-township@B5", "wrong-township@B6", "wrong-township@B7", "wrong-township@B8",
    ]);
  });

  test("no township at all is unknown-township", () => {
    const r = run((rows) => rows.forEach((row, i) => (row[1] = `88880000000${i + 1}`)), { title: false });
    expect(codes(r.issues).filter((c) => c === "unknown-township")).toEqual(["unknown-township"]);
    expect(r.township).toBeUndefined();
  });

  test("without a registry the registry checks are skipped", () => {
    const grid = sheet({ rows: villages().concat([[5, "339901101299", "某村", "否", 1, 1, 0, null, null, null, null]]) });
    const r = validateGrid(grid, "a.xlsx", { template: ctx.template }, "xlsx");
    expect(r.issues).toEqual([]);
    expect(r.township).toBeUndefined();
    expect(r.rows).toHaveLength(5);
  });
});

describe("unique columns without a registry", () => {
  test("a code twice is duplicate-village at the later row, naming the first; both rows have errors", () => {
    const rows = villages();
    rows.push([5, "339901101201", "黄埠村", "否", 1, 1, 0, null, null, null, null]);
    const r = validateGrid(sheet({ rows }), "a.xlsx", { template: ctx.template }, "xlsx");
    expect(codes(r.issues)).toEqual(["duplicate-village@B9"]);
    expect(r.issues[0]).toMatchObject({ villageCode: "339901101201", row: 9 });
    expect(r.issues[0].message).toBe("村级集体经济!B9：村（社区）代码“339901101201”重复，第 5 行已有，请删除重复的一行或改正。");
    expect(r.rows.toArray().filter((x) => x.hasErrors).map((x) => x.row)).toEqual([5, 9]);
  });
});
