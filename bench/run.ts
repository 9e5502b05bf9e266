/**
 * `npm run bench [-- name…]`: every benchmark, or the named ones. Each reports ratios against a baseline measured
 * in the same run (docs/architecture.md: speed is measured here, never in timed tests).
 */
const BENCHES: Record<string, () => Promise<unknown> | unknown> = {
  ranks: () => require("./ranks").run(),
  merge: () => require("./merge").run(),
  summary: () => require("./summary").run(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) {
      console.error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(", ")}`);
      process.exitCode = 2;
      return;
    }
    console.log(`\n## ${name}\n`);
    await bench();
  }
}

void main();
