/**
 * The house rules of docs/architecture.md are held by the linter: a misplaced import fails `eslint` (and so
 * `npm test`). One probe goes through the real eslint.config.mjs as `npm test` runs it; the rest run the rule itself
 * on probe files placed (by name only, nothing is written) in each module.
 */
import { execFileSync } from "child_process";
import { join, resolve } from "path";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require("../../../eslint-rules/layers.cjs");

const root = resolve(__dirname, "../../..");
const linter = new Linter({ cwd: root, configType: "flat" });
const config = [
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser as Linter.Parser },
    plugins: { xiaobo: plugin },
    rules: { "xiaobo/layers": "error" as const },
  },
];

/** `eslint` on one probe file, through the project's own eslint.config.mjs: the rule ids it reports. */
function eslintRules(file: string, code: string): { ruleId: string; message: string }[] {
  try {
    execFileSync(process.execPath, [join(root, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", file, "--format", "json"], { cwd: root, input: code, encoding: "utf8" });
    return [];
  } catch (e) {
    const [result] = JSON.parse((e as { stdout: string }).stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages;
  }
}

function problems(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: join(root, file) }).map((m) => m.message);
}

describe("the layer rule (docs/architecture.md, Layout)", () => {
  it("fails a misplaced import through the project's own eslint config, as npm test runs it", () => {
    const found = eslintRules("addin/io/probe.ts", 'import { mergeSubmissions } from "../merge";\nexport const m = mergeSubmissions;\n');
    expect(found.map((m) => m.ruleId)).toEqual(["xiaobo/layers"]);
    expect(found[0].message).toMatch(/addin\/io may not import addin\/merge/);
  });

  it("keeps Office.js in taskpane/office/", () => {
    const code = "export const language = (): string => Office.context.displayLanguage;\n";
    expect(eslintRules("taskpane/app/probe.ts", code).map((m) => m.ruleId)).toEqual(["no-restricted-globals"]);
    expect(eslintRules("taskpane/office/probe.ts", code)).toEqual([]);
  });

  it("refuses an import a module's layer does not allow", () => {
    expect(problems("addin/io/probe.ts", 'import { mergeSubmissions } from "../merge";')).toEqual([expect.stringMatching(/addin\/io may not import addin\/merge/)]);
    expect(problems("addin/metrics/probe.ts", 'import { t } from "../i18n";')).toEqual([expect.stringMatching(/addin\/metrics may not import addin\/i18n/)]);
    expect(problems("addin/validate/probe.ts", 'import { mergeSubmissions } from "../merge";')).toHaveLength(1);
    expect(problems("functions/probe.ts", 'import { validateGrid } from "../addin/validate";')).toHaveLength(1);
  });

  it("allows what the layer table allows", () => {
    expect(problems("addin/merge/probe.ts", 'import { validateGrid } from "../validate";\nimport { rankedList } from "../metrics";')).toEqual([]);
    expect(problems("cli/probe.ts", 'import { readBookFile } from "../addin/io/node";\nimport { Command } from "commander";\nimport { join } from "path";')).toEqual([]);
    expect(problems("addin/validate/inner.ts", 'import { issue } from "./report";')).toEqual([]);
  });

  it("enters another module only through its public face", () => {
    expect(problems("cli/probe.ts", 'import { RowChecker } from "../addin/validate/rules";')).toEqual([
      expect.stringMatching(/through its public face \(addin\/validate\/index\.ts, addin\/validate\/report\.ts\)/),
    ]);
    expect(problems("taskpane/probe.ts", 'import { validateGrid } from "../addin/validate";')).toEqual([]);
  });

  it("keeps file libraries in addin/io, React in taskpane/, and Node out of the browser-bound engine", () => {
    expect(problems("addin/validate/probe.ts", 'import ExcelJS from "exceljs";')).toEqual([expect.stringMatching(/may not use the package 'exceljs'/)]);
    expect(problems("addin/io/probe.ts", 'import ExcelJS from "exceljs";')).toEqual([]);
    expect(problems("addin/merge/probe.ts", 'import { useState } from "react";')).toEqual([expect.stringMatching(/'react'/)]);
    expect(problems("addin/validate/probe.ts", 'import { readFileSync } from "fs";')).toEqual([expect.stringMatching(/may not use Node's 'fs'/)]);
    expect(problems("addin/templates/probe.ts", 'const z = require("zod");')).toEqual([]);
    expect(problems("addin/grid/probe.ts", 'export const load = () => import("mathjs");')).toHaveLength(1);
  });
});
