#!/usr/bin/env node
// The `xiaobo` command: the precompiled JavaScript that `npm ci` (prepare) and `npm run build:cli` write to dist-cli/
// (scripts/build-cli.js), loaded through V8's code cache of it (./load-bundle.js). A checkout that has not been built
// yet runs the TypeScript sources through tsx instead.
const { existsSync } = require("fs");
const { join } = require("path");

const built = join(__dirname, "..", "dist-cli", "main.js");
if (existsSync(built)) {
  if (process.argv[2] === "merge" || process.argv[2] === "validate") startEarly(join(__dirname, "..", "dist-cli", "workers", "validate-worker.js"));
  require("./load-bundle.js").loadBundle(built).run();
} else {
  require("tsx/cjs/api").register();
  require("../cli/main.ts").run();
}

/**
 * A merge or validate over many files runs on a worker thread per core besides this one (cli/validate-run.ts). Started
 * here, before the CLI's own bundle loads, a worker has loaded its bundle by the time the CLI has read the registry
 * and sends it over; the CLI takes them (cli/pool.ts takeEarlyWorkers) and stops any it does not need. Unreferenced
 * until taken, so a run that ends early (a usage error, a small run) is not kept open by them.
 */
function startEarly(file) {
  const { Worker } = require("worker_threads");
  const at = process.argv.findIndex((a) => a === "--jobs" || a.startsWith("--jobs="));
  const given = at < 0 ? process.env.XIAOBO_JOBS : process.argv[at].startsWith("--jobs=") ? process.argv[at].slice(7) : process.argv[at + 1];
  // cli/pool.ts defaultJobs: a thread per core, but the calling thread alone on two cores or fewer.
  const cores = require("os").cpus().length;
  const jobs = Number.isInteger(Number(given)) && Number(given) > 0 ? Number(given) : cores <= 2 ? 1 : cores;
  const workers = [];
  for (let i = 1; i < jobs; i++) {
    const worker = new Worker(file);
    // One that fails before it is taken has ended (threadId -1) and is passed over; its error is not this thread's.
    worker.on("error", () => {});
    worker.unref();
    workers.push(worker);
  }
  globalThis[Symbol.for("xiaobo.earlyWorkers")] = { file, workers };
}
