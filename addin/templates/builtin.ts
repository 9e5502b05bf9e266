/** The built-in templates, shipped as JSON data and schema-checked when first asked for. */
import { t } from "../i18n";
import modelVillage from "./builtin/model-village.json";
import partyReview from "./builtin/party-review.json";
import villageEconomy from "./builtin/village-economy.json";
import { loadTemplate, TemplateError } from "./load";
import type { Template } from "./schema";

const SOURCES: Record<string, unknown> = { "village-economy": villageEconomy, "party-review": partyReview, "model-village": modelVillage };
const loaded = new Map<string, Template>();

export const BUILTIN_TEMPLATE_IDS = Object.keys(SOURCES);

/** A built-in template by id ("village-economy" = Template 1, "party-review" = Template 2, "model-village" = Template 3). Throws TemplateError for an unknown id. */
export function builtinTemplate(id: string): Template {
  let tpl = loaded.get(id);
  if (!tpl) {
    const src = Object.prototype.hasOwnProperty.call(SOURCES, id) ? SOURCES[id] : undefined;
    if (src === undefined) throw new TemplateError([t("template.unknownBuiltin", { id, ids: BUILTIN_TEMPLATE_IDS.join(", ") })]);
    tpl = loadTemplate(src);
    loaded.set(id, tpl);
  }
  return tpl;
}
