/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * 设置 chooses the template: every built-in (BUILTIN_TEMPLATE_IDS) by its name, or a county's own template file; the
 * 达标 fields only for a template that has those parameters. Here the list of built-ins has a second template besides
 * Template 1 (村级工作考评表, the e2e fixture), to show that any id in the list is offered with no code for it.
 */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TextDecoder as UtilTextDecoder, TextEncoder as UtilTextEncoder } from "util";
import { App } from "../../../taskpane/app/App";
import type { AppServices } from "../../../taskpane/app/services";
import { SettingsView } from "../../../taskpane/app/SettingsView";
import { builtinChoices, resolveConfig, withThresholds } from "../../../taskpane/config";
import { DEFAULT_SETTINGS, loadBuiltinTemplates, loadSettings, SETTINGS_KEY } from "../../../taskpane/settings";
import { MemoryStore } from "../../../taskpane/storage";
import { REVIEW_TEMPLATE_FILE, REVIEW_TEMPLATE_JSON, REVIEW_TEMPLATE_NAME } from "./review-template";

configure({ asyncUtilTimeout: 10000 });
// jsdom has no TextDecoder/TextEncoder; the pane decodes a chosen JSON file with it.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? UtilTextDecoder, TextEncoder: globalThis.TextEncoder ?? UtilTextEncoder });

jest.mock("../../../addin/templates/builtin", () => {
  const actual = jest.requireActual("../../../addin/templates/builtin");
  const { loadTemplate } = jest.requireActual("../../../addin/templates/load");
  const { readFileSync } = jest.requireActual("fs");
  const { join } = jest.requireActual("path");
  const review = loadTemplate(JSON.parse(readFileSync(join(__dirname, "..", "..", "e2e", "fixtures", "村级工作考评模板.json"), "utf8")));
  return {
    BUILTIN_TEMPLATE_IDS: [...actual.BUILTIN_TEMPLATE_IDS, review.id],
    builtinTemplate: (id: string) => (id === review.id ? review : actual.builtinTemplate(id)),
  };
});

const T1_NAME = "村级集体经济发展情况统计表";
const standalone = (store = new MemoryStore()): AppServices => ({ mode: "standalone", store, download: jest.fn() });
/** A File stand-in with text content (jsdom's File has no arrayBuffer()). */
const jsonFile = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
};
const templateGroup = () => screen.getByRole("radiogroup", { name: "报表模板" });

describe("the list of built-in templates", () => {
  it("is every id of BUILTIN_TEMPLATE_IDS with its name and the 达标 parameters it has", async () => {
    expect(builtinChoices()).toEqual([
      { id: "village-economy", name: T1_NAME, thresholds: ["totalMin", "operatingMin", "mode"] },
      { id: "party-review", name: "村党组织书记抓基层党建述职评议考核评分表", thresholds: [] },
      { id: "model-village", name: "党建示范村创建评估表", thresholds: [] },
      { id: "village-review", name: REVIEW_TEMPLATE_NAME, thresholds: [] },
    ]);
    expect(await loadBuiltinTemplates()).toEqual(builtinChoices());
  });

  it("thresholds saved for Template 1 never reach a template without those parameters", () => {
    const review = resolveConfig({ templateId: "village-review", totalMin: 50, operatingMin: 20, mode: "or" }).template;
    expect(review.parameters).toEqual({});
    const t1 = resolveConfig({ templateId: "village-economy", totalMin: 50 }).template;
    expect(t1.parameters).toMatchObject({ totalMin: 50, operatingMin: 15, mode: "and" });
    expect(withThresholds(review, { templateId: "village-review", operatingMin: 9 })).toBe(review);
  });
});

