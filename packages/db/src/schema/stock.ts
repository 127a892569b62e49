import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { variants } from "./catalog";
import { locations } from "./locations";
import { kioskDevices, users } from "./people";

/**
 * One row per location and SKU: the stock truth. `held` is the sum of unreleased holds, so that
 * the database itself refuses to promise more than is on the shelf.
 */
export const stockLevels = pgTable(
  "stock_levels",
  {
    locationId: text("location_id")
      .notNull()
      .references(() => locations.id),
    sku: text("sku")
      .notNull()
      .references(() => variants.sku),
    onHand: integer("on_hand").notNull().default(0),
    held: integer("held").notNull().default(0),
    safetyStock: integer("safety_stock").notNull().default(0),
    aisle: text("aisle"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.locationId, t.sku] }),
    // By SKU, then location, and covering (migration 0017 adds INCLUDE (on_hand, held, safety_stock, aisle), which
    // drizzle cannot express): the availability of a SKU in every location, and "in stock in this store" for each
    // of thousands of variants (facets, listings), are index-only scans that never visit the table.
    index("stock_levels_sku_idx").on(t.sku, t.locationId),
    check("stock_on_hand_nonneg", sql`${t.onHand} >= 0`),
    check("stock_held_nonneg", sql`${t.held} >= 0`),
    check("stock_safety_nonneg", sql`${t.safetyStock} >= 0`),
    check("stock_held_le_on_hand", sql`${t.held} <= ${t.onHand}`),
  ],
);

export const holdKinds = ["order", "reservation", "transfer"] as const;

/** A promise of units to an order line or a reservation line. */
export const stockHolds = pgTable(
  "stock_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locationId: text("location_id").notNull(),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    kind: text("kind", { enum: holdKinds }).notNull(),
    /** The order, reservation or transfer id that owns the hold. */
    ownerId: uuid("owner_id").notNull(),
    /** After this moment the hold no longer counts, even before a job releases it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stock_holds_open_idx")
      .on(t.locationId, t.sku)
      .where(sql`${t.releasedAt} is null`),
    // The open holds of one SKU in every location at once (availability). Migration 0017 adds
    // INCLUDE (location_id, quantity, expires_at), which drizzle cannot express.
    index("stock_holds_open_sku_idx")
      .on(t.sku)
      .where(sql`${t.releasedAt} is null`),
    index("stock_holds_owner_idx").on(t.ownerId),
    check("stock_holds_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const movementReasons = [
  "seed",
  "cycle_count",
  "receiving",
  "adjustment",
  "order_hold",
  "order_release",
  "order_fulfilled",
  "reservation_hold",
  "reservation_release",
  "reservation_expired",
  "reservation_sold",
  "return_restock",
  "return_writeoff",
  "transfer_hold",
  "transfer_release",
  "transfer_out",
  "transfer_in",
  "transfer_loss",
] as const;
export type MovementReason = (typeof movementReasons)[number];

/** The ledger: every change of on-hand or held stock, with why, who and when. */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    locationId: text("location_id").notNull(),
    sku: text("sku").notNull(),
    reason: text("reason", { enum: movementReasons }).notNull(),
    note: text("note"),
    onHandDelta: integer("on_hand_delta").notNull().default(0),
    heldDelta: integer("held_delta").notNull().default(0),
    onHandBefore: integer("on_hand_before").notNull(),
    onHandAfter: integer("on_hand_after").notNull(),
    heldBefore: integer("held_before").notNull(),
    heldAfter: integer("held_after").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    actorDeviceId: uuid("actor_device_id").references(() => kioskDevices.id),
    refType: text("ref_type"),
    refId: text("ref_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stock_movements_loc_sku_idx").on(t.locationId, t.sku, t.id)],
);
