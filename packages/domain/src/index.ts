/**
 * The business, one folder per bounded context. Import a context by its own entry point
 * (`@omni/domain/orders`), never a file inside it; this index only names the contexts.
 */
export * as accounts from "./accounts";
export * as analytics from "./analytics";
export * as carts from "./carts";
export * as catalog from "./catalog";
export * as engagement from "./engagement";
export * as integrations from "./integrations";
export * as inventory from "./inventory";
export * as kernel from "./kernel";
export * as loyalty from "./loyalty";
export * as messages from "./messages";
export * as orders from "./orders";
export * as payments from "./payments";
export * as reservations from "./reservations";
export * as returns from "./returns";
export * as shipping from "./shipping";
export * as staff from "./staff";
export * as stores from "./stores";
export * as transfers from "./transfers";
