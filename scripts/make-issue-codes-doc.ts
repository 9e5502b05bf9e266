/**
 * `npm run codes`: writes docs/问题代码.md, the list of issue codes for users, from the code registry
 * (addin/validate/codes.ts). Run it after adding or changing a code; a test fails while the committed file is out of date.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { issueCodesMarkdown } from "../addin/validate/codes-doc";

const out = join(__dirname, "..", "docs", "问题代码.md");
writeFileSync(out, issueCodesMarkdown(), "utf8");
process.stdout.write(`已写入 ${out}\n`);
