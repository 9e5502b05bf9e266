// jest's global setup: the CLI tests spawn bin/xiaobo.js, which runs dist-cli/ — built here from the current sources.
module.exports = () => require("../scripts/build-cli")();
