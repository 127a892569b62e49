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

export const paymentMethods = [
  "card",
  "blik",
  "transfer",
  "cash_on_delivery",
  "pay_in_store",
  "store_credit",
  "cash",
  "points",
  "gift_card",
] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

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
    /** How a delivery travels: a courier to the address, or a parcel locker. */
    deliveryMethod: text("delivery_method", { enum: ["courier", "locker"] }),
    lockerId: text("locker_id"),
    /** The delivery fee, part of totalMinor (VAT included). */
    shippingMinor: integer("shipping_minor").notNull().default(0),
    /** The buyer's company for an invoice: name and NIP (tax number). */
    invoice: jsonb("invoice").$type<{ companyName: string; nip: string; address?: string }>(),
    userId: uuid("user_id").references(() => users.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    /** The shopper's language, for every message about the order. */
    locale: text("locale", { enum: ["pl", "en"] })
      .notNull()
      .default("en"),
    currency: text("currency").notNull().default("PLN"),
    subtotalMinor: integer("subtotal_minor").notNull(),
    discountMinor: integer("discount_minor").notNull().default(0),
    totalMinor: integer("total_minor").notNull(),
    /** Paid with store credit, part of totalMinor. */
    storeCreditMinor: integer("store_credit_minor").notNull().default(0),
    /** Paid with gift cards, part of totalMinor; which cards is in the gift-card ledger. */
    giftCardMinor: integer("gift_card_minor").notNull().default(0),
    /** Loyalty points spent on the goods, and what they were worth (part of totalMinor, like store credit). */
    pointsRedeemed: integer("points_redeemed").notNull().default(0),
    pointsMinor: integer("points_minor").notNull().default(0),
    paymentMethod: text("payment_method", { enum: paymentMethods }).notNull(),
    paymentRef: text("payment_ref"),
    paidMinor: integer("paid_minor").notNull().default(0),
    pickupCode: text("pickup_code").unique(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    /** A shopper at the kiosk asked for staff about this order (not ready yet); cleared when someone answers. */
    helpRequestedAt: timestamp("help_requested_at", { withTimezone: true }),
    readyAt: timestamp("ready_at", { withTimezone: true }),
    pickupDeadline: timestamp("pickup_deadline", { withTimezone: true }),
    /** The promised pickup time of an order that waits for goods from other locations (ship-to-store). */
    readyBy: timestamp("ready_by", { withTimezone: true }),
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
    /** The item as sold, in English (the API's language); neither title changes when the catalogue is edited later. */
    title: text("title").notNull(),
    /** The same in Polish, for Polish screens and messages; empty on orders placed before it was kept. */
    titlePl: text("title_pl"),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: integer("unit_price_minor").notNull(),
    /** The VAT rate (percent) the price included when sold. */
    vatRate: integer("vat_rate").notNull().default(23),
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

export const paymentAttemptStatuses = [
  "pending",
  "authorized",
  "declined",
  "capture_pending",
  "captured",
  "cancel_pending",
  "cancelled",
] as const;
export type PaymentAttemptStatus = (typeof paymentAttemptStatuses)[number];

/**
 * One try to take money for an order from a payment provider. It is written before the provider is
 * asked, so that a crash between the question and the answer leaves a row a sweep can reconcile; the
 * id is the idempotency key the provider sees.
 */
export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    status: text("status", { enum: paymentAttemptStatuses }).notNull().default("pending"),
    amountMinor: integer("amount_minor").notNull(),
    /** What capture should take (lines declined at the counter are left out). */
    captureMinor: integer("capture_minor"),
    capturedMinor: integer("captured_minor").notNull().default(0),
    currency: text("currency").notNull().default("PLN"),
    providerRef: text("provider_ref"),
    /** The pay-by-link address the shopper is sent to, for redirect providers. */
    redirectUrl: text("redirect_url"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payment_attempts_order_idx").on(t.orderId),
    index("payment_attempts_open_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} in ('pending', 'capture_pending', 'cancel_pending')`),
    check("payment_attempts_amount_nonneg", sql`${t.amountMinor} >= 0`),
  ],
);

export const shipmentStatuses = [
  "label_created",
  "collected_by_courier",
  "in_transit",
  "out_for_delivery",
  "ready_in_locker",
  "delivered",
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** A parcel handed to a carrier: its tracking number and the statuses it went through. */
export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .unique()
      .references(() => orders.id),
    carrier: text("carrier").notNull(),
    service: text("service", { enum: ["courier", "locker"] }).notNull(),
    size: text("size", { enum: ["A", "B", "C"] })
      .notNull()
      .default("A"),
    trackingNumber: text("tracking_number").notNull().unique(),
    status: text("status", { enum: shipmentStatuses }).notNull().default("label_created"),
    events: jsonb("events").$type<{ status: ShipmentStatus; at: string }[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shipments_open_idx")
      .on(t.updatedAt)
      .where(sql`${t.status} <> 'delivered'`),
  ],
);
