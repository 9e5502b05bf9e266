/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Book } from "../../../addin/grid";
import { App } from "../../../taskpane/app/App";
import { MergeView } from "../../../taskpane/app/MergeView";
import type { AppServices } from "../../../taskpane/app/services";
import { SettingsView } from "../../../taskpane/app/SettingsView";
import { resolveConfig } from "../../../taskpane/config";
import { DEFAULT_SETTINGS, loadSettings, SETTINGS_KEY } from "../../../taskpane/settings";
import { MemoryStore } from "../../../taskpane/storage";
import { townshipGrid } from "./township-grid";

// The engines load through import() and validate real grids: allow for a busy machine (2 cores, shared).
configure({ asyncUtilTimeout: 10000 });

// File reading is addin/io's (tested there); here the chosen "files" are Books made from Grids, and validation
// and merging are the real engines.
jest.mock("../../../taskpane/engine", () => {
  const actual = jest.requireActual("../../../taskpane/engine");
  return {
    ...actual,
    readFiles: jest.fn(async (files: { name: string; book: Book }[], onProgress?: (d: number, t: number) => void) => {
      onProgress?.(files.length, files.length);
      return files.map((f) => ({ file: f.name, book: f.book }));
    }),
  };
});

const book = (file: string, grid = townshipGrid()): Book => ({ file, format: "xlsx", sheets: [grid] });

describe("汇总 view", () => {
  it("lists every registry township as 未报送 before any file is chosen", () => {
    const config = resolveConfig(DEFAULT_SETTINGS);
    render(<MergeView services={{ mode: "standalone", store: new MemoryStore(), download: jest.fn() }} config={config} />);
    const items = within(screen.getByTestId("township-list")).getAllByRole("listitem");
    expect(items).toHaveLength(config.registry.townships.length);
    expect(items.map((li) => li.textContent)).toEqual(config.registry.townships.map((tw) => `${tw.name}未报送`));
  });

  it("shows each township's status after merging: 通过, 未通过审核 (n 个错误), 未报送; and offers 县汇总.xlsx", async () => {
    const config = resolveConfig(DEFAULT_SETTINGS);
    const good = book("东湖镇.xlsx");
    const bad = book("西山镇.xlsx", townshipGrid("339901102", (rows) => {
      rows[0][5] = 999; // 经营性收入 > 总收入
      rows[1][1] = "339901102999"; // not in the registry
    }));
    const services: AppServices = { mode: "standalone", store: new MemoryStore(), download: jest.fn() };
    render(<MergeView services={services} config={config} />);
    const input = screen.getByTestId("file-input-选择文件") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [{ name: good.file, book: good }, { name: bad.file, book: bad }] } });
    const list = screen.getByTestId("township-list");
    await waitFor(() => expect(list.querySelector('[data-code="339901101"]')).toHaveTextContent("东湖镇已汇总"));
    expect(list.querySelector('[data-code="339901102"]')?.textContent).toMatch(/^西山镇未通过审核（[1-9]\d* 个错误）$/);
    const others = config.registry.townships.filter((tw) => !["339901101", "339901102"].includes(tw.code));
    for (const tw of others) expect(list.querySelector(`[data-code="${tw.code}"]`)).toHaveTextContent(`${tw.name}未报送`);
    expect(screen.getByRole("button", { name: "下载县汇总.xlsx" })).toBeEnabled();
  });
});

describe("设置 view", () => {
  it("saves thresholds through the storage interface and the app reads them back", async () => {
    const store = new MemoryStore();
    const onSaved = jest.fn();
    const services: AppServices = { mode: "standalone", store, download: jest.fn() };
    render(<SettingsView services={services} settings={loadSettings(store)} onSaved={onSaved} />);
    await waitFor(() => expect(screen.getByTestId("registry-name")).toHaveTextContent("内置示例县（12 个乡镇，188 个村）"));
    fireEvent.change(screen.getByLabelText("总收入不低于"), { target: { value: "50" } });
    fireEvent.change(screen.getByLabelText("经营性收入不低于"), { target: { value: "30" } });
    fireEvent.click(screen.getByLabelText("只看经营性收入"));
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(JSON.parse(store.get(SETTINGS_KEY)!)).toEqual({ templateId: "village-economy", totalMin: 50, operatingMin: 30, mode: "operating" });
    const config = resolveConfig(loadSettings(store));
    expect(config.template.parameters).toMatchObject({ totalMin: 50, operatingMin: 30, mode: "operating" });
  });

  it("refuses a threshold that is not a number", async () => {
    const store = new MemoryStore();
    render(<SettingsView services={{ mode: "standalone", store, download: jest.fn() }} settings={loadSettings(store)} onSaved={jest.fn()} />);
    fireEvent.change(screen.getByLabelText("总收入不低于"), { target: { value: "三十" } });
    expect(screen.getByText("请输入不小于 0 的数字。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "保存设置" })).toBeDisabled();
    expect(store.get(SETTINGS_KEY)).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId("registry-name")).toHaveTextContent("12 个乡镇"));
  });

  it("the app starts from the stored settings", async () => {
    const store = new MemoryStore({ [SETTINGS_KEY]: JSON.stringify({ templateId: "village-economy", totalMin: 45 }) });
    render(<App services={{ mode: "standalone", store, download: jest.fn() }} initialView="settings" />);
    expect(screen.getByLabelText("总收入不低于")).toHaveValue("45");
    expect(screen.getAllByRole("tab")).toHaveLength(3);
    for (const name of ["检查", "汇总", "设置"]) expect(screen.getByRole("tab", { name })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "设置" })).toHaveAttribute("aria-selected", "true");
    // The template's own standard shows once the config (loaded on demand) is resolved.
    await waitFor(() => expect(screen.getByLabelText("经营性收入不低于")).toHaveAttribute("placeholder", "15"));
  });
});
