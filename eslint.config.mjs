// ESLint (flat config): @eslint/js + typescript-eslint recommended, plus the Office.js rules of
// eslint-plugin-office-addins (load before read, sync after load, no sync in loops, …). Not office-addin-lint: that
// wrapper also runs prettier over every file and depends on office-addin-usage-data (usage telemetry); see
// docs/decisions.md ("Lint").
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import xiaobo from "./eslint-rules/layers.cjs";

const node = { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" };

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", ".bench-cache/**", "out/**", "coverage/**", "node_modules/**", "bench/results/**", "tests/e2e/.artifacts/**", ".tmp/**"] },
  js.configs.recommended,
  // eslint-disable-next-line no-restricted-syntax -- a handful of config objects
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Spreading an array into a call puts every element on the stack: Math.max(...xs) and push(...xs) throw
      // RangeError past about 100,000 elements (a 60,000-row sheet's issues did). Loop or reduce instead; a
      // fixed-size tuple may be spread with a disable comment saying so.
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message: "不要把数组展开成函数参数（大数组会栈溢出）：用循环或 reduce。Do not spread an array into a call: use a loop or reduce.",
        },
      ],
    },
  },
  {
    // The module layers of docs/architecture.md: who may import whom, which packages, only through index.ts.
    files: ["addin/**/*.ts", "functions/**/*.ts", "taskpane/**/*.{ts,tsx}", "cli/**/*.ts"],
    plugins: { xiaobo },
    rules: { "xiaobo/layers": "error" },
  },
  {
    // Office.js is touched only in taskpane/office/ and by the functions' registration (functions/).
    files: ["addin/**/*.ts", "taskpane/**/*.{ts,tsx}", "cli/**/*.ts"],
    ignores: ["taskpane/office/**"],
    rules: {
      "no-restricted-globals": ["error", ...["Office", "Excel", "CustomFunctions", "OfficeExtension"].map((name) => ({ name, message: "Office.js only in taskpane/office/ (docs/architecture.md)." }))],
    },
  },
  {
    // Office.js lives only in taskpane/ and functions/ (docs/architecture.md); elsewhere (ExcelJS in tests and io) the
    // plugin's load/sync heuristics would misread other libraries' objects.
    files: ["taskpane/**/*.{ts,tsx}", "functions/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // Deliberate CommonJS requires: bench/run.ts and cli/main.ts load a module only when it is asked for (and
    // package.json for the version); functions/entry.ts registers the functions only when CustomFunctions exists;
    // the manifest test loads webpack.config.js, which is CommonJS.
    files: ["bench/run.ts", "bench/merge-child.ts", "cli/main.ts", "functions/entry.ts", "tests/unit/shell/manifest.test.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // read-sheet.ts loads CELL_PROPS, a constant the rule cannot see (it reports an empty load), and syncs once per
    // block of rows on purpose: a 100,000-row sheet in one load would exceed Excel's payload limit.
    files: ["taskpane/office/read-sheet.ts"],
    rules: { "office-addins/no-empty-load": "off", "office-addins/no-context-sync-in-loop": "off" },
  },
  {
    // The Office mock's load()/set() live on the proxied objects, whose `this` is not the mock: it keeps `self`.
    files: ["tests/unit/taskpane/mock-excel.ts"],
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    // Custom functions receive whatever Excel passes (any / any[][]): the metadata is generated from these types.
    files: ["functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: node },
  },
);
