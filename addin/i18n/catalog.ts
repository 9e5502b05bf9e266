import { common } from "./common";
import { registry } from "./registry";

/**
 * Every user-facing string of XiaoBo. Each area keeps its messages in its own file here
 * (addin/i18n/<area>.ts) and is spread in below; keys are "<area>.<name>".
 */
export const catalogue = {
  ...common,
  ...registry,
};

export type MessageKey = keyof typeof catalogue;
