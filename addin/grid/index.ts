export * from "./grid";
export * from "./address";
export * from "./csv";
export * from "./table";
