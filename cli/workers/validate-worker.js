// Worker entry: TypeScript through tsx, like bin/xiaobo.js, then the task loop.
require("tsx/cjs/api").register();
require("./validate-loop.ts");
