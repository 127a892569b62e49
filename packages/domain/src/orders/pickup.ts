import { eq } from "drizzle-orm";

import { dueAtHandover, valueOfUnits, type HandoverPayment } from "@omni/core";
import { orderLines, orders, type Database } from "@omni/db";

import { textsFor } from "../engagement";
import { endHolds } from "../inventory";
import {
  badRequest,
  conflict,
  forbidden,
  queueMessage,
  recordAudit,
  withCodeLimit,
  worksIn,
  type Actor,
} from "../kernel";
import { openAuthorization, refundOrder, requestCapture, settlePaymentAttempt } from "../payments";
import { findLocation } from "../stores";
import { recordCounterPayment, takeCounterPayment, type PaymentTaken } from "./counter-payment";
import { recordOrderPaid } from "./create-order";
import { lockOrder, recordOrderEvent, transitionOrder } from "./order-state-machine";
import { findOrderByPickupCode, orderDetailsById } from "./pickup-order-view";

/**
 * The shopper tells the kiosk they are here. Staff see the check-in at the top of their queue.
 * Checking in twice is harmless: the first time is kept.
 */
export async function checkIn(db: Database, actor: Actor, input: { code: string }) {
  const found = await withCodeLimit(db, actor, () => findOrderByPickupCode(db, input.code));
  const store = await findLocation(db, found.locationId);
  if (!actor.deviceStoreId || actor.deviceStoreId !== found.locationId) {
    throw forbidden(`This order is waiting for you at ${store.name}, ${store.city}. Please check in there.`, {
      reason: "order_wrong_store",
      store: store.name,
      city: store.city,
    });
  }
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, found.id);
    if (order.status === "placed")
      throw conflict(`Order ${order.number} is not ready yet. We will let you know when it is.`, {
        reason: "order_not_ready",
        order: order.number,
        status: order.status,
      });
    if (order.status !== "picking" && order.status !== "ready_for_pickup") {
      throw conflict(`Order ${order.number} cannot be collected: it is ${order.status.replace(/_/g, " ")}.`, {
        reason: "order_not_collectable",
        order: order.number,
        status: order.status,
      });
    }
    let checkedInAt = order.checkedInAt;
    if (!checkedInAt) {
      checkedInAt = new Date();
      await tx.update(orders).set({ checkedInAt }).where(eq(orders.id, order.id));
      await recordOrderEvent(tx, {
        orderId: order.id,
        type: "checked_in",
        actor,
        status: order.status,
        at: checkedInAt,
      });
      await recordAudit(tx, actor, {
        action: "pickup.checkIn",
        entityType: "order",
        entityId: order.number,
        storeId: order.locationId,
      });
    }
    return {
      orderNumber: order.number,
      customerName: order.name,
      storeName: store.name,
      pickupPoint: store.pickupPoint,
      status: order.status,
      checkedInAt,
    };
  });
}

/** The counter screen: the order behind a code, for staff of its pickup store. */
export async function getPickupOrder(db: Database, actor: Actor, input: { code: string }) {
  const order = await withCodeLimit(db, actor, () => findOrderByPickupCode(db, input.code));
  if (!worksIn(actor, order.locationId))
    throw forbidden(`Order ${order.number} is collected in another store.`, {
      reason: "order_other_store",
      order: order.number,
    });
  return orderDetailsById(db, order.id);
}

/**
 * Hands the order over. Lines the shopper refuses at the counter go back on this store's shelf and
 * are refunded; the rest leave the store. A pay-in-store order is paid here for what is kept: the clerk
 * records cash (with the change to give) or card, and the handover is refused until they do.
 */
