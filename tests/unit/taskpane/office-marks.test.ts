import type { Issue } from "../../../addin/validate/report";
import { ALL_CAPABILITIES, type Capabilities } from "../../../taskpane/office/capabilities";
import { clearMarks, MARK_FILL, MARKS_KEY, markProblems } from "../../../taskpane/office/marks";
import { selectCell } from "../../../taskpane/office/select";
import { writeSummarySheets } from "../../../taskpane/office/summary-sheets";
import { MemoryStore } from "../../../taskpane/storage";
import { address } from "../../../addin/grid";
import { MockExcel } from "./mock-excel";

const issue = (cell: string, severity: "error" | "warning", message = `问题 ${cell}`, extra: Partial<Issue> = {}): Issue => ({
  code: "range",
  severity,
  file: "东湖镇.xlsx",
  sheet: "东湖镇",
  cell,
  message,
  ...extra,
});

function sheetWithFills(xl: MockExcel, rows = 400) {
  const s = xl.addSheet("东湖镇", Array.from({ length: rows }, (_, r) => [r, "x", r * 2]));
  s.fills.set("A1", "#00FF00");
  s.fills.set("B2", "#123456");
  return s;
}

function issues(n: number): Issue[] {
  return Array.from({ length: n }, (_, i) => issue(address(i, i % 3), i % 2 ? "warning" : "error"));
}

