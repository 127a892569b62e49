import { asc, eq } from "drizzle-orm";

import { dueAtHandover } from "@omni/core";
import { orderLines, type DbOrTx } from "@omni/db";

import { contentIn } from "../catalog";
import { alsoLikeItems, textsFor } from "../engagement";
import { findLocation } from "../stores";
import type { OrderRow } from "./order-state-machine";

/**
 * The confirmation of a placed order, in the shopper's language, read back from the order itself: whether it
 * was paid at once, at the counter, or later by the bank. It ends with "you may also like" recommendations.
 * Nothing in it changes when the payment is recorded, so a checkout may prepare it while the provider answers.
 */
export async function orderPlacedMessage(tx: DbOrTx, order: OrderRow) {
  // Lines, store and recommendations are read together (pipelined on the transaction's connection).
  const [lines, location, alsoLike] = await Promise.all([
    tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.sku)),
    findLocation(tx, order.locationId),
    alsoLikeItems(tx, { orderId: order.id, locale: order.locale }),
  ]);
  const address = order.address ? `${order.address.line1}, ${order.address.postalCode} ${order.address.city}` : "";
  const t = textsFor(order.locale);
  return {
    to: order.email,
    template: "order_placed" as const,
    subject: t.orderPlacedSubject(order.number),
    body: t.orderPlacedBody({
      name: order.name,
      orderNumber: order.number,
      currency: order.currency,
      items: lines.map((l) => ({
        quantity: l.quantity,
        title: contentIn(order.locale, l.title, l.titlePl),
        totalMinor: l.quantity * l.unitPriceMinor,
      })),
      shippingMinor: order.shippingMinor,
      totalMinor: order.totalMinor,
      // What the counter will ask at the handover if the shopper keeps everything.
      dueAtCounterMinor: order.paymentMethod === "pay_in_store" ? dueAtHandover(order, lines) : null,
      how:
        order.fulfillmentType === "pickup"
          ? { type: "pickup", store: location.name, code: order.pickupCode ?? "", readyBy: order.readyBy }
          : {
              type: order.deliveryMethod === "locker" ? "locker" : "courier",
              where: address || (order.lockerId ?? ""),
            },
      alsoLike,
    }),
    data: {
      orderNumber: order.number,
      pickupCode: order.pickupCode ?? undefined,
      storeId: order.fulfillmentType === "pickup" ? order.locationId : undefined,
      readyBy: order.readyBy?.toISOString(),
    },
  };
}
