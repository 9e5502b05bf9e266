/* The one-file offline page, dist/消薄助手.html: the task pane with every script inlined (one chunk, no lazy chunks,
 * no office.js), for a township with no server — opened by double-click (file://), it makes no request at all.
 * Built after webpack.config.js by `npm run build`; docs/deploy.md says who gets which. */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");

const dist = path.resolve(__dirname, "dist");
const PAGE = "消薄助手.html";

/**
 * Script text safe inside <script>…</script>: "</script" would end the element and "<!--" would change how the
 * parser reads the rest. Both only occur inside string or regex literals, where "<\/" and "<\x21" mean the same.
 */
function inlineSafe(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\x21--");
}

/** The page: taskpane.html's head without its office.js loader, a CSP that allows no request, the bundle inline. */
function offlinePage(template, js) {
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";
  const html = template
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`)
    .replace(/<script>[\s\S]*?<\/script>\s*/, "");
  if (html.includes("appsforoffice") || !html.includes("</body>")) throw new Error("taskpane/taskpane.html changed: update webpack.offline.js");
  return html.replace("</body>", () => `<script>${inlineSafe(js)}</script>\n  </body>`);
}

/** Replaces the emitted JavaScript by the one HTML page that carries it. */
class InlinePagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InlinePagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "InlinePagePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const scripts = Object.keys(assets).filter((f) => f.endsWith(".js"));
        if (scripts.length !== 1) throw new Error(`offline page: expected one script, got ${scripts.join(", ")}`);
        const js = assets[scripts[0]].source().toString();
        const template = fs.readFileSync(path.join(__dirname, "taskpane", "taskpane.html"), "utf8");
        for (const f of Object.keys(assets)) compilation.deleteAsset(f);
        compilation.emitAsset(PAGE, new webpack.sources.RawSource(offlinePage(template, js)));
      });
    });
  }
}

module.exports = async (env, options) => {
  const base = await require("./webpack.config.js")(env, options);
  return {
    ...base,
    name: "offline",
    devtool: false,
    entry: { offline: "./taskpane/index.tsx" },
    // dist/ is cleaned and filled by webpack.config.js first; this build only adds the page.
    output: { path: dist, filename: "offline.js", publicPath: "", clean: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }), new InlinePagePlugin()],
    devServer: undefined,
  };
};

module.exports.PAGE = PAGE;
module.exports.inlineSafe = inlineSafe;
