export * from "./lockers";
export * from "./delivery-fees";
export * from "./carrier";
export * from "./shipments";
export * from "./delivery-fees-admin";
