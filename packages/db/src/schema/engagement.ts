import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { products } from "./catalog";
import { channels, orders } from "./orders";
import { users } from "./people";

export const locales = ["pl", "en"] as const;
export type Locale = (typeof locales)[number];

/**
 * "Bought together": for each product, the other products that appeared in the same orders, in every channel
 * (item-to-item co-occurrence). Rebuilt by a worker sweep, so a product page reads a few rows.
 */
export const productPairs = pgTable(
  "product_pairs",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    otherProductId: uuid("other_product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** Orders that held both. */
    orders: integer("orders").notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.otherProductId] }),
    index("product_pairs_rank_idx").on(t.productId, t.orders.desc()),
  ],
);

/**
 * Units sold per product in every channel, the bestseller measure of recommendations. Rebuilt with
 * `product_pairs` by the same sweep: counted on every product page view, the sum over all order lines grew
 * with the order history.
 */
export const productSales = pgTable("product_sales", {
  productId: uuid("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  sold: integer("sold").notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A verified buyer's rating of a product of one of their collected or delivered orders. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    rating: integer("rating").notNull(),
    text: text("text"),
    /** The name shown with it: the buyer's first name. */
    author: text("author").notNull(),
    /** Where the review was written. */
    channel: text("channel", { enum: channels }).notNull(),
    status: text("status", { enum: ["published", "hidden"] })
      .notNull()
      .default("published"),
    reply: text("reply"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reviews_order_product_unique").on(t.orderId, t.productId),
    index("reviews_product_idx").on(t.productId, t.status, t.createdAt.desc()),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * Consent to marketing per channel, as Polish law asks: every change is a new row with its time and source
 * (the app it was given in), so the latest row is the current answer and the history is the proof.
 * Service messages (order ready, reservation expiring) need none.
 */
export const consents = pgTable(
  "consents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    granted: boolean("granted").notNull(),
    /** The app or counter it was given at: web, kiosk, store. */
    source: text("source").notNull(),
    phone: text("phone"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the address's owner confirmed a grant by the e-mailed link (double opt-in). A grant typed by anyone
     * who has not proved the address is theirs counts only once confirmed; a withdrawal counts at once.
     */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** SHA-256 of the confirmation link's token while the grant waits for it. */
    confirmTokenHash: text("confirm_token_hash"),
    /**
     * An SMS grant's double opt-in: SHA-256 of the code texted to `phone` (with the number, as six digits alone
     * hash to a guessable value), and how many codes were typed against it, so guessing stops after a few.
     */
    confirmCodeHash: text("confirm_code_hash"),
    confirmAttempts: integer("confirm_attempts").notNull().default(0),
  },
  (t) => [
    index("consents_email_idx").on(t.email, t.channel, t.id),
    uniqueIndex("consents_confirm_token_idx").on(t.confirmTokenHash),
  ],
);

/** A shopper waiting for an out-of-stock SKU at one location (a store, or `online` for delivery). */
export const stockAlerts = pgTable(
  "stock_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sku: text("sku").notNull(),
    locationId: text("location_id").notNull(),
    email: text("email").notNull(),
    locale: text("locale", { enum: locales }).notNull().default("en"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
  },
  (t) => [
    index("stock_alerts_waiting_idx")
      .on(t.sku, t.locationId)
      .where(sql`${t.notifiedAt} is null`),
    unique("stock_alerts_once").on(t.sku, t.locationId, t.email),
  ],
);

/** The one "how did you like it?" e-mail per order, a few days after collection or delivery. */
export const reviewRequests = pgTable("review_requests", {
  orderId: uuid("order_id")
    .primaryKey()
    .references(() => orders.id),
  sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
});
