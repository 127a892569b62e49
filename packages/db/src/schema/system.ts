import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Messages to shoppers, written in the same transaction as the change that causes them. */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    to: text("to").notNull(),
    channel: text("channel", { enum: ["email", "sms"] })
      .notNull()
      .default("email"),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** After a failed try, not before this moment (exponential backoff); null: at once. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** Gave up after the last try: waits for a person to press "send again" in the admin. */
    deadAt: timestamp("dead_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_to_idx").on(t.to),
    // The sender takes the oldest unsent message first (`order by id`): only unsent ones are indexed, so its read does not
    // walk past every message ever sent (it was the whole table, a copy of the primary key).
    index("outbox_unsent_idx")
      .on(t.id)
      .where(sql`${t.sentAt} is null and ${t.deadAt} is null`),
    index("outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.sentAt} is null and ${t.deadAt} is null`),
  ],
);

/** Every staff and kiosk write: who, through which session or device, what, before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorUserId: uuid("actor_user_id"),
    actorEmail: text("actor_email"),
    actorDeviceId: uuid("actor_device_id"),
    actorRole: text("actor_role"),
    /** A server-to-server client acting with an API key. */
    actorApiKeyId: uuid("actor_api_key_id"),
    action: text("action").notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    storeId: text("store_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action)],
);

/**
 * Rate-limit counters of rate-limiter-flexible's PostgreSQL store (one row per bucket and caller,
 * updated by one atomic upsert), so that limits hold across app instances. `expire` is in epoch
 * milliseconds, as the library writes it; the `rate-limits` sweep deletes lapsed rows.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: bigint("expire", { mode: "number" }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

/**
 * Idempotency keys of writes that have no row of their own to carry one (receiving stock, creating a
 * transfer): the request a key first came with (its fingerprint) and the answer it got, so a retry
 * gets that answer and the same key with another request is refused.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);
