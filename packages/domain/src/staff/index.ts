export * from "./staff";
export * from "./devices";
export * from "./audit-log";
export * from "./create-admin";