describe("markProblems / clearMarks", () => {
  it("takes the same number of syncs for 3 and for 300 problems, using getRanges in bounded lists", async () => {
    const counts: number[] = [];
    for (const n of [3, 300]) {
      const xl = new MockExcel();
      sheetWithFills(xl);
      const res = await markProblems(xl.context, issues(n), { caps: ALL_CAPABILITIES, store: new MemoryStore() });
      expect(res.cells).toBe(n);
      counts.push(xl.syncs);
      if (n === 300) expect(xl.calls.get("getRanges")!).toBeLessThan(20);
    }
    expect(counts[0]).toBe(2);
    expect(counts[1]).toBe(counts[0]);
  });

  it("colours errors red and warnings yellow, an error winning on a shared cell, and adds one note per cell", async () => {
    const xl = new MockExcel();
    const s = sheetWithFills(xl);
    const res = await markProblems(
      xl.context,
      [issue("C3", "warning", "偏大"), issue("C3", "error", "超出范围"), issue("D4", "warning", "请说明"), issue("E5", "warning", "已说明", { explained: true }), { ...issue("A1", "error"), cell: undefined }],
      { caps: ALL_CAPABILITIES, store: new MemoryStore() },
    );
    expect(s.fills.get("C3")).toBe(MARK_FILL.error);
    expect(s.fills.get("D4")).toBe(MARK_FILL.warning);
    expect(s.fills.has("E5")).toBe(false);
    expect(xl.notes.get("东湖镇!C3")).toBe("偏大\n超出范围");
    expect(res).toEqual({ cells: 2, annotations: 2, annotationKind: "note", withoutCell: 1 });
  });

  it("clearMarks restores exactly what markProblems changed, and removes its notes but not the user's", async () => {
    const xl = new MockExcel();
    const s = sheetWithFills(xl);
    xl.notes.set("东湖镇!B2", "用户自己的批注");
    const before = new Map(s.fills);
    const store = new MemoryStore();
    await markProblems(xl.context, [issue("A1", "error"), issue("B2", "warning"), issue("C3", "error")], { caps: ALL_CAPABILITIES, store });
    expect(s.fills.get("A1")).toBe(MARK_FILL.error);
    expect(xl.notes.get("东湖镇!B2")).toBe("用户自己的批注");
    expect(store.get(MARKS_KEY)).toBeDefined();
    xl.syncs = 0;
    const res = await clearMarks(xl.context, { caps: ALL_CAPABILITIES, store });
    expect(res.cells).toBe(3);
    expect(xl.syncs).toBe(2);
    expect(s.fills).toEqual(before);
    expect([...xl.notes.keys()]).toEqual(["东湖镇!B2"]);
    expect(store.get(MARKS_KEY)).toBeUndefined();
  });

  it("marking again keeps the first originals and restores cells that are fine now", async () => {
    const xl = new MockExcel();
    const s = sheetWithFills(xl);
    const store = new MemoryStore();
    await markProblems(xl.context, [issue("A1", "error"), issue("C3", "error")], { caps: ALL_CAPABILITIES, store });
    await markProblems(xl.context, [issue("A1", "warning")], { caps: ALL_CAPABILITIES, store });
    expect(s.fills.get("A1")).toBe(MARK_FILL.warning);
    expect(s.fills.has("C3")).toBe(false);
    expect(xl.notes.has("东湖镇!C3")).toBe(false); // a fixed cell loses its fill and our note on the same run
    expect(xl.notes.get("东湖镇!A1")).toBe("问题 A1"); // a cell still wrong keeps its note, with the new text
    await clearMarks(xl.context, { caps: ALL_CAPABILITIES, store });
    expect(s.fills.get("A1")).toBe("#00FF00");
    expect(xl.notes.size).toBe(0);
  });

  it("re-checking removes the notes of cells that are fine now without extra syncs, and leaves the user's notes", async () => {
    const xl = new MockExcel();
    const s = sheetWithFills(xl);
    xl.notes.set("东湖镇!D9", "用户自己的批注");
    const store = new MemoryStore();
    await markProblems(xl.context, issues(40), { caps: ALL_CAPABILITIES, store });
    expect([...xl.notes.keys()].filter((k) => k !== "东湖镇!D9")).toHaveLength(40);
    xl.syncs = 0;
    const remaining = issues(40).slice(0, 5).map((i) => ({ ...i, message: `仍有问题 ${i.cell}` }));
    const res = await markProblems(xl.context, remaining, { caps: ALL_CAPABILITIES, store });
    expect(xl.syncs).toBe(2);
    expect(res.annotations).toBe(5);
    const ours = [...xl.notes.entries()].filter(([k]) => k !== "东湖镇!D9");
    expect(ours.map(([k]) => k).sort()).toEqual(remaining.map((i) => `东湖镇!${i.cell}`).sort());
    for (const [, text] of ours) expect(text).toMatch(/^仍有问题 /);
    expect(xl.notes.get("东湖镇!D9")).toBe("用户自己的批注");
    expect(JSON.parse(store.get(MARKS_KEY)!)["东湖镇"].notes.sort()).toEqual(remaining.map((i) => i.cell).sort());
    // A1 and B2 carry their own fills under the marks; C3, A4, B5 are marked; the other 35 cells are back to no fill.
    expect([...s.fills.keys()].sort()).toEqual(["A1", "A4", "B2", "B5", "C3"]);
  });

  it("re-checking re-adds a note the user deleted on a cell that is still wrong", async () => {
    const xl = new MockExcel();
    sheetWithFills(xl);
    const store = new MemoryStore();
    await markProblems(xl.context, [issue("C3", "error")], { caps: ALL_CAPABILITIES, store });
    xl.notes.delete("东湖镇!C3");
    await markProblems(xl.context, [issue("C3", "error", "还是不对")], { caps: ALL_CAPABILITIES, store });
    expect(xl.notes.get("东湖镇!C3")).toBe("还是不对");
  });

  it("uses comments on ExcelApi 1.10–1.17 and removes them on clear", async () => {
    const caps: Capabilities = { ...ALL_CAPABILITIES, notes: false };
    const xl = new MockExcel();
    sheetWithFills(xl);
    xl.comments.set("user", { sheet: "东湖镇", cell: "B2", text: "用户的评论" });
    const store = new MemoryStore();
    const res = await markProblems(xl.context, [issue("A1", "error"), issue("B2", "error")], { caps, store });
    expect(res.annotationKind).toBe("comment");
    expect(res.annotations).toBe(1); // B2 already has the user's comment
    expect(xl.syncs).toBe(3);
    expect([...xl.comments.values()].map((c) => c.cell).sort()).toEqual(["A1", "B2"]);
    await clearMarks(xl.context, { caps, store });
    expect([...xl.comments.keys()]).toEqual(["user"]);
  });

  it("re-checking with comments deletes ours on cells that are fine now, in the same syncs", async () => {
    const caps: Capabilities = { ...ALL_CAPABILITIES, notes: false };
    const xl = new MockExcel();
    sheetWithFills(xl);
    xl.comments.set("user", { sheet: "东湖镇", cell: "B2", text: "用户的评论" });
    const store = new MemoryStore();
    await markProblems(xl.context, [issue("A1", "error"), issue("C3", "error"), issue("D4", "warning")], { caps, store });
    expect([...xl.comments.values()].map((c) => c.cell).sort()).toEqual(["A1", "B2", "C3", "D4"]);
    xl.syncs = 0;
    await markProblems(xl.context, [issue("C3", "error")], { caps, store });
    expect(xl.syncs).toBe(3); // as on the first run: the workbook has comments, so one sync finds their cells
    expect([...xl.comments.values()].map((c) => c.cell).sort()).toEqual(["B2", "C3"]);
    expect(xl.comments.get("user")?.text).toBe("用户的评论");
    await clearMarks(xl.context, { caps, store });
    expect([...xl.comments.keys()]).toEqual(["user"]);
  });

  it("on Excel without getRanges or annotations: one range per cell, colour only, still 2 syncs", async () => {
    const caps: Capabilities = { rowHidden: true, autofit: true, nullObjects: false, multiRanges: false, comments: false, mergedAreas: false, notes: false };
    const xl = new MockExcel();
    const s = sheetWithFills(xl);
    const before = new Map(s.fills);
    const store = new MemoryStore();
    const res = await markProblems(xl.context, issues(50), { caps, store });
    expect(xl.calls.get("getRanges")).toBeUndefined();
    expect(res.annotationKind).toBe("none");
    expect(xl.syncs).toBe(2);
    expect(s.fills.get("A1")).toBe(MARK_FILL.error);
    await clearMarks(xl.context, { caps, store });
    expect(s.fills).toEqual(before);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const xl = new MockExcel();
    xl.addSheet("说明", [["填表说明"]]);
    xl.addSheet("东湖镇", [[1]]);
    await selectCell(xl.context, "东湖镇", "F7");
    expect(xl.active).toBe(1);
    expect(xl.selected).toEqual({ sheet: "东湖镇", cell: "F7" });
    expect(xl.syncs).toBe(1);
  });

  it("fails loudly for a sheet that is gone", async () => {
    const xl = new MockExcel();
    xl.addSheet("说明", [["x"]]);
    await expect(selectCell(xl.context, "没有", "A1")).rejects.toThrow(/ItemNotFound/);
  });
});

