#!/usr/bin/env node
/**
 * `npm run build:cli` (and `prepare`, so `npm ci` builds it): the `xiaobo` command and its worker thread compiled
 * ahead of time to plain JavaScript in dist-cli/ with esbuild, so no TypeScript is compiled when a user runs it
 * (docs/architecture.md, performance targets). One bundle per entry, npm packages included: node then reads and compiles
 * one file instead of resolving hundreds (mathjs alone is most of them), which halves start-up, for the CLI and for each
 * worker thread alike. jest's global setup runs it too, so the CLI tests always run the current sources.
 */
const { join } = require("path");

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "dist-cli");

async function build() {
  await require("esbuild").build({
    absWorkingDir: ROOT,
    // cli/pool.ts starts workers from join(__dirname, "workers", name): the worker bundle sits beside main.js there.
    entryPoints: { main: "cli/main.ts", "workers/validate-worker": "cli/workers/validate-loop.ts" },
    outdir: OUT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    // mathjs's entry makes every mathjs function as it loads; the parser is all the templates use (the shim says why).
    alias: { "mathjs/number": "./scripts/mathjs-parse-only.mjs" },
  });
}

module.exports = build;
if (require.main === module)
  build().catch((e) => {
    console.error(e);
    process.exit(1);
  });
