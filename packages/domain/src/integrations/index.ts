export { apiScopes, webhookEventTypes, type ApiScope, type WebhookEventType } from "@omni/db";
export * from "./api-keys";
export * from "./webhooks";
export * from "./webhook-events";
export * from "./webhook-address";
export * from "./webhook-settings";
export * from "./webhook-signature";
export * from "./deliver-webhooks";
