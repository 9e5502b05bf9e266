import { readActiveSheetGrid } from "../../../taskpane/office/read-sheet";
import { ALL_CAPABILITIES, detectCapabilities, capabilityNotices, type Capabilities } from "../../../taskpane/office/capabilities";
import { MockExcel } from "./mock-excel";

function tableRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [["序号", "村（社区）代码", "总收入"]];
  for (let i = 1; i <= n; i++) rows.push([i, `3399011012${String(i).padStart(2, "0")}`, i * 1.5]);
  return rows;
}

describe("readActiveSheetGrid", () => {
  it("reads a sheet at its own addresses: values, text, formats, formulas, errors", async () => {
    const xl = new MockExcel();
    const s = xl.addSheet("东湖镇", [["标题", null], [{ value: 12.5, text: "12.50", format: "0.00" }, { value: null, error: "#DIV/0!", formula: "A1/0" }]], "B3");
    s.merges.push({ top: 2, left: 1, bottom: 2, right: 2 });
    const grid = await readActiveSheetGrid(xl.context, { caps: ALL_CAPABILITIES });
    expect(grid.name).toBe("东湖镇");
    expect(grid.rowCount).toBe(4);
    expect(grid.colCount).toBe(3);
    expect(grid.rows[2][1]).toEqual({ value: "标题", text: "标题", format: "General" });
    expect(grid.rows[3][1]).toEqual({ value: 12.5, text: "12.50", format: "0.00" });
    expect(grid.rows[3][2]).toMatchObject({ value: null, error: "#DIV/0!", formula: "A1/0" });
    expect(grid.rows[0]).toEqual([]);
    expect(grid.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(grid.hiddenRows).toEqual([]);
  });

  it("takes one sync for a 10-row and for a 5,000-row sheet", async () => {
    const small = new MockExcel();
    small.addSheet("s", tableRows(9));
    await readActiveSheetGrid(small.context, { caps: ALL_CAPABILITIES });
    const big = new MockExcel();
    big.addSheet("s", tableRows(4999));
    const grid = await readActiveSheetGrid(big.context, { caps: ALL_CAPABILITIES });
    expect(small.syncs).toBe(1);
    expect(big.syncs).toBe(small.syncs);
    expect(grid.rowCount).toBe(5000);
    expect(grid.rows[4999][2]?.value).toBe(4999 * 1.5);
  });

  it("reads very large sheets in blocks: one sync per block, rows in order", async () => {
    const xl = new MockExcel();
    xl.addSheet("s", tableRows(249), "A2");
    const grid = await readActiveSheetGrid(xl.context, { caps: ALL_CAPABILITIES, blockRows: 100 });
    expect(xl.syncs).toBe(3);
    expect(grid.rowCount).toBe(251);
    for (let r = 2; r <= 250; r++) expect(grid.rows[r][0]?.value).toBe(r - 1);
  });

  it("finds hidden rows and columns from the visible cells (ExcelApi 1.9)", async () => {
    const xl = new MockExcel();
    const s = xl.addSheet("s", tableRows(6));
    s.hiddenRows.add(3);
    s.hiddenRows.add(5);
    s.hiddenCols.add(1);
    const grid = await readActiveSheetGrid(xl.context, { caps: ALL_CAPABILITIES });
    expect(grid.hiddenRows).toEqual([3, 5]);
    expect(grid.hiddenCols).toEqual([1]);
    expect(xl.syncs).toBe(1);
  });

  it("falls back to per-row hidden flags on ExcelApi 1.2–1.8, with a constant number of syncs", async () => {
    const caps: Capabilities = { ...ALL_CAPABILITIES, multiRanges: false, comments: false, mergedAreas: false, notes: false };
    const counts: number[] = [];
    for (const n of [5, 500]) {
      const xl = new MockExcel();
      const s = xl.addSheet("s", tableRows(n));
      s.hiddenRows.add(2);
      s.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
      const grid = await readActiveSheetGrid(xl.context, { caps });
      expect(grid.hiddenRows).toEqual([2]);
      expect(grid.merges).toEqual([]);
      expect(xl.calls.get("getMergedAreasOrNullObject")).toBeUndefined();
      expect(xl.calls.get("getSpecialCellsOrNullObject")).toBeUndefined();
      counts.push(xl.syncs);
    }
    expect(counts).toEqual([2, 2]);
  });

  it("reads Excel 2016 (ExcelApi 1.1) without hidden flags or merges", async () => {
    const caps = detectCapabilities(() => false);
    const xl = new MockExcel();
    const s = xl.addSheet("s", tableRows(3));
    s.hiddenRows.add(1);
    const grid = await readActiveSheetGrid(xl.context, { caps });
    expect(grid.hiddenRows).toEqual([]);
    expect(grid.rows[3][1]?.value).toBe("339901101203");
    expect(xl.syncs).toBe(1);
  });
});

describe("capabilities", () => {
  it("maps requirement sets to flags and tells the user what is missing", () => {
    const caps = detectCapabilities((name, v) => name === "ExcelApi" && Number(v.split(".")[1]) <= 7);
    expect(caps).toEqual({ rowHidden: true, autofit: true, nullObjects: true, multiRanges: false, comments: false, mergedAreas: false, notes: false });
    expect(capabilityNotices(caps)).toEqual(["taskpane.cap.noAnnotations", "taskpane.cap.noMergedAreas"]);
    expect(capabilityNotices(ALL_CAPABILITIES)).toEqual([]);
  });

  it("treats a throwing isSetSupported as unsupported", () => {
    const caps = detectCapabilities(() => {
      throw new Error("no requirements API");
    });
    expect(Object.values(caps).every((v) => v === false)).toBe(true);
  });
});
