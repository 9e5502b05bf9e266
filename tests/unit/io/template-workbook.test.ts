/** The blank template's 单位 cell and 合计 row follow the template: a table with nothing to sum or no unit has neither. */
import ExcelJS from "exceljs";
import { blankTemplateWorkbook, writeTemplateWorkbook } from "../../../addin/io/template-workbook";

const township = {
  name: "东湖镇",
  villages: [
    { code: "339901101201", name: "黄埠村", weakBaseline: false },
    { code: "339901101202", name: "后口村", weakBaseline: true },
  ],
};

async function sheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const texts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)));
  return out;
};

describe("blankTemplateWorkbook", () => {
  test("a template with number columns and a unit: 单位 in row 2, a 合计 row with SUM formulas", async () => {
    const ws = await sheet(
      await blankTemplateWorkbook(
        {
          name: "收入表",
          unit: "万元",
          sequenceColumn: "seq",
          columns: [
            { key: "seq", header: "序号", type: "integer" },
            { key: "code", header: "村代码", type: "code", registry: "villageCode" },
            { key: "name", header: "村名称", type: "text", registry: "villageName" },
            { key: "income", header: "收入", type: "number", decimals: 2 },
          ],
        },
        township,
        2026,
      ),
    );
    expect(ws.getCell("D2").value).toBe("单位：万元");
    expect(ws.getCell("A7").value).toBe("合计");
    expect(ws.getCell("D7").value).toMatchObject({ formula: "SUM(D5:D6)" });
    expect(ws.getCell("A9").value).toMatch(/^填表人：/);
  });

  test("a template with no number column and no unit (yes/no items): no 单位 cell, no 合计 row, the footer after the villages", async () => {
    const ws = await sheet(
      await blankTemplateWorkbook(
        {
          name: "评估表",
          sequenceColumn: "seq",
          columns: [
            { key: "seq", header: "序号", type: "integer" },
            { key: "code", header: "村代码", type: "code", registry: "villageCode" },
            { key: "name", header: "村名称", type: "text", registry: "villageName" },
            { key: "ok", header: "是否达标", type: "yesno" },
            { key: "n", header: "条数", type: "integer" },
          ],
        },
        township,
        2026,
      ),
    );
    expect(texts(ws).filter((s) => s.startsWith("单位："))).toEqual([]);
    expect(texts(ws)).not.toContain("合计");
    expect(ws.getCell("A7").value).toBeNull();
    expect(ws.getCell("A8").value).toMatch(/^填表人：/);
    expect(ws.getCell("D5").dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
  });

  test("writeTemplateWorkbook: the unit defaults to 万元 and an explicit totalRow is kept", async () => {
    const ws = await sheet(
      await writeTemplateWorkbook({
        title: "表",
        township: "东湖镇",
        columns: ["甲", "乙", "丙"].map((header, i) => ({ key: `c${i}`, header, type: "text" })),
        rows: [{ c0: "x" }],
        totalRow: true,
      }),
    );
    expect(ws.getCell("A2").value).toBe("填报单位：东湖镇（盖章）");
    expect(ws.getCell("C2").value).toBe("单位：万元");
    expect(ws.getCell("A6").value).toBe("合计");
  });
});
