import { Command, CommanderError, InvalidArgumentError, Option, type HelpConfiguration } from "commander";
import { t, type MessageKey } from "../addin/i18n";
import { RegistryError, TemplateError } from "../addin/templates";
import { DEFAULT_MAX_ISSUES_PER_CODE } from "../addin/validate/report";
import { commanderErrorInChinese } from "./commander-errors";
import { demoCommand } from "./commands/demo";
import { mergeCommand } from "./commands/merge";
import { validateCommand } from "./commands/validate";
import { templateToJson } from "../addin/templates";
import { loadTemplateOption, parseRegistrySource, readRegistrySource } from "./context";
import { stopWorkers } from "./pool";
import { UsageError } from "./usage-error";
import { collectFiles, validateFiles, workersFor } from "./validate-run";

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(t("cli.badInteger", { value }));
  return n;
}

const HELP_TITLES = new Set(["Usage:", "Arguments:", "Options:", "Global Options:", "Commands:"]);

/** Help in Chinese: commander's own headings and its "(default: …)" come from the catalogue (inherited by subcommands). */
const CHINESE_HELP: HelpConfiguration = {
  styleTitle: (title) => (HELP_TITLES.has(title) ? t(`cli.help.${title}` as MessageKey) : title),
  optionDescription: (option) =>
    option.defaultValue !== undefined && (option.required || option.optional)
      ? option.description + t("cli.help.default", { value: option.defaultValueDescription ?? String(option.defaultValue) })
      : option.description,
};

const jobsOption = () => new Option("--jobs <n>", t("cli.opt.jobs")).argParser(positiveInt);
const maxIssuesOption = () =>
  new Option("--max-issues-per-code <n>", t("cli.opt.maxIssuesPerCode")).argParser(positiveInt).default(DEFAULT_MAX_ISSUES_PER_CODE);

export function buildProgram(): Command {
  const program = new Command("xiaobo")
    .description(t("cli.description"))
    .version(require("../package.json").version, "-v, --version", t("cli.opt.version"))
    .helpOption("-h, --help", t("cli.opt.help"))
    .helpCommand("help [command]", t("cli.opt.help"))
    .configureOutput({ outputError: (str, write) => write(commanderErrorInChinese(str)) })
    .configureHelp(CHINESE_HELP)
    .showHelpAfterError(t("cli.helpHint", { command: "" }).replace("  ", " "))
    .exitOverride();

  program
    .command("validate")
    .description(t("cli.cmd.validate"))
    .showHelpAfterError(t("cli.helpHint", { command: "validate" }))
    .argument("<paths...>", t("cli.arg.paths"))
    .option("--template <id|path>", t("cli.opt.template"), "village-economy")
    .option("--registry <csv>", t("cli.opt.registry"))
    .option("--previous <folder>", t("cli.opt.previous"))
    .option("--json", t("cli.opt.json"))
    .option("--annotate <dir>", t("cli.opt.annotate"))
    .addOption(maxIssuesOption())
    .addOption(jobsOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await validateCommand(paths, opts);
    });

  program
    .command("merge")
    .description(t("cli.cmd.merge"))
    .showHelpAfterError(t("cli.helpHint", { command: "merge" }))
    .argument("<paths...>", t("cli.arg.paths"))
    .option("--template <id|path>", t("cli.opt.template"), "village-economy")
    .option("--registry <csv>", t("cli.opt.registry"))
    .option("--targets <csv>", t("cli.opt.targets"))
    .option("--out <file>", t("cli.opt.out"), t("name.countySummaryFile"))
    .option("--allow-errors", t("cli.opt.allowErrors"))
    .option("--year <year>", t("cli.opt.year"), positiveInt)
    .option("--json", t("cli.opt.json"))
    .addOption(maxIssuesOption())
    .addOption(jobsOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = (await mergeCommand(paths, opts)).exitCode;
    });

  program
    .command("template")
    .description(t("cli.cmd.template"))
    .showHelpAfterError(t("cli.helpHint", { command: "template" }))
    .option("--township <name|code>", t("cli.opt.township"))
    .option("--export [id|path]", t("cli.opt.export"))
    .option("--template <id|path>", t("cli.opt.template"), "village-economy")
    .option("--registry <csv>", t("cli.opt.registry"))
    .option("--year <year>", t("cli.opt.year"), positiveInt)
    .option("--out <file>", [t("cli.opt.templateOut"), t("cli.opt.exportOut")].join(t("app.clauseSeparator")))
    .action(async (opts) => {
      // ExcelJS (the template workbook) loads only for this command (tsx's CommonJS hook serves require, not import()).
      const { templateCommand } = require("./commands/template") as typeof import("./commands/template");
      process.exitCode = await templateCommand(opts);
    });

  program
    .command("demo")
    .description(t("cli.cmd.demo"))
    .showHelpAfterError(t("cli.helpHint", { command: "demo" }))
    .option("--out <file>", t("cli.opt.out"))
    .action(async (opts) => {
      process.exitCode = await demoCommand(opts);
    });

  return program;
}

/** Runs the CLI; returns the exit code: 0 fine, 1 problems found in the data, 2 usage error, 3 summary does not reconcile. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; anything else commander rejects is a usage error.
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof RegistryError) {
      process.stderr.write(`${t("cli.errorPrefix")}${e.message}\n`);
      return 2;
    }
    if (e instanceof TemplateError) {
      process.stderr.write(`${t("cli.errorPrefix")}${e.messages.join("\n")}\n`);
      return 2;
    }
    throw e;
  }
}

/** Entry point of bin/xiaobo.js: runs with the process's arguments and sets the exit code. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${t("cli.crash")}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 4;
    },
  );
}

/**
 * For the merge bench, run in-process from the precompiled bundle (dist-cli/main.js): the merge itself, and the
 * validation of a folder as `xiaobo validate` does it on a given number of threads (their throughput on 1 and 2).
 */
export { mergeCommand };

export async function validateFolder(folder: string, registryPath: string, jobs: number): Promise<number> {
  const files = await collectFiles([folder]);
  const source = readRegistrySource(registryPath);
  const workers = workersFor(files, jobs, source);
  try {
    const shared = { template: templateToJson(loadTemplateOption()) };
    return (await validateFiles(files, shared, { workers, registryInWorkers: true, quiet: true, registry: () => parseRegistrySource(source) })).length;
  } finally {
    stopWorkers(workers);
  }
}
