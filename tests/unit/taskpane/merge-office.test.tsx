/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * 汇总 inside Excel (a fake WorkbookHost; taskpane/office itself is tested on the Office mock), and 汇总 when the
 * settings change under it.
 */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TextDecoder as UtilTextDecoder, TextEncoder as UtilTextEncoder } from "util";
import { gridFromValues, type Book } from "../../../addin/grid";
import { MergeView } from "../../../taskpane/app/MergeView";
import type { AppServices, WorkbookHost } from "../../../taskpane/app/services";
import { resolveConfig } from "../../../taskpane/config";
import type { SheetTable } from "../../../taskpane/office/summary-sheets";
import { DEFAULT_SETTINGS } from "../../../taskpane/settings";
import { MemoryStore } from "../../../taskpane/storage";
import { townshipGrid } from "./township-grid";

configure({ asyncUtilTimeout: 15000 });
// jsdom lays nothing out, so Fluent's focus manager (tabster) takes every element for invisible: an open dialog then finds
// no button to focus, focuses itself, and is marked aria-hidden as if it were not the active one, which a browser never
// does. Laid out as in a browser (every element in the flow, a 320 × 900 page), the dialog focuses its first button.
Object.defineProperty(HTMLElement.prototype, "offsetParent", { configurable: true, get: function (this: HTMLElement) { return this.parentElement; } });
document.body.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 320, bottom: 900, width: 320, height: 900, toJSON: () => ({}) });
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? UtilTextDecoder, TextEncoder: globalThis.TextEncoder ?? UtilTextEncoder });

// The chosen "files" are Books made from Grids; validation, merging and the summary tables are the real engines.
jest.mock("../../../taskpane/engine", () => {
  const actual = jest.requireActual("../../../taskpane/engine");
  return {
    ...actual,
    readFiles: jest.fn(async (files: { name: string; book: Book }[]) => files.map((f) => ({ file: f.name, book: f.book }))),
  };
});

const book = (file: string, grid = townshipGrid()): Book => ({ file, format: "xlsx", sheets: [grid] });

function officeHost(): jest.Mocked<WorkbookHost> {
  return {
    notices: [],
    readActiveSheet: jest.fn(),
    mark: jest.fn(),
    clearMarks: jest.fn(),
    select: jest.fn(),
    writeSummary: jest.fn(),
  };
}

async function chooseDonghu() {
  const input = screen.getByTestId("file-input-选择文件");
  fireEvent.change(input, { target: { files: [{ name: "东湖镇.xlsx", book: book("东湖镇.xlsx") }] } });
  await waitFor(() => expect(screen.getByTestId("township-list").querySelector('[data-code="339901101"]')).toHaveTextContent("东湖镇已汇总"));
}

