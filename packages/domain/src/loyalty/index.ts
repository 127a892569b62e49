export * from "./settings";
export * from "./ledger";
export * from "./earn";
export * from "./redeem";
export * from "./view";
export * from "./adjust";
export * from "./expiry";
export * from "./settings-admin";
