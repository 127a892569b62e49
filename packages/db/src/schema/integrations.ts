import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { locations } from "./locations";
import { users } from "./people";

/** What an API key may do; each REST procedure names the one scope it needs. */
export const apiScopes = [
  "catalog:read",
  "carts:write",
  "orders:read",
  "orders:write",
  "stock:write",
  "returns:write",
] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Keys for server-to-server clients; only a hash of the key is kept, as for kiosk device tokens. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The first characters of the key, to recognise it in a list without storing it. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes", { enum: apiScopes }).array().notNull(),
    /** A key tied to a store acts on that store only; none means every store. */
    storeId: text("store_id").references(() => locations.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_created_idx").on(t.createdAt)],
);

export const webhookEventTypes = [
  "order.placed",
  "order.ready_for_pickup",
  "order.collected",
  "return.received",
  "stock.changed",
  "transfer.received",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** A receiver of events (Standard Webhooks). The secret signs deliveries, so it is kept as given out. */
export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid("id").primaryKey().defaultRandom(),
  url: text("url").notNull(),
  events: text("events", { enum: webhookEventTypes }).array().notNull(),
  secret: text("secret").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  /** The first failure since the last success: a day of failures disables the subscription. */
  failingSince: timestamp("failing_since", { withTimezone: true }),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  disabledReason: text("disabled_reason"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const webhookDeliveryStatuses = ["pending", "succeeded", "failed"] as const;

/**
 * One event for one subscription, written in the transaction of the change (an outbox) and sent later by
 * the worker. `messageId` is the `webhook-id`: the same on every attempt, so receivers can de-duplicate.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    messageId: text("message_id").notNull(),
    eventType: text("event_type", { enum: webhookEventTypes }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Claimed by a worker until then, so two workers never send the same attempt. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_subscription_idx").on(t.subscriptionId, t.id),
  ],
);
