// The CLI bundle's "mathjs/number" (scripts/build-cli.js): the two things addin/templates/expression.ts takes from it,
// from their own modules. The package entry creates every mathjs function as it loads, 0.1 s of the CLI's start-up.
export { create } from "../node_modules/mathjs/lib/esm/core/create.js";
export { parseDependencies } from "../node_modules/mathjs/lib/esm/entry/dependenciesNumber/dependenciesParse.generated.js";
