/**
 * bin/load-bundle.js: the CLI's bundles run through V8's code cache made at build time, and a cache that is not the
 * bundle's (stale after a rebuild, damaged, from another node) is never used for it: the bundle still loads and runs.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const LOADER = join(__dirname, "..", "..", "..", "bin", "load-bundle.js");

/** Loads `bundle` in a fresh node through the loader; what it exported, and whether V8 was given (and took) a cache. */
function load(bundle: string): { value: unknown; given: boolean; rejected: boolean | undefined } {
  const script = `
    const vm = require("vm");
    let given = false, rejected;
    const Script = vm.Script;
    vm.Script = class extends Script {
      constructor(source, options) {
        super(source, options);
        given = options.cachedData !== undefined;
        rejected = this.cachedDataRejected;
      }
    };
    const value = require(${JSON.stringify(LOADER)}).loadBundle(${JSON.stringify(bundle)}).value();
    process.stdout.write(JSON.stringify({ value, given, rejected }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { value: unknown; given: boolean; rejected: boolean | undefined };
}

/** Writes the bundle's cache in a process of its own, as scripts/build-cli.js does. */
function writeCache(bundle: string, execute: boolean): void {
  execFileSync(process.execPath, ["-e", `require(${JSON.stringify(LOADER)}).writeCache(${JSON.stringify(bundle)}, ${execute})`]);
}

describe("bundles loaded through their code cache", () => {
  let dir: string;
  let bundle: string;
  // A bundle with a few functions, one of them run as it loads, and a require of its own folder's file.
  const source = (n: number) => `
    const { readFileSync } = require("fs");
    const path = require("path");
    function twice(x) { return 2 * x; }
    const atLoad = twice(${n});
    exports.value = () => ({ atLoad, sum: [1, 2, 3].map(twice).reduce((a, b) => a + b, 0), dir: path.basename(__dirname), own: readFileSync(__filename, "utf8").length > 0, mod: module.exports === exports });`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "xiaobo-bundle-"));
    bundle = join(dir, "main.js");
    writeFileSync(bundle, source(21));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const expected = (atLoad: number) => ({ atLoad, sum: 12, own: true, mod: true });

  it("runs as a CommonJS module without a cache", () => {
    const r = load(bundle);
    expect(r.value).toEqual({ ...expected(42), dir: dir.split(/[\\/]/).pop() });
    expect(r.given).toBe(false);
  });

  it.each([true, false])("gives V8 the cache made for the bundle (top level run first: %s), and V8 takes it", (execute) => {
    writeCache(bundle, execute);
    const r = load(bundle);
    expect(r.value).toMatchObject(expected(42));
    expect(r.given).toBe(true);
    expect(r.rejected).toBe(false);
  });

  it("does not use the cache of the bundle before a rebuild, even one of the same length", () => {
    writeCache(bundle, true);
    // Same length: V8's own check (the source's length) would take the old cache for this source.
    writeFileSync(bundle, source(37));
    expect(readFileSync(bundle).length).toBe(source(21).length);
    const r = load(bundle);
    expect(r.value).toMatchObject(expected(74));
    expect(r.given).toBe(false);
  });

  it("loads the bundle when the cache is another node's (V8's header differs) or cut short", () => {
    writeCache(bundle, true);
    const cache = readFileSync(`${bundle}.v8cache`);
    // After our 4-byte checksum, V8's header: magic number, V8 version hash, source hash, flags hash.
    const other = Buffer.from(cache);
    for (let i = 4; i < 20; i++) other[i] ^= 0x5a;
    writeFileSync(`${bundle}.v8cache`, other);
    const r = load(bundle);
    expect(r.value).toMatchObject(expected(42));
    expect(r.rejected).toBe(true);
    writeFileSync(`${bundle}.v8cache`, cache.subarray(0, 3));
    expect(load(bundle)).toMatchObject({ value: expected(42), given: false });
  });
});
