import { asc, eq } from "drizzle-orm";

import { dueAtHandover } from "@omni/core";
import { orderLines, type DbOrTx } from "@omni/db";

import { contentIn } from "../catalog";
import { alsoLikeItems, textsFor } from "../engagement";
import { findLocation } from "../stores";
import type { OrderRow } from "./order-state-machine";

/** What the message says of a line of the order. */
export type MessageLine = {
  sku: string;
  title: string;
  titlePl: string | null;
  quantity: number;
  unitPriceMinor: number;
};

/**
 * The confirmation of a placed order, in the shopper's language, read back from the order itself: whether it
 * was paid at once, at the counter, or later by the bank. It ends with "you may also like" recommendations.
 * Nothing in it changes when the payment is recorded, so a checkout may prepare it while the provider answers.
 * `written`: the lines and the store's name as the checkout that just wrote the order has them, not read again.
 */
export async function orderPlacedMessage(
  tx: DbOrTx,
  order: OrderRow,
  written?: { lines: MessageLine[]; locationName: string },
) {
  // The lines and the store, then the recommendations for those lines (a checkout hands in both, so only the
  // recommendations are read).
  const [lines, locationName] = await Promise.all([
    written
      ? [...written.lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
      : tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.sku)),
    written ? written.locationName : findLocation(tx, order.locationId).then((l) => l.name),
  ]);
  const alsoLike = await alsoLikeItems(tx, { skus: lines.map((l) => l.sku), locale: order.locale });
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
          ? { type: "pickup", store: locationName, code: order.pickupCode ?? "", readyBy: order.readyBy }
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
