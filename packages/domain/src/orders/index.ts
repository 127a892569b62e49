export * from "./order-state-machine";
export * from "./orders";
export * from "./create-order";
export * from "./fulfillment";
export * from "./pickup";
export * from "./pickup-order-view";
export * from "./expire-pickups";
export * from "./pickup-reminders";
