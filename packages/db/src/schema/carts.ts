import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { users } from "./people";

export const carts = pgTable(
  "carts",
  {
    /** Random and unguessable: the bearer secret of a guest cart. */
    id: text("id").primaryKey(),
    userId: uuid("user_id").references(() => users.id),
    status: text("status", { enum: ["open", "ordered", "merged"] })
      .notNull()
      .default("open"),
    discountCode: text("discount_code"),
    /** Where reminders of an abandoned cart go: the member's, or what a guest typed at checkout. */
    email: text("email"),
    locale: text("locale", { enum: ["pl", "en"] }),
    /** Reminders of this idle cart sent so far (at most one sequence). */
    remindersSent: integer("reminders_sent").notNull().default(0),
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("carts_user_idx").on(t.userId)],
);

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: text("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.sku] }), check("cart_lines_qty_positive", sql`${t.quantity} > 0`)],
);

export const cartHandoffs = pgTable("cart_handoffs", {
  code: text("code").primaryKey(),
  cartId: text("cart_id")
    .notNull()
    .references(() => carts.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
