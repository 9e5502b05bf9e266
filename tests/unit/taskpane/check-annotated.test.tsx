/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * 检查 on the standalone page with real files: the bytes of each chosen file are kept, and a file with problems in
 * cells is offered as an annotated copy (addin/io's annotateWorkbook, as the CLI's --annotate makes it). The copy is
 * read back with ExcelJS: the problem cell is filled and carries a note.
 */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { TextDecoder as UtilTextDecoder, TextEncoder as UtilTextEncoder } from "util";
import { setLocale } from "../../../addin/i18n";
import { App } from "../../../taskpane/app/App";
import { CheckView } from "../../../taskpane/app/CheckView";
import { spreadsheetsOf } from "../../../taskpane/app/FilePicker";
import type { AppServices } from "../../../taskpane/app/services";
import { STANDARD_MODES as PANE_MODES } from "../../../taskpane/app/SettingsView";
import { STANDARD_MODES } from "../../../addin/templates";
import { resolveConfig } from "../../../taskpane/config";
import { DocumentSettingsStore } from "../../../taskpane/office/settings-store";
import { DEFAULT_SETTINGS } from "../../../taskpane/settings";
import { MemoryStore } from "../../../taskpane/storage";

configure({ asyncUtilTimeout: 15000 });
// jsdom has no TextDecoder/TextEncoder; browsers and Node do (the readers decode CSV and GB18030 with it).
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? UtilTextDecoder, TextEncoder: globalThis.TextEncoder ?? UtilTextEncoder });

const SAMPLES = join(__dirname, "..", "..", "..", "samples", "submissions");

/** A File stand-in with real bytes (jsdom's File has no arrayBuffer()). */
function fileOf(name: string, bytes: Uint8Array) {
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
}
const sample = (name: string) => fileOf(name, new Uint8Array(readFileSync(join(SAMPLES, name))));

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function standalone(): AppServices & { download: jest.Mock } {
  return { mode: "standalone", store: new MemoryStore(), download: jest.fn() };
}

