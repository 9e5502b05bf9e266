/**
 * `npm run bench [-- name… [--option value…]]`: every benchmark, or the named ones. Each reports ratios against a
 * baseline measured in the same run (docs/architecture.md: speed is measured here, never in timed tests). Options are
 * handed to the benches (`npm run bench -- merge --files 100 --runs 1`).
 */
export type BenchOptions = Record<string, string>;

const BENCHES: Record<string, (options: BenchOptions) => Promise<unknown> | unknown> = {
  ranks: () => require("./ranks").run(),
  merge: (options) => require("./merge").run(console.log, options),
  summary: () => require("./summary").run(),
  "summary-write": () => require("./summary-write").run(),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const wanted: string[] = [];
  const options: BenchOptions = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith("--")) options[args[i].slice(2)] = args[++i] ?? "";
    else wanted.push(args[i]);
  }
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) {
      console.error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(", ")}`);
      process.exitCode = 2;
      return;
    }
    console.log(`\n## ${name}\n`);
    await bench(options);
  }
}

void main();
