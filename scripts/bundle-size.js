#!/usr/bin/env node
/**
 * `npm run size` (after `npm run build`): every JavaScript file in dist/ with its raw and gzip size (level 9), whether
 * the page loads it initially (a <script> in taskpane.html) or lazily (import() when needed), and what is inside it
 * (from dist/bundle-stats.json, written by the webpack config). Ends with the initial total, the figure to watch.
 * `--json` prints the same as JSON.
 */
const { readFileSync, readdirSync, statSync, existsSync } = require("fs");
const { join, relative } = require("path");
const { gzipSync } = require("zlib");

const DIST = join(__dirname, "..", "dist");

function jsFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return jsFiles(p);
    return f.endsWith(".js") ? [p] : [];
  });
}

function measure(dist = DIST) {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const initial = new Set([...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s)));
  const statsPath = join(dist, "bundle-stats.json");
  const stats = existsSync(statsPath) ? JSON.parse(readFileSync(statsPath, "utf8")) : { chunks: [] };
  const byFile = new Map(stats.chunks.flatMap((c) => c.files.map((f) => [f, c])));
  const assets = jsFiles(dist)
    .map((p) => {
      const file = relative(dist, p).split("\\").join("/");
      const bytes = readFileSync(p);
      const chunk = byFile.get(file);
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, load: initial.has(file) ? "initial" : "lazy", contents: chunk ? chunk.origins : [] };
    })
    .sort((a, b) => (a.load === b.load ? b.gzip - a.gzip : a.load === "initial" ? -1 : 1));
  const sum = (list, k) => list.reduce((s, a) => s + a[k], 0);
  const init = assets.filter((a) => a.load === "initial");
  return { assets, initial: { raw: sum(init, "raw"), gzip: sum(init, "gzip") }, lazy: { raw: sum(assets, "raw") - sum(init, "raw"), gzip: sum(assets, "gzip") - sum(init, "gzip") } };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function summarise(contents) {
  const libs = contents.filter((c) => !/^(addin|taskpane|functions)\b/.test(c));
  const own = contents.filter((c) => /^(addin|taskpane|functions)\b/.test(c));
  const fluent = libs.filter((c) => c.startsWith("@fluentui/")).length;
  const others = libs.filter((c) => !c.startsWith("@fluentui/"));
  return [...own, ...(fluent ? [`@fluentui (${fluent} packages)`] : []), ...others].join(", ");
}

if (require.main === module) {
  if (!existsSync(join(DIST, "taskpane.html"))) {
    console.error("dist/taskpane.html is missing: run `npm run build` first.");
    process.exit(1);
  }
  const m = measure();
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(m, null, 2));
  } else {
    const w = m.assets.reduce((most, a) => Math.max(most, a.file.length), 0);
    console.log(`${"file".padEnd(w)}  ${"load".padEnd(7)}  ${"raw".padStart(9)}  ${"gzip".padStart(9)}  contents`);
    for (const a of m.assets) console.log(`${a.file.padEnd(w)}  ${a.load.padEnd(7)}  ${kb(a.raw).padStart(9)}  ${kb(a.gzip).padStart(9)}  ${summarise(a.contents)}`);
    console.log(`\ninitial JS (what taskpane.html loads): ${kb(m.initial.raw)} raw, ${kb(m.initial.gzip)} gzip`);
    console.log(`lazy JS (loaded when needed):          ${kb(m.lazy.raw)} raw, ${kb(m.lazy.gzip)} gzip`);
  }
}

module.exports = { measure };
