/**
 * `npm run schema`: writes docs/template.schema.json, the JSON Schema of the template format, from the zod schema
 * (addin/templates/json-schema.ts). Run it after changing addin/templates/schema.ts or summary-schema.ts; a test fails
 * while the committed file is out of date.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { templateJsonSchemaText } from "../addin/templates/json-schema";

const out = join(__dirname, "..", "docs", "template.schema.json");
writeFileSync(out, templateJsonSchemaText(), "utf8");
process.stdout.write(`已写入 ${out}\n`);