describe("设置: choosing the template", () => {
  it("lists every built-in by name, Template 1 chosen by default, with its 达标 fields", async () => {
    render(<SettingsView services={standalone()} settings={DEFAULT_SETTINGS} onSaved={jest.fn()} />);
    const group = templateGroup();
    await waitFor(() => expect(within(group).getAllByRole("radio")).toHaveLength(4));
    expect(within(group).getByRole("radio", { name: T1_NAME })).toBeChecked();
    expect(within(group).getByRole("radio", { name: REVIEW_TEMPLATE_NAME })).not.toBeChecked();
    await waitFor(() => expect(screen.getByTestId("template-name")).toHaveTextContent(`当前模板：${T1_NAME}（内置）`));
    expect(screen.getByRole("group", { name: "达标标准（万元）" })).toBeInTheDocument();
    expect(screen.getByLabelText("总收入不低于")).toHaveAttribute("placeholder", "30");
  });

  it("choosing another built-in hides the 达标 fields (it has no such parameters), saves its id, and the config is that template", async () => {
    const store = new MemoryStore({ [SETTINGS_KEY]: JSON.stringify({ templateId: "village-economy", totalMin: 45, mode: "or" }) });
    const onSaved = jest.fn();
    render(<SettingsView services={standalone(store)} settings={loadSettings(store)} onSaved={onSaved} />);
    fireEvent.click(await within(templateGroup()).findByRole("radio", { name: REVIEW_TEMPLATE_NAME }));
    await waitFor(() => expect(screen.getByTestId("template-name")).toHaveTextContent(`当前模板：${REVIEW_TEMPLATE_NAME}（内置）`));
    expect(screen.queryByRole("group", { name: "达标标准（万元）" })).toBeNull();
    expect(screen.queryByLabelText("总收入不低于")).toBeNull();
    expect(screen.queryByLabelText("经营性收入不低于")).toBeNull();
    expect(screen.queryByText("判定方式")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    // Template 1's thresholds are not saved with a template that has none.
    expect(JSON.parse(store.get(SETTINGS_KEY)!)).toEqual({ templateId: "village-review" });
    expect(onSaved.mock.calls[0][0]).toEqual({ templateId: "village-review" });
    const config = resolveConfig(loadSettings(store));
    expect([config.template.id, config.template.name]).toEqual(["village-review", REVIEW_TEMPLATE_NAME]);
  });

  it("a stored choice of another built-in starts with that template chosen and no 达标 fields", async () => {
    const store = new MemoryStore({ [SETTINGS_KEY]: JSON.stringify({ templateId: "village-review" }) });
    render(<App services={standalone(store)} initialView="settings" />);
    expect(screen.queryByLabelText("总收入不低于")).toBeNull();
    expect(await within(templateGroup()).findByRole("radio", { name: REVIEW_TEMPLATE_NAME })).toBeChecked();
    await waitFor(() => expect(screen.getByTestId("template-name")).toHaveTextContent(REVIEW_TEMPLATE_NAME));
    expect(screen.queryByRole("group", { name: "达标标准（万元）" })).toBeNull();
  });

  it("a loaded template file shows by its file and its name, is chosen, and is saved; choosing Template 1 again brings the 达标 fields back", async () => {
    const store = new MemoryStore();
    const onSaved = jest.fn();
    render(<SettingsView services={standalone(store)} settings={loadSettings(store)} onSaved={onSaved} />);
    await waitFor(() => expect(within(templateGroup()).getAllByRole("radio")).toHaveLength(4));
    fireEvent.change(screen.getByTestId("file-input-载入模板 JSON"), { target: { files: [jsonFile(REVIEW_TEMPLATE_FILE, REVIEW_TEMPLATE_JSON)] } });

    const custom = await within(templateGroup()).findByRole("radio", { name: `自定义：${REVIEW_TEMPLATE_FILE}` });
    expect(custom).toBeChecked();
    await waitFor(() => expect(screen.getByTestId("template-name")).toHaveTextContent(`当前模板：${REVIEW_TEMPLATE_NAME}（${REVIEW_TEMPLATE_FILE}）`));
    expect(screen.queryByRole("group", { name: "达标标准（万元）" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const saved = JSON.parse(store.get(SETTINGS_KEY)!);
    expect(saved).toEqual({ templateId: "custom", templateJson: REVIEW_TEMPLATE_JSON, templateFile: REVIEW_TEMPLATE_FILE });
    expect(resolveConfig(loadSettings(store)).template.name).toBe(REVIEW_TEMPLATE_NAME);

    // Back to Template 1: its 达标 fields again, with its standard as placeholders; the county's file stays on offer.
    fireEvent.click(within(templateGroup()).getByRole("radio", { name: T1_NAME }));
    await waitFor(() => expect(screen.getByLabelText("经营性收入不低于")).toHaveAttribute("placeholder", "15"));
    expect(within(templateGroup()).getByRole("radio", { name: `自定义：${REVIEW_TEMPLATE_FILE}` })).not.toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    expect(JSON.parse(store.get(SETTINGS_KEY)!).templateId).toBe("village-economy");
    expect(resolveConfig(loadSettings(store)).template.id).toBe("village-economy");
  });

  it("a template file that is not valid JSON says so and changes nothing", async () => {
    render(<SettingsView services={standalone()} settings={DEFAULT_SETTINGS} onSaved={jest.fn()} />);
    fireEvent.change(screen.getByTestId("file-input-载入模板 JSON"), { target: { files: [jsonFile("坏.json", "{ 不是 JSON")] } });
    expect(await screen.findByText(/^坏\.json 不是有效的 JSON：/)).toBeInTheDocument();
    expect(within(templateGroup()).queryByRole("radio", { name: /^自定义/ })).toBeNull();
    await waitFor(() => expect(within(templateGroup()).getByRole("radio", { name: T1_NAME })).toBeChecked());
  });
});
