#!/usr/bin/env node
// The `xiaobo` command. The CLI is TypeScript run through tsx, so a clean clone needs no build step.
require("tsx/cjs/api").register();
require("../cli/main.ts").run();
