/**
 * Pure rules that the browser and the server both need, written once: no database, no Node-only
 * modules, no React. The domain builds on them; screens import them for the same answers.
 */
export * from "./money";
export * from "./geo";
export * from "./statuses";
export * from "./codes";
export * from "./limits";
export * from "./idempotency";
export * from "./settings";
export * from "./vat";
export * from "./nip";
export * from "./gtin";
export * from "./local-path";
export * from "./handover";
export * from "./audit-actions";
export * from "./locations";
