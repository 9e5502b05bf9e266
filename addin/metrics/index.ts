/** 消薄 metrics: pure functions, the single definition behind the custom functions, validation and the county summary. */
export * from "./errors";
export * from "./rates";
export * from "./standard";
export * from "./rank";
export * from "./flags";
export * from "./assessment";
export * from "./composite";
