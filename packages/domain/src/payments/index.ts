export * from "./payment-provider";
export * from "./refunds";
export * from "./store-credit";
