// The functions entry of the shared runtime. Inside Excel, CustomFunctions exists and functions.ts registers
// every =XB.… function (the associate calls are appended by custom-functions-metadata-plugin). On the
// standalone page there is no CustomFunctions, and nothing is registered.
if (typeof CustomFunctions !== "undefined") require("./functions");

export {};
