/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * 检查 and 汇总 follow the chosen template, in Excel (the summary written into the Office mock through
 * taskpane/office's writeSummarySheets) and standalone: a county's own template (村级工作考评表) is checked and merged
 * with its own columns and its own summary, and Template 1's county workbook is written sheet for sheet, its
 * 强村富民指数榜 too. A township merged in part shows as 部分汇总.
 */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { setImmediate as nodeSetImmediate } from "timers";
import { TextDecoder as UtilTextDecoder, TextEncoder as UtilTextEncoder } from "util";
import type { Book, Grid } from "../../../addin/grid";
import { mergeSubmissions, type TownshipSummary } from "../../../addin/merge";
import { CheckView } from "../../../taskpane/app/CheckView";
import { MergeView, townshipStatus } from "../../../taskpane/app/MergeView";
import type { AppServices, WorkbookHost } from "../../../taskpane/app/services";
import { resolveConfig } from "../../../taskpane/config";
import * as engine from "../../../taskpane/engine";
import { ALL_CAPABILITIES } from "../../../taskpane/office/capabilities";
import { writeSummarySheets } from "../../../taskpane/office/summary-sheets";
import { DEFAULT_SETTINGS, type EngineConfig } from "../../../taskpane/settings";
import { MemoryStore } from "../../../taskpane/storage";
import { MockExcel } from "./mock-excel";
import { REVIEW_MEASURES, REVIEW_TEMPLATE_FILE, REVIEW_TEMPLATE_JSON, reviewGrid } from "./review-template";
import { townshipGrid } from "./township-grid";

configure({ asyncUtilTimeout: 15000 });
// jsdom has no TextDecoder/TextEncoder (the readers need them) and no setImmediate (office-addin-mock's sync needs it).
Object.assign(globalThis, {
  TextDecoder: globalThis.TextDecoder ?? UtilTextDecoder,
  TextEncoder: globalThis.TextEncoder ?? UtilTextEncoder,
  setImmediate: globalThis.setImmediate ?? nodeSetImmediate,
});

// The chosen "files" are Books made from Grids; validation, merging and the summary tables are the real engines.
jest.mock("../../../taskpane/engine", () => {
  const actual = jest.requireActual("../../../taskpane/engine");
  return {
    ...actual,
    readFiles: jest.fn(async (files: { name: string; book: Book }[]) => files.map((f) => ({ file: f.name, book: f.book }))),
    merge: jest.fn(actual.merge),
  };
});

const book = (file: string, grid: Grid): Book => ({ file, format: "xlsx", sheets: [grid] });
const reviewConfig = (): EngineConfig => resolveConfig({ ...DEFAULT_SETTINGS, templateId: "custom", templateJson: REVIEW_TEMPLATE_JSON, templateFile: REVIEW_TEMPLATE_FILE });
const T1_SHEETS = ["乡镇汇总", "村级明细", "强村富民指数榜", "报送情况", "审核问题", "未汇总行"];

/** A WorkbookHost whose summary goes into the Office mock through taskpane/office. */
function mockHost(xl: MockExcel): WorkbookHost {
  return {
    notices: [],
    readActiveSheet: jest.fn(),
    mark: jest.fn(async (issues) => ({ cells: issues.length, annotations: 0, annotationKind: "note" as const, withoutCell: 0 })),
    clearMarks: jest.fn(),
    select: jest.fn(),
    writeSummary: (tables, overwrite) => writeSummarySheets(xl.context, tables, { overwrite, caps: ALL_CAPABILITIES }),
  };
}

function choose(files: Book[]) {
  fireEvent.change(screen.getByTestId("file-input-选择文件"), { target: { files: files.map((b) => ({ name: b.file, book: b })) } });
}
const statusOf = (code: string) => screen.getByTestId("township-list").querySelector(`[data-code="${code}"]`);
/** A sheet of the mock as rows of values (row 1 first). */
function values(xl: MockExcel, name: string): unknown[][] {
  const rows: unknown[][] = [];
  for (const [a, cell] of xl.sheet(name).cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    ((rows[Number(m[2]) - 1] ??= [])[col] = cell.value);
  }
  return rows;
}
const headerRow = (rows: unknown[][]) => rows.find((r) => r?.includes("乡镇") && r.includes("报送状态"))!;

describe("汇总 with a county's own template", () => {
  it("in Excel: its townships pass, and 生成县汇总 writes every sheet of its summary, 乡镇汇总 with its own measures", async () => {
    const xl = new MockExcel();
    xl.addSheet("Sheet1", [["x"]]);
    const services: AppServices = { mode: "office", workbook: mockHost(xl), store: new MemoryStore(), download: jest.fn() };
    render(<MergeView services={services} config={reviewConfig()} />);
    choose([book("东湖镇.xlsx", reviewGrid("339901101")), book("西山镇.xlsx", reviewGrid("339901102"))]);
    await waitFor(() => expect(statusOf("339901102")).toHaveTextContent("西山镇已汇总"));
    expect(statusOf("339901101")).toHaveTextContent("东湖镇已汇总");
    expect(screen.getByTestId("merge-announce")).toHaveTextContent("汇总完成：2 个乡镇通过，0 个未通过审核，10 个未报送。");

    fireEvent.click(screen.getByRole("button", { name: "生成县汇总" }));
    const sheets = ["乡镇汇总", "村级明细", "报送情况", "审核问题", "未汇总行"];
    expect(await screen.findByText(`已写入工作表：${sheets.join("、")}`)).toBeInTheDocument();
    expect(xl.sheets.map((s) => s.name)).toEqual(["Sheet1", ...sheets]);
    const summary = values(xl, "乡镇汇总");
    expect(summary[0][0]).toBe("示例县村级工作考评汇总表");
    const header = headerRow(summary) as string[];
    expect(header).toEqual(["序号", "乡镇", "报送状态", ...REVIEW_MEASURES, "平均得分排名", "说明"]);
    expect(header).not.toContain("消除率");
    const donghu = summary.find((r) => r?.[1] === "东湖镇")!;
    expect(donghu[header.indexOf("参评村数")]).toBe(18);
    expect(donghu[header.indexOf("平均得分排名")]).toBe(1);
    // The detail has the template's own columns.
    expect(values(xl, "村级明细").find((r) => r?.includes("考评得分"))).toEqual(["序号", "乡镇", "村代码", "村名称", "考评得分", "来源文件", "来源行"]);
  });

  it("standalone: the downloaded 县汇总.xlsx is the same summary", async () => {
    const download = jest.fn();
    render(<MergeView services={{ mode: "standalone", store: new MemoryStore(), download }} config={reviewConfig()} />);
    choose([book("东湖镇.xlsx", reviewGrid("339901101"))]);
    await waitFor(() => expect(statusOf("339901101")).toHaveTextContent("东湖镇已汇总"));
    fireEvent.click(screen.getByRole("button", { name: "下载县汇总.xlsx" }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [bytes, file] = download.mock.calls[0] as [Uint8Array, string];
    expect(file).toBe("县汇总.xlsx");
    const { readBook } = await import("../../../addin/io/reading"); // after the TextDecoder above
    const sheet = readBook(bytes, file).sheets.find((g) => g.name === "乡镇汇总")!;
    const header = sheet.rows.map((r) => r.map((c) => c?.value)).find((r) => r.includes("报送状态"));
    expect(header).toEqual(expect.arrayContaining(REVIEW_MEASURES));
  });
});

describe("检查 with a county's own template", () => {
  it("checks the active sheet against the chosen template's columns and ranges", async () => {
    const grid = reviewGrid("339901101", (rows) => void (rows[2][2] = 120)); // 考评得分 above its max 100
    const workbook = { ...mockHost(new MockExcel()), readActiveSheet: jest.fn(async () => ({ grid, fileName: "东湖镇.xlsx" })) };
    render(<CheckView services={{ mode: "office", workbook, store: new MemoryStore(), download: jest.fn() }} config={reviewConfig()} />);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    await waitFor(() => expect(workbook.mark).toHaveBeenCalled());
    expect(screen.getByTestId("report-counts")).toHaveTextContent(/^东湖镇\.xlsx：1 个错误，0 个警告$/);
    const [issue] = (workbook.mark as jest.Mock).mock.calls[0][0];
    expect([issue.severity, issue.sheet, issue.cell]).toEqual(["error", "村级工作考评", "C6"]);
    expect(screen.getByRole("button", { name: /定位到 村级工作考评!C6/ })).toBeInTheDocument();
  });

  it("a Template 1 report checked against it is not taken for one", async () => {
    const workbook = { ...mockHost(new MockExcel()), readActiveSheet: jest.fn(async () => ({ grid: townshipGrid(), fileName: "东湖镇.xlsx" })) };
    render(<CheckView services={{ mode: "office", workbook, store: new MemoryStore(), download: jest.fn() }} config={reviewConfig()} />);
    fireEvent.click(screen.getByRole("button", { name: "检查本表" }));
    await waitFor(() => expect(workbook.mark).toHaveBeenCalled());
    expect(screen.getByTestId("report-counts").textContent).toMatch(/^东湖镇\.xlsx：[1-9]\d* 个错误/);
  });
});

describe("汇总 with Template 1 in Excel", () => {
  it("writes every sheet of its county workbook, 强村富民指数榜 included", async () => {
    const xl = new MockExcel();
    xl.addSheet("Sheet1", [["x"]]);
    render(<MergeView services={{ mode: "office", workbook: mockHost(xl), store: new MemoryStore(), download: jest.fn() }} config={resolveConfig(DEFAULT_SETTINGS)} />);
    choose([book("东湖镇.xlsx", townshipGrid())]);
    await waitFor(() => expect(statusOf("339901101")).toHaveTextContent("东湖镇已汇总"));
    fireEvent.click(screen.getByRole("button", { name: "生成县汇总" }));
    expect(await screen.findByText(`已写入工作表：${T1_SHEETS.join("、")}`)).toBeInTheDocument();
    expect(xl.sheets.map((s) => s.name)).toEqual(["Sheet1", ...T1_SHEETS]);
    expect(headerRow(values(xl, "乡镇汇总"))).toEqual(expect.arrayContaining(["消除率", "消除率排名"]));
    const ranking = values(xl, "强村富民指数榜");
    expect(ranking.find((r) => r?.includes("强村富民指数"))).toEqual(expect.arrayContaining(["排名", "村（社区）名称", "强村富民指数", "星级"]));
    expect(ranking.filter((r) => r?.[1] === "东湖镇")).toHaveLength(18);
  });
});

describe("汇总: a township merged in part", () => {
  it("shows as 部分汇总 with the rows left out, never as 未通过审核, and the announcement counts it", async () => {
    // The engine merges a file with errors in part only when asked to (allowErrors): as a county's CLI run would.
    (engine.merge as jest.Mock).mockImplementationOnce(async (reports, config: EngineConfig) =>
      mergeSubmissions(reports, { registry: config.registry, targets: config.targets, template: config.template, allowErrors: true }),
    );
    const config = resolveConfig(DEFAULT_SETTINGS);
    render(<MergeView services={{ mode: "standalone", store: new MemoryStore(), download: jest.fn() }} config={config} />);
    const bad = townshipGrid("339901102", (rows) => void (rows[0][5] = 999)); // 经营性收入 > 总收入 in one row
    choose([book("东湖镇.xlsx", townshipGrid()), book("西山镇.xlsx", bad)]);
    await waitFor(() => expect(statusOf("339901102")).toHaveTextContent("西山镇部分汇总（退回 1 行）"));
    expect(within(statusOf("339901102") as HTMLElement).getByText("部分汇总（退回 1 行）")).toBeInTheDocument();
    expect(statusOf("339901101")).toHaveTextContent("东湖镇已汇总");
    expect(screen.getByTestId("merge-announce")).toHaveTextContent("汇总完成：1 个乡镇通过，1 个部分汇总，0 个未通过审核，10 个未报送。");
  });

  it("townshipStatus: every status of the engine has its words and colour", () => {
    const tw = (over: Partial<TownshipSummary>) => ({ status: "merged", failure: null, errorCount: 0, rejectedRows: 0, ...over }) as TownshipSummary;
    expect(townshipStatus(undefined)).toEqual({ text: "未报送", color: "informative" });
    expect(townshipStatus(tw({ status: "missing" }))).toEqual({ text: "未报送", color: "informative" });
    expect(townshipStatus(tw({}))).toEqual({ text: "已汇总", color: "success" });
    expect(townshipStatus(tw({ status: "partial", rejectedRows: 3 }))).toEqual({ text: "部分汇总（退回 3 行）", color: "warning" });
    expect(townshipStatus(tw({ status: "partial" }))).toEqual({ text: "部分汇总", color: "warning" });
    expect(townshipStatus(tw({ status: "failed", failure: "errors", errorCount: 2 }))).toEqual({ text: "未通过审核（2 个错误）", color: "danger" });
    expect(townshipStatus(tw({ status: "failed", failure: "duplicate" }))).toEqual({ text: "未通过审核（重复报送）", color: "danger" });
    expect(townshipStatus(tw({ status: "failed", failure: "unreadable" }))).toEqual({ text: "未通过审核（文件无法读取）", color: "danger" });
  });
});
