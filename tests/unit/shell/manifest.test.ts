/** @jest-environment jsdom */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "../../..");
const { DEFAULT_URL, productionManifest, productionUrl } = require(join(ROOT, "scripts", "manifest-url.js")) as {
  DEFAULT_URL: string;
  productionManifest(xml: string, base: string): string;
  productionUrl(value?: string): string;
};
const devXml = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const DIST_MANIFEST = join(ROOT, "dist", "manifest.xml");

/** The base URL dist/manifest.xml was built for (XIAOBO_URL then, or the default): where its task pane is. */
function distBase(): string {
  const m = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(readFileSync(DIST_MANIFEST, "utf8"));
  return m ? m[1].replace(/&amp;/g, "&") : "(no SourceLocation)";
}

/**
 * The same checks for the development manifest (manifest.xml, https://localhost:3000/), the production one as the
 * build makes it for a county's server, and dist/manifest.xml as `npm run build` wrote it (XIAOBO_URL or the default).
 */
const MANIFESTS: [string, string, string][] = [
  ["manifest.xml", devXml, "https://localhost:3000/"],
  ["production manifest for https://oa.example.gov.cn/xiaobo/", productionManifest(devXml, "https://oa.example.gov.cn/xiaobo/"), "https://oa.example.gov.cn/xiaobo/"],
  ["production manifest at a server root with a port", productionManifest(devXml, productionUrl("https://10.1.2.3:8443")), "https://10.1.2.3:8443/"],
  ...(existsSync(DIST_MANIFEST) ? [["dist/manifest.xml", readFileSync(DIST_MANIFEST, "utf8"), distBase()] as [string, string, string]] : []),
];

describe.each(MANIFESTS)("%s", (_name, xml, base) => {
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
  test("is well-formed XML with the TaskPaneApp root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expect(all("DefaultLocale")[0].textContent).toBe("zh-CN");
  });

  test("every resid used is defined once in Resources", () => {
    const defined = new Map<string, number>();
    for (const tag of ["bt:Image", "bt:Url", "bt:String"]) for (const el of all(tag)) defined.set(el.getAttribute("id")!, (defined.get(el.getAttribute("id")!) ?? 0) + 1);
    const used = Array.from(doc.querySelectorAll("*")).flatMap((el) => (el.getAttribute("resid") ? [el.getAttribute("resid")!] : []));
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect([id, defined.get(id)]).toEqual([id, 1]);
  });

  test("one shared runtime, used by the custom functions page and the task pane button", () => {
    const runtimes = all("Runtime");
    expect(runtimes).toHaveLength(1);
    const id = runtimes[0].getAttribute("resid");
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const page = doc.querySelector('ExtensionPoint[xsi\\:type="CustomFunctions"] Page SourceLocation') ?? all("Page")[0].getElementsByTagName("SourceLocation")[0];
    expect(page.getAttribute("resid")).toBe(id);
    const action = all("Action").find((a) => a.getAttribute("xsi:type") === "ShowTaskpane")!;
    expect(action.getElementsByTagName("SourceLocation")[0].getAttribute("resid")).toBe(id);
    expect(all("FunctionFile")[0].getAttribute("resid")).toBe(id);
  });

  test("requires SharedRuntime 1.1; the functions namespace is XB", () => {
    const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
    expect(sets).toContain("SharedRuntime 1.1");
    const ns = all("Namespace")[0].getAttribute("resid")!;
    const str = all("bt:String").find((s) => s.getAttribute("id") === ns)!;
    expect(str.getAttribute("DefaultValue")).toBe("XB");
  });

  test("every URL is under the base URL, the AppDomain is its origin, and each Override carries the bt: prefix inside Resources", () => {
    const urls = Array.from(doc.querySelectorAll("*")).flatMap((el) => ["DefaultValue", "Value"].map((a) => el.getAttribute(a) ?? "")).filter((v) => /^https?:/.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(base)).toBe(true);
    expect(all("AppDomain").map((d) => d.textContent)).toEqual([new URL(base).origin]);
    if (!base.includes("localhost")) expect(xml).not.toMatch(/localhost/i);
    for (const el of all("Resources")[0].querySelectorAll("*")) if (el.localName === "Override") expect(el.tagName).toBe("bt:Override");
    expect(xml).not.toMatch(/<Override[^>]*>\s*<\/bt:/);
  });

  test("the functions metadata has a zh-cn override to functions-zh-cn.json; English overrides for strings", () => {
    const meta = all("bt:Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    expect(meta.getAttribute("DefaultValue")).toBe(`${base}functions.json`);
    const zh = Array.from(meta.getElementsByTagName("bt:Override"));
    expect(zh.map((o) => [o.getAttribute("Locale")?.toLowerCase(), o.getAttribute("Value")])).toEqual([["zh-cn", `${base}functions-zh-cn.json`]]);
    for (const s of all("bt:String").filter((s) => s.getAttribute("id") !== "Functions.Namespace")) {
      expect(s.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
      expect(s.getElementsByTagName("bt:Override")[0]?.getAttribute("Locale")).toBe("en-us");
    }
  });

  test("every icon it names exists in assets/", () => {
    const icons = Array.from(doc.querySelectorAll("*")).map((el) => el.getAttribute("DefaultValue") ?? "").filter((v) => v.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const u of icons) expect(existsSync(join(ROOT, u.replace(base, "")))).toBe(true);
  });
});

describe("the production base URL (XIAOBO_URL)", () => {
  test("https only, a trailing slash added, no query; the default is the documented placeholder", () => {
    expect(productionUrl("https://oa.example.gov.cn/xiaobo")).toBe("https://oa.example.gov.cn/xiaobo/");
    expect(productionUrl("")).toBe(DEFAULT_URL);
    expect(productionUrl(undefined)).toBe(process.env.XIAOBO_URL ? productionUrl(process.env.XIAOBO_URL) : DEFAULT_URL);
    expect(readFileSync(join(ROOT, "docs", "deploy.md"), "utf8")).toContain(DEFAULT_URL);
    expect(() => productionUrl("http://oa.example.gov.cn/xiaobo/")).toThrow(/https/);
    expect(() => productionUrl("oa.example.gov.cn")).toThrow(/不是有效的网址/);
    expect(() => productionUrl("https://a.cn/x/?v=1")).toThrow(/\?/);
  });

  test("a URL with & is escaped in the XML, and the manifest stays well-formed", () => {
    const xml = productionManifest(devXml, "https://a.cn/x&y/");
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.getElementsByTagName("SourceLocation")[0].getAttribute("DefaultValue")).toBe("https://a.cn/x&y/taskpane.html");
  });
});

