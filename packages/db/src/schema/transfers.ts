import { sql } from "drizzle-orm";
import { check, index, integer, pgSequence, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { variants } from "./catalog";
import { locations } from "./locations";
import { orders } from "./orders";
import { users } from "./people";

export const transferStatuses = ["requested", "in_transit", "received", "partly_received", "cancelled"] as const;
export type TransferStatus = (typeof transferStatuses)[number];

export const transferNumberSeq = pgSequence("transfer_number_seq", { startWith: 300001 });

/** Goods moving from one location to another; a ship-to-store order names the order it serves. */
export const transfers = pgTable(
  "transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    fromLocationId: text("from_location_id")
      .notNull()
      .references(() => locations.id),
    toLocationId: text("to_location_id")
      .notNull()
      .references(() => locations.id),
    status: text("status", { enum: transferStatuses }).notNull(),
    reason: text("reason").notNull(),
    orderId: uuid("order_id").references(() => orders.id),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    shippedAt: timestamp("shipped_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  },
  (t) => [
    index("transfers_from_status_idx").on(t.fromLocationId, t.status),
    index("transfers_to_status_idx").on(t.toLocationId, t.status),
    index("transfers_order_idx").on(t.orderId),
    check("transfers_distinct_locations", sql`${t.fromLocationId} <> ${t.toLocationId}`),
  ],
);

export const transferLines = pgTable(
  "transfer_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => transfers.id),
    sku: text("sku")
      .notNull()
      .references(() => variants.sku),
    quantity: integer("quantity").notNull(),
    /** Units that arrived; null until received. */
    received: integer("received"),
    /** Why fewer arrived than were sent (damaged, missing…). */
    lossReason: text("loss_reason"),
  },
  (t) => [
    index("transfer_lines_transfer_idx").on(t.transferId),
    check("transfer_lines_qty_positive", sql`${t.quantity} > 0`),
    check(
      "transfer_lines_received_range",
      sql`${t.received} is null or (${t.received} >= 0 and ${t.received} <= ${t.quantity})`,
    ),
  ],
);

/** A store's minimum per SKU: below it, replenishment suggests a transfer from the warehouse. */
export const reorderPoints = pgTable(
  "reorder_points",
  {
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id),
    sku: text("sku")
      .notNull()
      .references(() => variants.sku),
    minQuantity: integer("min_quantity").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.sku] }),
    check("reorder_points_min_nonneg", sql`${t.minQuantity} >= 0`),
  ],
);
