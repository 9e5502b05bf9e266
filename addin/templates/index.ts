export * from "./registry-types";
export { parseRegistry, parseTargets, townshipOfVillage, RegistryError } from "./registry";
export { parseCsvText } from "./csv-text";