describe("检查: annotated copies on the standalone page", () => {
  it("offers 石桥镇_审核标注.xlsx for a file with errors (none for a clean one), with a fill and a note on the problem cell", async () => {
    const services = standalone();
    render(<CheckView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    const input = screen.getByTestId("file-input-选择文件");
    fireEvent.change(input, { target: { files: [sample("石桥镇.xlsx"), sample("东湖镇.xlsx")] } });
    const button = await screen.findByRole("button", { name: "下载标注文件 石桥镇_审核标注.xlsx" });
    expect(screen.getAllByTestId("download-annotated")).toHaveLength(1); // 东湖镇 passed: nothing to annotate
    expect(screen.getByText(/有问题的单元格标红（错误）或标黄（警告）/)).toBeInTheDocument();
    // The announcement for screen readers sums both files.
    expect(screen.getByTestId("check-announce")).toHaveTextContent(/^检查完成：2 个文件，共 [1-9]\d* 个错误，\d+ 个警告。$/);

    fireEvent.click(button);
    await waitFor(() => expect(services.download).toHaveBeenCalledTimes(1));
    const [bytes, name] = services.download.mock.calls[0] as [Uint8Array, string];
    expect(name).toBe("石桥镇_审核标注.xlsx");
    expect(await screen.findByText("已生成 石桥镇_审核标注.xlsx，请在浏览器的下载中查看。")).toBeInTheDocument();

    const wb = await readBack(bytes);
    const ws = wb.getWorksheet("村级集体经济")!;
    const f8 = ws.getCell("F8"); // 经营性收入 39.00 大于总收入 30.50
    expect((f8.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    const note = f8.note as ExcelJS.Comment | string;
    const text = typeof note === "string" ? note : note.texts!.map((x) => x.text).join("");
    expect(text).toContain("经营性收入 39.00 大于总收入 30.50");
    // Everything else of the clerk's file is still there.
    const original = (await readBack(new Uint8Array(readFileSync(join(SAMPLES, "石桥镇.xlsx"))))).getWorksheet("村级集体经济")!;
    for (const a of ["A1", "C6", "E8", "F9"]) expect(ws.getCell(a).value).toEqual(original.getCell(a).value);
  });

  it("a .csv with problems is offered as a new .xlsx, and the pane says so", async () => {
    const services = standalone();
    // 白云乡 as the county's template exports it, with 经营性收入 above 总收入 in its first village.
    const text = readSampleText("白云乡.csv");
    const lines = text.split(/\r?\n/);
    const first = lines.findIndex((l) => /^1,/.test(l));
    const cells = lines[first].split(",");
    cells[5] = String(Number(cells[4]) + 100);
    lines[first] = cells.join(",");
    const bytes = new TextEncoder().encode("\uFEFF" + lines.join("\r\n"));
    render(<CheckView services={services} config={resolveConfig(DEFAULT_SETTINGS)} />);
    fireEvent.change(screen.getByTestId("file-input-选择文件"), { target: { files: [fileOf("白云乡.csv", bytes)] } });
    const button = await screen.findByRole("button", { name: "下载标注文件 白云乡_审核标注.xlsx" });
    expect(screen.getByText(/白云乡\.csv 不是 \.xlsx 文件，标注文件将另存为 \.xlsx 格式/)).toBeInTheDocument();
    fireEvent.click(button);
    await waitFor(() => expect(services.download).toHaveBeenCalled());
    const [out, name] = services.download.mock.calls[0] as [Uint8Array, string];
    expect(name).toBe("白云乡_审核标注.xlsx");
    const ws = (await readBack(out)).worksheets[0];
    const marked: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === "FFFFC7CE" && cell.note && marked.push(cell.address)));
    expect(marked).toContain(`F${first + 1}`);
  });
});

describe("the pane follows the locale, and its labels come from the catalogue", () => {
  afterEach(() => setLocale("zh-CN"));

  it("sets lang from the locale", async () => {
    setLocale("en-US");
    const { container } = render(<App services={standalone()} />);
    expect(container.querySelector("main")).toHaveAttribute("lang", "en-US");
    expect(screen.getByRole("tab", { name: "Merge" })).toBeInTheDocument();
  });

  it("settings groups are fieldsets named by their legends", async () => {
    render(<App services={standalone()} initialView="settings" />);
    for (const name of ["报表模板", "村名册", "达标标准（万元）"]) expect(screen.getByRole("group", { name })).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole("group", { name: "村名册" })).getByTestId("registry-name")).toHaveTextContent("12 个乡镇"));
  });

  it("the pane's list of 达标 modes is the template schema's", () => {
    expect([...PANE_MODES]).toEqual([...STANDARD_MODES]);
  });

  it("a failed save of the document settings says so in Chinese even when Office gives no reason", async () => {
    const settings = {
      get: () => undefined,
      set: () => undefined,
      remove: () => undefined,
      saveAsync: (cb: (r: { status: string; error?: { message: string } }) => void) => cb({ status: "failed" }),
    } as unknown as Office.Settings;
    await expect(new DocumentSettingsStore(settings).set("x", "1")).rejects.toThrow("设置未能保存到工作簿（原因不明）。");
  });

  it("a folder's files: only its spreadsheets, without Excel's lock files", () => {
    const f = (name: string) => ({ name }) as File;
    expect(spreadsheetsOf([f("东湖镇.xlsx"), f("~$东湖镇.xlsx"), f("说明.docx"), f("北岭乡.XLS"), f(".DS_Store"), f("白云乡.csv")]).map((x) => x.name)).toEqual([
      "东湖镇.xlsx",
      "北岭乡.XLS",
      "白云乡.csv",
    ]);
  });
});

function readSampleText(name: string): string {
  const bytes = readFileSync(join(SAMPLES, name));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

