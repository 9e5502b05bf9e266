/**
 * commander's own error messages are English ("error: unknown option '--jsn'"). They are rewritten here, in
 * Chinese, from the message commander formats (its codes say what went wrong, the message says which option).
 */
import { t } from "../addin/i18n";

/** `--template <id|path>` → `--template`. */
const flag = (flags: string) => flags.split(/[ ,]/)[0];

const ARGUMENT_NAMES: Record<string, () => string> = { paths: () => t("cli.arg.paths") };

/** Chinese for one of commander's error lines (with its trailing newline); unknown ones keep commander's text. */
export function commanderErrorInChinese(str: string): string {
  const s = str.trim();
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(s);
  const hint = suggestion ? t("cli.commander.didYouMean", { suggestion: suggestion[1] }) : "";
  let m: RegExpExecArray | null;
  let out: string;
  if ((m = /^error: missing required argument '(.+?)'/.exec(s))) {
    out = t("cli.commander.missingArgument", { name: ARGUMENT_NAMES[m[1]]?.() ?? m[1] });
  } else if ((m = /^error: option '(.+?)' argument missing/.exec(s))) {
    out = t("cli.commander.optionMissingArgument", { option: flag(m[1]) });
  } else if ((m = /^error: required option '(.+?)' not specified/.exec(s))) {
    out = t("cli.commander.missingMandatoryOption", { option: m[1] });
  } else if ((m = /^error: unknown option '(.+?)'/.exec(s))) {
    out = t("cli.commander.unknownOption", { option: m[1] }) + hint;
  } else if ((m = /^error: unknown command '(.+?)'/.exec(s))) {
    out = t("cli.commander.unknownCommand", { command: m[1] }) + hint;
  } else if (/^error: too many arguments/.test(s)) {
    out = t("cli.commander.excessArguments");
  } else if ((m = /^error: option '(.+?)' argument '(.*?)' is invalid\.\s*(.*)$/s.exec(s))) {
    out = t("cli.commander.invalidOptionValue", { option: flag(m[1]), value: m[2], reason: m[3] });
  } else {
    out = t("cli.commander.other", { message: s.replace(/^error:\s*/, "") });
  }
  return `${t("cli.errorPrefix")}${out}\n`;
}
