export * from "./catalog";
export * from "./catalog-admin";
export * from "./pricing";
export * from "./promotions";
export * from "./locale";
export * from "./search";
export * from "./ratings";
export * from "./discount-code-limits";
