// ESLint (flat config): @eslint/js + typescript-eslint recommended, plus the Office.js rules of
// eslint-plugin-office-addins (load before read, sync after load, no sync in loops, …). Not office-addin-lint: that
// wrapper also runs prettier over every file and depends on office-addin-usage-data (usage telemetry); see
// docs/decisions.md ("Lint").
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const node = { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" };

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", ".bench-cache/**", "out/**", "coverage/**", "node_modules/**", "bench/results/**", "tests/e2e/.artifacts/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] },
  },
  {
    // Office.js lives only in taskpane/ and functions/ (architecture.md); elsewhere (ExcelJS in tests and io) the
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
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
