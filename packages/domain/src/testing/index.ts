export * from "./order-fixture";
export * from "./return-fixtures";
