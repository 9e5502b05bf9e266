/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { CheckView } from "../../../taskpane/app/CheckView";
import type { AppServices, WorkbookHost } from "../../../taskpane/app/services";
import { resolveConfig } from "../../../taskpane/config";
import { DEFAULT_SETTINGS } from "../../../taskpane/settings";
import { MemoryStore } from "../../../taskpane/storage";
import { townshipGrid } from "./township-grid";

// The engines load through import() and validate real grids: allow for a busy machine (2 cores, shared).
configure({ asyncUtilTimeout: 10000 });

function fakeWorkbook(): jest.Mocked<WorkbookHost> {
  // The first village: 经营性收入 > 总收入 (an error); a baseline village that is 达标 but says 是否已消薄 = 否 (a warning).
  const grid = townshipGrid("339901101", (rows) => {
    rows[0][5] = 80; // operating 80 > total 60
    const weak = rows.findIndex((r) => r[3] === "是");
    rows[weak][7] = "否";
    rows[weak][8] = "";
  });
  return {
    notices: [],
    readActiveSheet: jest.fn(async () => ({ grid, fileName: "东湖镇.xlsx" })),
    mark: jest.fn(async (issues) => ({ cells: issues.length, annotations: 0, annotationKind: "note" as const, withoutCell: 0 })),
    clearMarks: jest.fn(async () => ({ cells: 0 })),
    select: jest.fn(async (_sheet: string, _cell: string) => {}),
    writeSummary: jest.fn(),
  };
}

describe("检查 view", () => {
  it("checks the active sheet, lists errors before warnings, and selects a cell on click and on Enter", async () => {
    const workbook = fakeWorkbook();
    const services: AppServices = { mode: "office", workbook, store: new MemoryStore(), download: jest.fn() };
    render(<CheckView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    await waitFor(() => expect(workbook.mark).toHaveBeenCalled());

    const items = Array.from(document.querySelectorAll("li[data-severity]"));
    const severities = items.map((li) => li.getAttribute("data-severity"));
    expect(severities).toContain("error");
    expect(severities).toContain("warning");
    expect(severities.indexOf("warning")).toBeGreaterThan(severities.lastIndexOf("error"));
    expect(screen.getByTestId("report-counts").textContent).toMatch(/东湖镇\.xlsx：\d+ 个错误，\d+ 个警告/);

    const marked = workbook.mark.mock.calls[0][0];
    const firstError = marked.find((i) => i.severity === "error" && i.cell)!;
    const button = screen.getAllByRole("button", { name: new RegExp(`定位到 东湖镇!${firstError.cell}`) })[0];
    fireEvent.click(button);
    await waitFor(() => expect(workbook.select).toHaveBeenCalledWith("东湖镇", firstError.cell));
    const warning = marked.find((i) => i.severity === "warning" && i.cell)!;
    const wButton = screen.getAllByRole("button", { name: new RegExp(`定位到 东湖镇!${warning.cell}`) })[0];
    fireEvent.keyDown(wButton, { key: "Enter" });
    await waitFor(() => expect(workbook.select).toHaveBeenCalledWith("东湖镇", warning.cell));
  });

  it("shows Excel's error in the pane instead of swallowing it", async () => {
    const workbook = fakeWorkbook();
    workbook.readActiveSheet.mockRejectedValueOnce(new Error("RichApi.Error: 无法访问"));
    const services: AppServices = { mode: "office", workbook, store: new MemoryStore(), download: jest.fn() };
    render(<CheckView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Excel 操作失败：RichApi.Error: 无法访问");
  });

  it("clears the marks on request", async () => {
    const workbook = fakeWorkbook();
    workbook.clearMarks.mockResolvedValueOnce({ cells: 7 });
    const services: AppServices = { mode: "office", workbook, store: new MemoryStore(), download: jest.fn() };
    render(<CheckView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    expect(await screen.findByText(/已清除 7 个单元格的标记/)).toBeInTheDocument();
  });

  it("standalone: no sheet buttons, a file picker with a drop zone", () => {
    const services: AppServices = { mode: "standalone", store: new MemoryStore(), download: jest.fn() };
    render(<CheckView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    expect(screen.queryByRole("button", { name: "检查本表" })).toBeNull();
    expect(screen.queryByRole("button", { name: "清除标记" })).toBeNull();
    expect(screen.getByRole("button", { name: "选择文件" })).toBeInTheDocument();
    expect(screen.getByTestId("drop-zone")).toBeInTheDocument();
  });
});
