/* The add-in build, merged from the yo office templates (Office-Addin-TaskPane-React and Excel-Custom-Functions-Shared):
 * one taskpane.html loads both the task pane and the custom functions, which share one runtime. */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const dist = path.resolve(__dirname, "dist");

async function httpsOptions() {
  // Only for `npm run dev-server` (Excel needs https for sideloading); `npm run build` needs no certificates.
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (_env, _options) => {
  const serving = !!process.env.WEBPACK_SERVE;
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
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./taskpane/taskpane.html", chunks: ["functions", "taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
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
