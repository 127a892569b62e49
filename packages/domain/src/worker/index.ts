export * from "./worker";
export * from "./sweeps";
