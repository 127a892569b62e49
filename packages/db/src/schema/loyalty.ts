import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { users } from "./people";

/**
 * What a member's points ledger records. `expired` is the sweep's write-off of points older than the
 * setting's months; the contract shows it as an `adjusted` entry with reason `expired`.
 */
export const loyaltyEntryTypes = [
  "earned",
  "bonus",
  "redeemed",
  "restored",
  "reversed",
  "adjusted",
  "expired",
] as const;
export type LoyaltyEntryType = (typeof loyaltyEntryTypes)[number];

/**
 * One row per member: the running balance the ledger adds up to. It is the row every ledger writer
 * locks and the CHECK keeps it from ever going below zero, however many redemptions race.
 */
export const loyaltyMembers = pgTable(
  "loyalty_members",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    points: integer("points").notNull().default(0),
    /** Points expiring up to this moment have had their one reminder. */
    remindedThrough: timestamp("reminded_through", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("loyalty_members_points_nonneg", sql`${t.points} >= 0`)],
);

/**
 * The append-only points ledger, beside the order and return ledgers: every change of a balance is a
 * row, signed, with the order or return behind it. Orders are referenced without a foreign key, so an
 * order discarded after a declined payment keeps its redemption and the restoring entry.
 */
export const loyaltyEntries = pgTable(
  "loyalty_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type", { enum: loyaltyEntryTypes }).notNull(),
    points: integer("points").notNull(),
    orderId: uuid("order_id"),
    orderNumber: text("order_number"),
    returnId: uuid("return_id"),
    channel: text("channel"),
    /** Why a manager adjusted the balance, or what else the entry needs to say. */
    reason: text("reason"),
    actorUserId: uuid("actor_user_id"),
    /** Credits (earned, bonus, restored, positive adjustments) lapse at this moment unless spent first. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("loyalty_entries_user_idx").on(t.userId, t.at),
    index("loyalty_entries_order_idx").on(t.orderId),
    // An order earns once, however many transitions or sweeps touch it.
    uniqueIndex("loyalty_entries_earned_once")
      .on(t.orderId)
      .where(sql`${t.type} = 'earned'`),
    check("loyalty_entries_points_nonzero", sql`${t.points} <> 0`),
  ],
);
