import { annotate } from "./annotate";
import { chart } from "./chart";
import { cli } from "./cli";
import { codes } from "./codes";
import { common } from "./common";
import { functions } from "./functions";
import { io } from "./io";
import { ioTemplate } from "./io-template";
import { merge } from "./merge";
import { registry } from "./registry";
import { taskpane } from "./taskpane";
import { templates } from "./templates";
import { validate } from "./validate";

/**
 * Every user-facing string of XiaoBo. Each area keeps its messages in its own file here
 * (addin/i18n/<area>.ts) and is spread in below; keys are "<area>.<name>".
 */
export const catalogue = {
  ...common,
  ...cli,
  ...codes,
  ...annotate,
  ...functions,
  ...io,
  ...ioTemplate,
  ...registry,
  ...templates,
  ...validate,
  ...merge,
  ...taskpane,
  ...chart,
};

export type MessageKey = keyof typeof catalogue;
