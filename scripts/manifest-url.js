/**
 * The production manifest, the way `yo office` projects make it (urlDev → urlProd in CopyWebpackPlugin's transform):
 * every https://localhost:3000/ in manifest.xml becomes the server's base URL, and the AppDomain its origin.
 * The base URL comes from XIAOBO_URL (`XIAOBO_URL=https://oa.example.gov.cn/xiaobo/ npm run build`); without it the
 * build uses DEFAULT_URL, a placeholder that docs/deploy.md says to replace, and says so on the console.
 */
const { URL } = require("url");

const URL_DEV = "https://localhost:3000/";
const DEFAULT_URL = "https://oa.example.gov.cn/xiaobo/";

/** The base URL to deploy at: https only, ending with "/" (the manifest's paths are appended to it). */
function productionUrl(value = process.env.XIAOBO_URL) {
  const raw = (value ?? "").trim() || DEFAULT_URL;
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`XIAOBO_URL 不是有效的网址：${raw}（示例：https://oa.example.gov.cn/xiaobo/）`);
  }
  if (u.protocol !== "https:") throw new Error(`XIAOBO_URL 必须以 https:// 开头（Office 只加载 HTTPS 的加载项）：${raw}`);
  if (u.search || u.hash) throw new Error(`XIAOBO_URL 不能带 ? 或 # 部分：${raw}`);
  return u.href.endsWith("/") ? u.href : u.href + "/";
}

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** manifest.xml with every development URL replaced by `base` (and the AppDomain by its origin). */
function productionManifest(xml, base) {
  const origin = new URL(base).origin;
  return String(xml)
    .split(URL_DEV).join(escapeXml(base))
    .split(URL_DEV.slice(0, -1)).join(escapeXml(origin));
}

module.exports = { URL_DEV, DEFAULT_URL, productionUrl, productionManifest };
