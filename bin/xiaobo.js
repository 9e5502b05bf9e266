#!/usr/bin/env node
// The `xiaobo` command: the precompiled JavaScript that `npm ci` (prepare) and `npm run build:cli` write to dist-cli/
// (scripts/build-cli.js). A checkout that has not been built yet runs the TypeScript sources through tsx instead.
const { existsSync } = require("fs");
const { join } = require("path");

const built = join(__dirname, "..", "dist-cli", "main.js");
if (existsSync(built)) require(built).run();
else {
  require("tsx/cjs/api").register();
  require("../cli/main.ts").run();
}
