export * from "./payment-provider";
export * from "./refunds";
export * from "./store-credit";
export * from "./charge-card";