describe("汇总 inside Excel", () => {
  it("生成县汇总 writes the summary sheets through the workbook host; no download", async () => {
    const workbook = officeHost();
    workbook.writeSummary.mockImplementation(async (tables) => ({ kind: "written", sheets: tables.map((t) => t.name) }));
    const services: AppServices = { mode: "office", workbook, store: new MemoryStore(), download: jest.fn() };
    render(<MergeView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    expect(screen.queryByTestId("drop-zone")).toBeNull(); // in Excel: buttons, no drop zone
    await chooseDonghu();
    expect(screen.getByTestId("merge-announce")).toHaveTextContent("汇总完成：1 个乡镇通过，0 个未通过审核，11 个未报送。");
    fireEvent.click(screen.getByRole("button", { name: "生成县汇总" }));
    // Every sheet of Template 1's county workbook, its 强村富民指数榜 and 未汇总行 too.
    const sheets = ["乡镇汇总", "村级明细", "强村富民指数榜", "报送情况", "审核问题", "未汇总行"];
    expect(await screen.findByText(`已写入工作表：${sheets.join("、")}`)).toBeInTheDocument();
    expect(workbook.writeSummary).toHaveBeenCalledTimes(1);
    const [tables, overwrite] = workbook.writeSummary.mock.calls[0] as [SheetTable[], boolean];
    expect(overwrite).toBe(false);
    expect(tables.map((t) => t.name)).toEqual(sheets);
    const summary = tables.find((t) => t.name === "乡镇汇总")!;
    expect(summary.rows.some((r) => r.includes("东湖镇"))).toBe(true);
    expect(services.download).not.toHaveBeenCalled();
  });

  it("asks before replacing existing sheets; 取消 writes nothing, 替换 writes with overwrite", async () => {
    const workbook = officeHost();
    workbook.writeSummary.mockImplementation(async (_tables, overwrite) =>
      overwrite ? { kind: "written", sheets: ["乡镇汇总", "村级明细"] } : { kind: "conflict", sheets: ["乡镇汇总", "村级明细"] },
    );
    const services: AppServices = { mode: "office", workbook, store: new MemoryStore(), download: jest.fn() };
    render(<MergeView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    await chooseDonghu();

    fireEvent.click(screen.getByRole("button", { name: "生成县汇总" }));
    let dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("工作表已存在")).toBeInTheDocument();
    expect(dialog).toHaveTextContent("乡镇汇总、村级明细");
    fireEvent.click(within(dialog).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(workbook.writeSummary).toHaveBeenCalledTimes(1);

    // The pane is hidden from assistive technology while the dialog is open; tabster shows it again just after it closes.
    fireEvent.click(await screen.findByRole("button", { name: "生成县汇总" }));
    dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "替换" }));
    expect(await screen.findByText("已写入工作表：乡镇汇总、村级明细")).toBeInTheDocument();
    expect(workbook.writeSummary).toHaveBeenCalledTimes(3);
    const [first, second, third] = workbook.writeSummary.mock.calls;
    expect([first[1], second[1], third[1]]).toEqual([false, false, true]);
    expect(third[0]).toBe(second[0]); // the very tables the user was asked about
  });

  it("shows Excel's error when writing fails", async () => {
    const workbook = officeHost();
    workbook.writeSummary.mockRejectedValue(new Error("RichApi.Error: 工作簿受保护"));
    render(<MergeView services={{ mode: "office", workbook, store: new MemoryStore(), download: jest.fn() }} config={resolveConfig(DEFAULT_SETTINGS)} />);
    await chooseDonghu();
    fireEvent.click(screen.getByRole("button", { name: "生成县汇总" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Excel 操作失败：RichApi.Error: 工作簿受保护");
  });
});

describe("汇总: files that belong to no township", () => {
  it("are listed with their reason; a township's failed file shows only as that township's status", async () => {
    const services: AppServices = { mode: "standalone", store: new MemoryStore(), download: jest.fn() };
    render(<MergeView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    const bad = book("西山镇.xlsx", townshipGrid("339901102", (rows) => void (rows[0][5] = 999)));
    const stray = book("随便.xlsx", gridFromValues("Sheet1", [["会议记录"], ["无关内容"]]));
    fireEvent.change(screen.getByTestId("file-input-选择文件"), { target: { files: [{ name: bad.file, book: bad }, { name: stray.file, book: stray }] } });
    await waitFor(() => expect(screen.getByTestId("township-list").querySelector('[data-code="339901102"]')?.textContent).toMatch(/^西山镇未通过审核/));
    const note = screen.getByTestId("unattributed");
    expect(note.textContent).toMatch(/^未能归入乡镇的文件：随便\.xlsx（.+）$/);
    expect(note.textContent).not.toContain("西山镇.xlsx");
  });
});

describe("汇总 when the settings change", () => {
  it("forgets the statuses of the last merge: they belonged to the old registry and thresholds", async () => {
    const services: AppServices = { mode: "standalone", store: new MemoryStore(), download: jest.fn() };
    const { rerender } = render(<MergeView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    await chooseDonghu();
    expect(screen.getByRole("button", { name: "下载县汇总.xlsx" })).toBeEnabled();

    // Another registry: 东湖镇 alone, under a new county name.
    const registryCsv = "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数\r\n339901101,东湖镇,339901101201,黄埠村,否\r\n";
    const next = resolveConfig({ ...DEFAULT_SETTINGS, registryCsv, registryFile: "名册.csv" });
    rerender(<MergeView services={services} config={next} />);
    const items = within(screen.getByTestId("township-list")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(["东湖镇未报送"]);
    expect(screen.getByRole("button", { name: "下载县汇总.xlsx" })).toBeDisabled();
    expect(screen.getByTestId("merge-announce")).toHaveTextContent("");
  });
});
