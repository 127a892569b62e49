export * from "./stores";
export * from "./opening-hours";