describe("webpack.config.js", () => {
  test("builds the task pane and the functions into one shared-runtime page, with the metadata plugin", async () => {
    const config = await require(join(ROOT, "webpack.config.js"))({}, { mode: "production" });
    expect(Object.keys(config.entry)).toEqual(["functions", "taskpane"]);
    const names = config.plugins.map((p: object) => p.constructor.name);
    expect(names).toEqual(expect.arrayContaining(["CustomFunctionsMetadataPlugin", "HtmlWebpackPlugin", "CopyPlugin"]));
    const html = config.plugins.find((p: object) => p.constructor.name === "HtmlWebpackPlugin");
    expect(html.userOptions.chunks).toEqual(["functions", "taskpane"]);
    expect(config.devServer).toBeUndefined(); // building needs no certificates
  });

  test("one runtime for both entries; shared modules in one initial chunk; the file libraries and mathjs in lazy chunks of their own", async () => {
    const config = await require(join(ROOT, "webpack.config.js"))({}, { mode: "production" });
    expect(config.optimization.runtimeChunk).toBe("single");
    const groups = config.optimization.splitChunks.cacheGroups;
    expect(groups.shared).toMatchObject({ chunks: "initial", minChunks: 2 });
    const file = (pkg: string) => `/x/node_modules/${pkg}/index.js`;
    for (const [group, pkgs] of Object.entries({ sheetjs: ["@e965/xlsx"], exceljs: ["exceljs"], mathjs: ["mathjs", "typed-function", "decimal.js"] })) {
      expect(groups[group].chunks).toBe("async");
      for (const p of pkgs) expect([group, p, groups[group].test.test(file(p))]).toEqual([group, p, true]);
    }
    expect(groups.sheetjs.test.test(file("exceljs"))).toBe(false);
    expect(groups.exceljs.test.test(file("@e965/xlsx"))).toBe(false);
    expect(config.plugins.map((p: object) => p.constructor.name)).toContain("BundleStatsPlugin");
  });
});
