export * from "./lockers";
export * from "./delivery-fees";
export * from "./carrier";
export * from "./shipments";
