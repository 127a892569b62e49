export * from "./payment-provider";
export * from "./test-bank";
export * from "./test-providers";
export * from "./payment-attempts";
export * from "./refunds";
export * from "./store-credit";
export * from "./gift-cards";
export * from "./gift-card-sale";
