export * from "./transfer-state-machine";
export * from "./transfers";
export * from "./ship-to-store";
export * from "./replenishment";
