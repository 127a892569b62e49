import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { locations } from "./locations";
import { kioskDevices, users } from "./people";

export const channels = ["web", "kiosk", "store"] as const;
export type Channel = (typeof channels)[number];

export const orderStatuses = [
  "placed",
  "picking",
  "ready_for_pickup",
  "collected",
  "shipped",
  "delivered",
  "cancelled",
  "expired",
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export type Address = { line1: string; city: string; postalCode: string; country: string };

export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 100001 });

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    channel: text("channel", { enum: channels }).notNull(),
    status: text("status", { enum: orderStatuses }).notNull(),
    fulfillmentType: text("fulfillment_type", { enum: ["pickup", "delivery"] }).notNull(),
    /** The pickup store, or the location that ships a delivery. */
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id),
    address: jsonb("address").$type<Address>(),
    userId: uuid("user_id").references(() => users.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    currency: text("currency").notNull().default("PLN"),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull().default(0),
    totalMinor: integer("total_minor").notNull(),
    /** Paid with store credit, part of totalMinor. */
    storeCreditMinor: integer("store_credit_minor").notNull().default(0),
    paymentMethod: text("payment_method", { enum: ["card", "pay_in_store", "store_credit"] }).notNull(),
    paymentRef: text("payment_ref"),
    paidMinor: integer("paid_minor").notNull().default(0),
    pickupCode: text("pickup_code").unique(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    pickupDeadline: timestamp("pickup_deadline", { withTimezone: true }),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key").unique(),
    /** Hash of the request that first used the key (kernel/request-fingerprint.ts). */
    requestFingerprint: text("request_fingerprint"),
    reservationId: uuid("reservation_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_user_idx").on(t.userId),
    index("orders_email_idx").on(t.email),
    index("orders_location_status_idx").on(t.locationId, t.status),
    check("orders_total_nonneg", sql`${t.totalMinor} >= 0`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    sku: text("sku").notNull(),
    title: text("title").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    /** Units the shopper refused at the counter: refunded and restocked. */
    declinedQuantity: integer("declined_quantity").notNull().default(0),
  },
  (t) => [
    index("order_lines_order_idx").on(t.orderId),
    check("order_lines_qty_positive", sql`${t.quantity} > 0`),
    check("order_lines_declined_range", sql`${t.declinedQuantity} >= 0 and ${t.declinedQuantity} <= ${t.quantity}`),
  ],
);

/** The timeline of an order: every transition, who made it, through which channel. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    type: text("type").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    channel: text("channel").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorDeviceId: uuid("actor_device_id").references(() => kioskDevices.id),
    data: jsonb("data"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

/** What the payment provider was asked and answered: authorisations, captures, refunds. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id").references(() => orders.id),
    returnId: uuid("return_id"),
    provider: text("provider").notNull(),
    kind: text("kind", { enum: ["charge", "refund"] }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull().default("PLN"),
    providerRef: text("provider_ref").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payments_order_idx").on(t.orderId), check("payments_amount_positive", sql`${t.amountMinor} > 0`)],
);
