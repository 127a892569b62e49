export * from "./stores";
export * from "./opening-hours";
export * from "./pickup-promise";
