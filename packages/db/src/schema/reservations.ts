import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { locations } from "./locations";
import { channels } from "./orders";
import { users } from "./people";

export const reservationStatuses = ["active", "fulfilled", "cancelled", "expired"] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

export const reservations = pgTable(
  "reservations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    storeId: text("store_id")
      .notNull()
      .references(() => locations.id),
    status: text("status", { enum: reservationStatuses }).notNull().default("active"),
    channel: text("channel", { enum: channels }).notNull(),
    userId: uuid("user_id").references(() => users.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    locale: text("locale", { enum: ["pl", "en"] })
      .notNull()
      .default("en"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    orderId: uuid("order_id"),
    idempotencyKey: text("idempotency_key").unique(),
    /** Hash of the request that first used the key (kernel/request-fingerprint.ts). */
    requestFingerprint: text("request_fingerprint"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("reservations_store_status_idx").on(t.storeId, t.status), index("reservations_email_idx").on(t.email)],
);

export const reservationLines = pgTable(
  "reservation_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reservationId: uuid("reservation_id")
      .notNull()
      .references(() => reservations.id),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
  },
  (t) => [
    index("reservation_lines_res_idx").on(t.reservationId),
    check("reservation_lines_qty_positive", sql`${t.quantity} > 0`),
  ],
);

export const reservationEvents = pgTable("reservation_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  reservationId: uuid("reservation_id")
    .notNull()
    .references(() => reservations.id),
  type: text("type").notNull(),
  channel: text("channel").notNull(),
  actorUserId: uuid("actor_user_id"),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
