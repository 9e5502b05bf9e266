import ExcelJS from "exceljs";
import { gridFromValues, type Book } from "../../../addin/grid";
import { annotatedName, annotateWorkbook, safeSheetName } from "../../../addin/io";

describe("annotated copies", () => {
  test("safeSheetName: Excel's forbidden characters, 31 characters, History, duplicates", () => {
    const used = new Set<string>();
    expect(safeSheetName("东湖镇[2024年]:汇总", used)).toBe("东湖镇_2024年__汇总");
    const long = "东湖镇村级集体经济发展情况统计表二〇二六年度第一次报送修改稿最终版";
    expect(safeSheetName(long, used)).toBe(long.slice(0, 31));
    expect(safeSheetName(long, used)).toBe(long.slice(0, 28) + "(2)");
    expect(safeSheetName("History", used)).toBe("HistorySheet");
    expect(safeSheetName("'x'", used)).toBe("x");
    expect(safeSheetName("", used)).toBe("Sheet");
  });

  test("a CSV whose name is not a valid sheet name is rebuilt with a safe name and its cells still marked", async () => {
    const name = "东湖镇[2024]村级集体经济发展情况统计表（最终修改版）";
    const book: Book = { file: `${name}.csv`, format: "csv", sheets: [gridFromValues(name, [["村代码", "总收入"], ["339901101201", "abc"]])] };
    const { bytes, fileName } = await annotateWorkbook(new Uint8Array(), book, [{ sheet: name, cell: "B2", severity: "error", message: "不是数字" }]);
    expect(fileName).toBe(`${name}_审核标注.xlsx`);
    expect(annotatedName("东湖镇.xls")).toBe("东湖镇_审核标注.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe(safeSheetName(name, new Set()));
    expect(ws.getCell("B2").value).toBe("abc");
    // ExcelJS reads a one-run note back as a plain string.
    expect(ws.getCell("B2").note).toBe("【错误】不是数字");
    expect((ws.getCell("B2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  });
});