export async function collectOrder(
  db: Database,
  actor: Actor,
  input: { code: string; declineLineIds?: string[]; payment?: HandoverPayment },
) {
  const found = await withCodeLimit(db, actor, () => findOrderByPickupCode(db, input.code));
  if (!worksIn(actor, found.locationId))
    throw forbidden(`Order ${found.number} is collected in another store.`, {
      reason: "order_other_store",
      order: found.number,
    });
  let capture: string | undefined;
  const details = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, found.id);
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    const declineIds = new Set(input.declineLineIds ?? []);
    for (const id of declineIds) {
      if (!lines.some((l) => l.id === id))
        throw badRequest(`Line ${id} is not part of order ${order.number}.`, {
          reason: "order_line_unknown",
          order: order.number,
        });
    }
    const declined = lines.filter((l) => declineIds.has(l.id));
    const kept = lines.filter((l) => !declineIds.has(l.id));
    // Declined before the handover is recorded, so the points it earns count only the goods kept.
    for (const line of declined) {
      await tx.update(orderLines).set({ declinedQuantity: line.quantity }).where(eq(orderLines.id, line.id));
    }
    await transitionOrder(tx, { orderId: order.id, to: "collected", actor });
    if (declined.length) {
      await endHolds(tx, {
        ownerId: order.id,
        mode: "release",
        reason: "order_release",
        actor,
        note: `Declined at pickup of ${order.number}`,
        only: declined.map((l) => ({ sku: l.sku, quantity: l.quantity })),
      });
    }
    await endHolds(tx, {
      ownerId: order.id,
      mode: "consume",
      reason: "order_fulfilled",
      actor,
      note: `Collected ${order.number}`,
    });

    let refundedMinor = 0;
    let handoverPayment: PaymentTaken | undefined;
    const authorization = order.paymentMethod === "pay_in_store" ? undefined : await openAuthorization(tx, order.id);
    if (authorization?.status === "authorized") {
      // The money was only authorised: capture what the shopper keeps, so declined lines never need a refund.
      const keptValue = valueOfUnits(order, kept);
      const fromProvider = Math.max(
        0,
        Math.min(
          authorization.amountMinor,
          keptValue - order.storeCreditMinor - order.giftCardMinor - order.pointsMinor,
        ),
      );
      capture = await requestCapture(tx, authorization, fromProvider);
      await recordOrderPaid(tx, { orderId: order.id, paidMinor: fromProvider, paymentRef: order.paymentRef });
      const creditBack = Math.max(0, order.storeCreditMinor + order.giftCardMinor - keptValue);
      if (creditBack > 0) {
        refundedMinor = (
          await refundOrder(tx, {
            orderId: order.id,
            amountMinor: creditBack,
            to: "store_credit",
            refType: "decline",
            refId: order.id,
          })
        ).refundedMinor;
      }
    } else if (order.paymentMethod === "pay_in_store") {
      // Nothing was charged yet: the shopper pays at the counter for what they keep. Store credit
      // spent at checkout beyond the value of what they keep goes back to them as store credit.
      const keptValue = valueOfUnits(order, kept);
      const dueMinor = dueAtHandover(order, kept);
      if (dueMinor > 0) {
        handoverPayment = takeCounterPayment(`Order ${order.number}`, dueMinor, input.payment);
        await recordCounterPayment(tx, actor, { order, payment: handoverPayment });
      } else {
        await recordOrderPaid(tx, { orderId: order.id, paidMinor: 0, paymentRef: order.paymentRef });
      }
      const creditBack = Math.max(0, order.storeCreditMinor + order.giftCardMinor - keptValue);
      if (creditBack > 0) {
        refundedMinor = (
          await refundOrder(tx, {
            orderId: order.id,
            amountMinor: creditBack,
            to: "store_credit",
            refType: "decline",
            refId: order.id,
          })
        ).refundedMinor;
      }
    } else if (declined.length) {
      const refund = await refundOrder(tx, {
        orderId: order.id,
        amountMinor: valueOfUnits(order, declined),
        to: "original",
        refType: "decline",
        refId: order.id,
      });
      refundedMinor = refund.refundedMinor;
    }
    if (declined.length) {
      await recordOrderEvent(tx, {
        orderId: order.id,
        type: "lines_declined",
        actor,
        status: "collected",
        data: { lines: declined.map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity })), refundedMinor },
      });
    }
    const store = await findLocation(tx, order.locationId);
    await queueMessage(tx, {
      to: order.email,
      template: "order_collected",
      subject: textsFor(order.locale).collectedSubject(order.number),
      body: textsFor(order.locale).collectedBody({
        name: order.name,
        orderNumber: order.number,
        store: store.name,
        currency: order.currency,
        refundedMinor,
      }),
      data: { orderNumber: order.number, declinedLineIds: declined.map((l) => l.id), refundedMinor },
    });
    await recordAudit(tx, actor, {
      action: "pickup.collect",
      entityType: "order",
      entityId: order.number,
      storeId: order.locationId,
      before: { status: order.status },
      after: {
        status: "collected",
        declinedLineIds: declined.map((l) => l.id),
        refundedMinor,
        ...(handoverPayment ? { payment: handoverPayment } : {}),
      },
    });
    return { ...(await orderDetailsById(tx, order.id)), handoverPayment: handoverPayment ?? null };
  });
  // The provider is asked once the collection is committed; the reconcile sweep retries if this fails.
  if (capture) await settlePaymentAttempt(db, capture);
  return details;
}
