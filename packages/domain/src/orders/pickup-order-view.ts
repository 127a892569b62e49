import { eq } from "drizzle-orm";

import { normalizeCode, normalizeOrderNumber } from "@omni/core";
import { orders, type DbOrTx } from "@omni/db";

import { DomainError, notFound } from "../kernel";
import type { OrderRow } from "./order-state-machine";
import { orderDetails, type OrderDetails } from "./orders";

/** The order in the shape of `orders.get` (what the counter and the shopper see), by id. */
export async function orderDetailsById(db: DbOrTx, orderId: string): Promise<OrderDetails> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("The order", "order_not_found");
  return orderDetails(db, order);
}

export async function findOrderByNumber(db: DbOrTx, orderNumber: string): Promise<OrderRow> {
  const [order] = await db
    .select()
    .from(orders)
    .where(eq(orders.number, normalizeOrderNumber(orderNumber)));
  if (!order) throw notFound(`Order ${orderNumber}`, "order_not_found", { order: orderNumber });
  return order;
}

/** The pickup order behind a code as typed or scanned; anything that matches nothing is NOT_FOUND. */
export async function findOrderByPickupCode(db: DbOrTx, code: string): Promise<OrderRow> {
  const normalized = normalizeCode(code);
  const [order] = normalized ? await db.select().from(orders).where(eq(orders.pickupCode, normalized)) : [];
  if (!order)
    throw new DomainError("NOT_FOUND", "No order has this pickup code. Check the code and try again.", {
      reason: "pickup_code_unknown",
    });
  return order;
}
