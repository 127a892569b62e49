import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { locations } from "./locations";
import { channels } from "./orders";
import { users } from "./people";

/**
 * `pending` while the buyer's payment is asked for (outside any transaction), `active` once paid,
 * `void` when the payment was declined: a void card never held money.
 */
export const giftCardStatuses = ["pending", "active", "void"] as const;
export type GiftCardStatus = (typeof giftCardStatuses)[number];

/**
 * A gift card: its code is a bearer secret (whoever holds it spends it), so staff lists mask it. The
 * balance is the running sum of its ledger; every writer locks this row first and the CHECK keeps it
 * from ever going below zero, however many checkouts race for it.
 */
export const giftCards = pgTable(
  "gift_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    status: text("status", { enum: giftCardStatuses }).notNull().default("pending"),
    currency: text("currency").notNull().default("PLN"),
    initialMinor: integer("initial_minor").notNull(),
    balanceMinor: integer("balance_minor").notNull().default(0),
    /** Where it was sold: the shop, or a store's counter. */
    channel: text("channel", { enum: channels }).notNull(),
    locationId: text("location_id").references(() => locations.id),
    buyerEmail: text("buyer_email"),
    buyerUserId: uuid("buyer_user_id").references(() => users.id),
    /** Who it is for (printed and e-mailed with the code). */
    recipientName: text("recipient_name"),
    recipientEmail: text("recipient_email"),
    message: text("message"),
    locale: text("locale", { enum: ["pl", "en"] })
      .notNull()
      .default("en"),
    paymentMethod: text("payment_method", { enum: ["card", "blik", "cash"] }).notNull(),
    paymentRef: text("payment_ref"),
    soldByUserId: uuid("sold_by_user_id").references(() => users.id),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    requestFingerprint: text("request_fingerprint"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
  },
  (t) => [
    index("gift_cards_location_idx").on(t.locationId, t.createdAt),
    check("gift_cards_balance_nonneg", sql`${t.balanceMinor} >= 0`),
    check("gift_cards_initial_pos", sql`${t.initialMinor} > 0`),
  ],
);

/**
 * What moves a gift card's balance: `issued` when its payment went through, `spent` on an order,
 * `refunded` when a refund of that order gives the card its share back, `restored` when the order's own
 * payment was declined and the order never was. Orders are referenced without a foreign key, as in
 * the loyalty ledger, so a discarded order keeps its spend and the restoring entry.
 */
export const giftCardEntryTypes = ["issued", "spent", "refunded", "restored"] as const;
export type GiftCardEntryType = (typeof giftCardEntryTypes)[number];

export const giftCardEntries = pgTable(
  "gift_card_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    giftCardId: uuid("gift_card_id")
      .notNull()
      .references(() => giftCards.id),
    type: text("type", { enum: giftCardEntryTypes }).notNull(),
    /** Signed: credits positive, spends negative. */
    amountMinor: integer("amount_minor").notNull(),
    orderId: uuid("order_id"),
    orderNumber: text("order_number"),
    channel: text("channel"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("gift_card_entries_card_idx").on(t.giftCardId, t.at),
    index("gift_card_entries_order_idx").on(t.orderId),
    check("gift_card_entries_amount_nonzero", sql`${t.amountMinor} <> 0`),
  ],
);
