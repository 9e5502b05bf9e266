/* The add-in build, merged from the yo office templates (Office-Addin-TaskPane-React and Excel-Custom-Functions-Shared):
 * one taskpane.html loads both the task pane and the custom functions, which share one runtime. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { productionManifest, productionUrl } = require("./scripts/manifest-url");

const dist = path.resolve(__dirname, "dist");

/** Where a module comes from, for bundle-stats.json: an npm package name, or the project folder ("addin/io"). */
function origin(resource) {
  const rel = path.relative(__dirname, resource).split(path.sep).join("/");
  const nm = rel.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = rel.slice(nm + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return rel.split("/").slice(0, rel.startsWith("addin/") ? 2 : 1).join("/");
}

/**
 * Writes dist/bundle-stats.json: for each emitted chunk, its files, whether the page loads it initially, and the
 * packages/folders inside it. scripts/bundle-size.js prints it and tests/e2e/bundle.test.ts holds the split to it.
 */
class BundleStatsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("BundleStatsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "BundleStatsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const chunks = [];
        for (const chunk of compilation.chunks) {
          const origins = new Set();
          const engine = new Set(); // the engine's own files, one by one (addin/…)
          for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const inner = m.modules ?? [m]; // concatenated modules
            for (const x of inner) {
              if (!x.resource) continue;
              origins.add(origin(x.resource));
              const rel = path.relative(__dirname, x.resource).split(path.sep).join("/");
              if (rel.startsWith("addin/")) engine.add(rel);
            }
          }
          chunks.push({
            name: chunk.name ?? null,
            files: [...chunk.files].filter((f) => f.endsWith(".js")),
            initial: chunk.canBeInitial(),
            entries: [...chunk.groupsIterable].filter((g) => g.isInitial()).map((g) => g.name).filter(Boolean).sort(),
            origins: [...origins].sort(),
            engine: [...engine].sort(),
          });
        }
        const json = JSON.stringify({ chunks }, null, 1);
        compilation.emitAsset("bundle-stats.json", new compiler.webpack.sources.RawSource(json));
      });
    });
  }
}

async function httpsOptions() {
  // Only for `npm run dev-server` (Excel needs https for sideloading); `npm run build` needs no certificates.
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (_env, options = {}) => {
  const serving = !!process.env.WEBPACK_SERVE;
  // dist/manifest.xml points at the server the county hosts dist/ on (XIAOBO_URL, scripts/manifest-url.js); the dev
  // server and development builds keep https://localhost:3000, like the manifest.xml in the repository.
  const production = options.mode === "production" && !serving;
  const baseUrl = production ? productionUrl() : undefined;
  if (production && !process.env.XIAOBO_URL) console.warn(`XIAOBO_URL 未设置：dist/manifest.xml 使用示例地址 ${baseUrl}，部署前请按 docs/deploy.md 设置。`);
  return {
    devtool: "source-map",
    entry: {
      functions: "./functions/entry.ts",
      taskpane: "./taskpane/index.tsx",
    },
    output: {
      path: dist,
      filename: "[name].js",
      // File readers, validation and merge load only when files are chosen (dynamic import()).
      chunkFilename: "chunks/[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's own browser build carries its Node polyfills; its Node entry would need stream/crypto shims.
      alias: { exceljs$: require.resolve("exceljs/dist/exceljs.min.js") },
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false, worker_threads: false, child_process: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules for webpack, so dynamic import() splits chunks (tsconfig's commonjs is for Node).
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true } },
          },
        },
      ],
    },
    performance: { hints: false },
    optimization: {
      // One webpack runtime for both entries: the task pane and the custom functions share one JS runtime in Excel,
      // and with one runtime they share one instance of every module (addin/i18n's locale is set once, for both).
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          // What both entries use (addin/i18n, addin/metrics …) ships once, in a chunk both load.
          shared: { name: "shared", chunks: "initial", minChunks: 2, minSize: 0, priority: 20, reuseExistingChunk: true, enforce: true },
          // The file libraries each get a chunk of their own, loaded when first needed: reading files needs SheetJS,
          // only writing a workbook needs ExcelJS, only resolving a template needs mathjs.
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: "sheetjs", chunks: "async", priority: 30, enforce: true },
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", priority: 30, enforce: true },
          mathjs: { test: /[\\/]node_modules[\\/](mathjs|typed-function|complex\.js|fraction\.js|decimal\.js|javascript-natural-sort|escape-latex|seedrandom|tiny-emitter|@babel[\\/]runtime)[\\/]/, name: "mathjs", chunks: "async", priority: 30, enforce: true },
        },
      },
    },
    plugins: [
      new BundleStatsPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (baseUrl ? productionManifest(content, baseUrl) : content) },
          { from: "functions/functions-zh-cn.json", to: "functions-zh-cn.json" },
        ],
      }),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          static: { directory: dist },
        }
      : undefined,
  };
};