describe("writeSummarySheets", () => {
  const tables = [
    { name: "乡镇汇总", rows: [["乡镇", "消除率"], ["东湖镇", 0.5]], formats: ["", "0.00%"] },
    { name: "报送情况", rows: [["乡镇", "状态"], ["西山镇", null]] },
  ];

  it("writes new sheets with every value in one sync after the listing", async () => {
    const xl = new MockExcel();
    xl.addSheet("Sheet1", [["x"]]);
    const res = await writeSummarySheets(xl.context, tables, { caps: ALL_CAPABILITIES });
    expect(res).toEqual({ kind: "written", sheets: ["乡镇汇总", "报送情况"] });
    expect(xl.calls.get("autofitColumns")).toBe(2);
    expect(xl.syncs).toBe(2);
    expect(xl.sheet("乡镇汇总").cells.get("B2")?.value).toBe(0.5);
    expect(xl.sheet("报送情况").cells.get("A2")?.value).toBe("西山镇");
    expect(xl.sheet("报送情况").cells.has("B2")).toBe(false);
    expect(xl.sheets[xl.active].name).toBe("乡镇汇总");
  });

  it("writes a clerk's text that looks like a formula as text, never as a formula", async () => {
    const xl = new MockExcel();
    xl.addSheet("Sheet1", [["x"]]);
    const hostile = "=HYPERLINK(\"http://example.invalid\",\"点此\")";
    await writeSummarySheets(xl.context, [{ name: "审核问题", rows: [["备注", "数"], [hostile, 1.5]], formats: ["", "0.00"] }], { caps: ALL_CAPABILITIES });
    const cell = xl.sheet("审核问题").cells.get("A2");
    expect(cell).toMatchObject({ value: hostile, format: "@" });
    expect(cell?.formula).toBeUndefined();
    expect(xl.sheet("审核问题").cells.get("B2")).toMatchObject({ value: 1.5, format: "0.00" });
  });

  it("on Excel 2016 (ExcelApi 1.1) writes the sheets without autofitColumns, which needs 1.2", async () => {
    const xl = new MockExcel();
    xl.addSheet("Sheet1", [["x"]]);
    const res = await writeSummarySheets(xl.context, tables, { caps: { autofit: false } });
    expect(res.kind).toBe("written");
    expect(xl.calls.get("autofitColumns")).toBeUndefined();
    expect(xl.sheet("乡镇汇总").cells.get("B2")?.value).toBe(0.5);
  });

  it("never overwrites silently: a clash is a conflict, and replacing needs overwrite", async () => {
    const xl = new MockExcel();
    xl.addSheet("乡镇汇总", [["旧数据"]]);
    const res = await writeSummarySheets(xl.context, tables, { caps: ALL_CAPABILITIES });
    expect(res).toEqual({ kind: "conflict", sheets: ["乡镇汇总"] });
    expect(xl.sheet("乡镇汇总").cells.get("A1")?.value).toBe("旧数据");
    expect(xl.sheets.map((s) => s.name)).toEqual(["乡镇汇总"]);
    const again = await writeSummarySheets(xl.context, tables, { overwrite: true, caps: ALL_CAPABILITIES });
    expect(again.kind).toBe("written");
    expect(xl.sheet("乡镇汇总").cells.get("A2")?.value).toBe("东湖镇");
  });
});
