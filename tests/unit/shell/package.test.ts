import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "../../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));

describe("package.json, as the yo office templates have it", () => {
  test("config: office-addin-debugging starts desktop Excel and waits for the dev server on the manifest's port", () => {
    expect(pkg.config).toEqual({ app_to_debug: "excel", app_type_to_debug: "desktop", dev_server_port: 3000 });
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const ports = new Set([...manifest.matchAll(/https:\/\/localhost:(\d+)\//g)].map((m) => Number(m[1])));
    expect([...ports]).toEqual([pkg.config.dev_server_port]);
    expect(pkg.scripts.start).toMatch(/office-addin-debugging\/cli\.js start manifest\.xml$/);
  });

  test("lint is a real linter (eslint with the Office add-in rules) and runs in npm test", () => {
    expect(pkg.scripts.lint).toMatch(/^eslint /);
    expect(pkg.scripts.test).toContain("eslint .");
    for (const dep of ["eslint", "@eslint/js", "typescript-eslint", "eslint-plugin-office-addins"]) {
      expect(pkg.devDependencies[dep]).toMatch(/^\d+\.\d+\.\d+$/); // pinned
      expect(lock.packages[`node_modules/${dep}`].version).toBe(pkg.devDependencies[dep]);
    }
  });

  test("packages the tests import directly are direct dependencies (custom-functions-metadata: the metadata test)", () => {
    expect(pkg.devDependencies["custom-functions-metadata"]).toBeDefined();
    expect(lock.packages[""].devDependencies["custom-functions-metadata"]).toBe(pkg.devDependencies["custom-functions-metadata"]);
    // ajv: the JSON Schema test (tests/unit/templates/json-schema.test.ts), pinned to the version webpack already brings.
    expect(pkg.devDependencies.ajv).toBe(lock.packages["node_modules/ajv"].version);
    expect(lock.packages[""].devDependencies.ajv).toBe(pkg.devDependencies.ajv);
  });
});
