import { eq } from "drizzle-orm";

import { orders, type Database } from "@omni/db";

import { conflict, forbidden, recordAudit, withCodeLimit, type Actor } from "../kernel";
import { findLocation } from "../stores";
import { lockOrderForStaff } from "./fulfillment";
import { lockOrder, recordOrderEvent } from "./order-state-machine";
import { findOrderByPickupCode } from "./pickup-order-view";

/** Orders a shopper may still be waiting for at the counter. */
const waitingStatuses = new Set(["placed", "picking", "ready_for_pickup"]);

/**
 * A shopper at this store's kiosk asks for staff about their pickup order, typically because it is
 * not ready yet. The pickup board shows the request at the top, with a sound, until someone answers.
 * Asking twice keeps the first time, so the board's order does not change under the clerks.
 */
export async function askForHelp(db: Database, actor: Actor, input: { code: string }) {
  const found = await withCodeLimit(db, actor, () => findOrderByPickupCode(db, input.code));
  const store = await findLocation(db, found.locationId);
  if (!actor.deviceStoreId || actor.deviceStoreId !== found.locationId)
    throw forbidden(`This order is collected at ${store.name}, ${store.city}. Please ask the staff there.`, {
      reason: "order_wrong_store",
      store: store.name,
      city: store.city,
    });
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, found.id);
    if (!waitingStatuses.has(order.status))
      throw conflict(`Order ${order.number} is ${order.status.replace(/_/g, " ")}: there is nothing to wait for.`, {
        reason: "order_nothing_to_wait_for",
        order: order.number,
        status: order.status,
      });
    let requestedAt = order.helpRequestedAt;
    if (!requestedAt) {
      requestedAt = new Date();
      await tx.update(orders).set({ helpRequestedAt: requestedAt }).where(eq(orders.id, order.id));
      await recordOrderEvent(tx, { orderId: order.id, type: "help_requested", actor, status: order.status });
      await recordAudit(tx, actor, {
        action: "pickup.askForHelp",
        entityType: "order",
        entityId: order.number,
        storeId: order.locationId,
      });
    }
    return {
      orderNumber: order.number,
      storeName: store.name,
      pickupPoint: store.pickupPoint,
      requestedAt,
    };
  });
}

/** A clerk takes the shopper's request: it leaves the top of the board. */
export async function answerHelp(db: Database, actor: Actor, input: { orderNumber: string }) {
  return db.transaction(async (tx) => {
    const order = await lockOrderForStaff(tx, actor, input.orderNumber);
    if (order.helpRequestedAt) {
      await tx.update(orders).set({ helpRequestedAt: null }).where(eq(orders.id, order.id));
      await recordOrderEvent(tx, { orderId: order.id, type: "help_answered", actor, status: order.status });
      await recordAudit(tx, actor, {
        action: "fulfillment.answerHelp",
        entityType: "order",
        entityId: order.number,
        storeId: order.locationId,
      });
    }
    return { orderNumber: order.number, helpRequestedAt: null };
  });
}
