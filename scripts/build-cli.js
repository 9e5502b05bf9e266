#!/usr/bin/env node
/**
 * `npm run build:cli` (and `prepare`, so `npm ci` builds it): the `xiaobo` command and its worker thread compiled
 * ahead of time to plain JavaScript in dist-cli/ with esbuild, so no TypeScript is compiled when a user runs it
 * (docs/architecture.md, performance targets). One bundle per entry, npm packages included: node then reads and compiles
 * one file instead of resolving hundreds (mathjs alone is most of them), which halves start-up, for the CLI and for each
 * worker thread alike. jest's global setup runs it too, so the CLI tests always run the current sources.
 */
const { execFileSync } = require("child_process");
const { readFileSync, writeFileSync } = require("fs");
const { join } = require("path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "dist-cli");

async function build() {
  await require("esbuild").build({
    absWorkingDir: ROOT,
    // cli/pool.ts starts workers from join(__dirname, "workers", name): the worker's entry sits beside main.js there.
    entryPoints: { main: "cli/main.ts", "workers/validate-loop": "cli/workers/validate-loop.ts" },
    outdir: OUT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    // mathjs's entry makes every mathjs function as it loads; the parser is all the templates use (the shim says why).
    alias: { "mathjs/number": "./scripts/mathjs-parse-only.mjs" },
  });
  // Every bundle in ASCII: esbuild escapes the strings, not its comments or regular expressions (年度, ※). Escaped there
  // too, a bundle reads as a one-byte string (bin/load-bundle.js): the 5 MB CLI bundle as UTF-8 with a few Chinese
  // characters in it was a 10 MB two-byte string to decode at every start, for the CLI and each worker.
  for (const bundle of ["main.js", join("workers", "validate-loop.js")]) {
    const file = join(OUT, bundle);
    writeFileSync(file, readFileSync(file, "utf8").replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  }
  // The worker's entry (cli/pool.ts starts workers/validate-worker.js) loads its bundle through the code cache too.
  writeFileSync(
    join(OUT, "workers", "validate-worker.js"),
    `// Written by scripts/build-cli.js: the validate worker's bundle, loaded through its V8 code cache.\nrequire("../../bin/load-bundle.js").loadBundle(require("path").join(__dirname, "validate-loop.js"));\n`,
  );
  // V8's code cache of each bundle (bin/load-bundle.js), made by this node in a process of its own: the CLI's after its
  // top level has run, the worker's compiled only (as it loads it listens to its parent, which a build has not).
  for (const [bundle, execute] of [["main.js", true], [join("workers", "validate-loop.js"), false]])
    execFileSync(process.execPath, ["-e", `require(${JSON.stringify(join(ROOT, "bin", "load-bundle.js"))}).writeCache(${JSON.stringify(join(OUT, bundle))}, ${execute})`], { stdio: "inherit" });
}

module.exports = build;
if (require.main === module)
  build().catch((e) => {
    console.error(e);
    process.exit(1);
  });
