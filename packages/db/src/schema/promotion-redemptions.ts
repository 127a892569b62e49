import { bigserial, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { promotions } from "./catalog";
import { orders } from "./orders";

/** Each order that used a discount code: what its usage limits count. Goes with the order if it is removed. */
export const promotionRedemptions = pgTable(
  "promotion_redemptions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    promotionId: uuid("promotion_id")
      .notNull()
      .references(() => promotions.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    userId: uuid("user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("promotion_redemptions_promotion_idx").on(t.promotionId, t.email)],
);
