import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { locations } from "./locations";
import { channels, orderLines, orders } from "./orders";

export const returnStatuses = ["requested", "received", "refunded", "rejected", "cancelled"] as const;
export type ReturnStatus = (typeof returnStatuses)[number];
export const returnReasons = ["wrong_size", "damaged", "not_as_described", "changed_mind", "other"] as const;
export const returnConditions = ["resellable", "damaged"] as const;

export type ExchangeLine = {
  sku: string;
  title: string;
  /** The replacement's name in Polish when the return was made (absent on older returns). */
  titlePl?: string | null;
  quantity: number;
  unitPriceMinor: number;
  vatRate: number;
};

export const returnNumberSeq = pgSequence("return_number_seq", { startWith: 500001 });

export const returns = pgTable(
  "returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    status: text("status", { enum: returnStatuses }).notNull().default("requested"),
    channel: text("channel", { enum: channels }).notNull(),
    method: text("method", { enum: ["in_store", "mail"] }).notNull(),
    /** The store the shopper said they would bring it to. */
    storeId: text("store_id").references(() => locations.id),
    receivedStoreId: text("received_store_id").references(() => locations.id),
    refundTo: text("refund_to", { enum: ["original", "store_credit"] }).notNull(),
    refundMinor: integer("refund_minor").notNull(),
    /** What the returned goods were worth, and the loyalty points spent on them that come back (their share). */
    goodsWorthMinor: integer("goods_worth_minor").notNull().default(0),
    pointsBack: integer("points_back").notNull().default(0),
    /** An exchange: the replacement goods, priced when the return was made. */
    exchange: jsonb("exchange").$type<ExchangeLine[]>(),
    /** What a dearer replacement costs on top of the returned goods (paid at the counter). */
    amountDueMinor: integer("amount_due_minor").notNull().default(0),
    /** The order the replacement left as, once the return was received. */
    exchangeOrderId: uuid("exchange_order_id"),
    email: text("email").notNull(),
    idempotencyKey: text("idempotency_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
  },
  (t) => [index("returns_order_idx").on(t.orderId), check("returns_refund_nonneg", sql`${t.refundMinor} >= 0`)],
);

export const returnLines = pgTable(
  "return_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    returnId: uuid("return_id")
      .notNull()
      .references(() => returns.id),
    orderLineId: uuid("order_line_id")
      .notNull()
      .references(() => orderLines.id),
    quantity: integer("quantity").notNull(),
    reason: text("reason", { enum: returnReasons }).notNull(),
    condition: text("condition", { enum: returnConditions }),
  },
  (t) => [index("return_lines_return_idx").on(t.returnId), check("return_lines_qty_positive", sql`${t.quantity} > 0`)],
);

export const returnEvents = pgTable("return_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  returnId: uuid("return_id")
    .notNull()
    .references(() => returns.id),
  type: text("type").notNull(),
  fromStatus: text("from_status"),
  toStatus: text("to_status"),
  channel: text("channel").notNull(),
  actorUserId: uuid("actor_user_id"),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Store credit as a ledger: a balance is the sum of its entries. `holder` is `user:<id>` for an
 * account or `code:<CODE>` for a guest's credit code.
 */
export const storeCreditEntries = pgTable(
  "store_credit_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    holder: text("holder").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    reason: text("reason", { enum: ["refund", "spent", "adjustment"] }).notNull(),
    refType: text("ref_type"),
    refId: text("ref_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("store_credit_holder_idx").on(t.holder)],
);
