import { eq } from "drizzle-orm";

import type { HandoverPayment } from "@omni/core";
import { orderLines, orders, returnLines, type Database } from "@omni/db";

import { emitWebhookEvent } from "../integrations";
import { adjustOnHand, lockStockRows } from "../inventory";
import { badRequest, conflict, notYourStore, recordAudit, worksIn, type Actor } from "../kernel";
import { settleReturnPoints } from "../loyalty";
import { recordCounterPayment, takeCounterPayment, type PaymentTaken } from "../orders";
import { refundOrder } from "../payments";
import { findLocation } from "../stores";
import { issueExchange } from "./return-exchange";
import { findReturnByNumber } from "./return-lookup";
import { sendRefundIssued, sendReturnReceived } from "./return-messages";
import { moveReturn, refusalFor } from "./return-state-machine";

export type ReceivedCondition = "resellable" | "damaged";

/**
 * `returns.receive`: a clerk takes the goods of a return at the counter of any store that takes
 * returns (or the warehouse, for mail returns). Resellable units go onto THAT store's shelf; damaged
 * ones are booked in and written off, so both leave a movement. The refund is issued at once.
 * The return row is locked first: when two clerks scan the same slip, one receives it and the
 * other gets CONFLICT, and the refund is issued once. An exchange for a dearer item received at a store's
 * counter takes the difference there (card, or cash with change), recorded as a payment of the replacement order.
 */
export async function receiveReturn(
  db: Database,
  actor: Actor,
  input: {
    returnNumber: string;
    storeId: string;
    lines: { lineId: string; condition: ReceivedCondition }[];
    payment?: HandoverPayment;
  },
) {
  if (!worksIn(actor, input.storeId)) throw notYourStore();
  return db.transaction(async (tx) => {
    const ret = await findReturnByNumber(tx, input.returnNumber, { lock: true });
    if (ret.status !== "requested")
      throw conflict(refusalFor(ret.status, "received"), {
        reason: "return_cannot_move",
        to: "received",
        status: ret.status,
      });

    const store = await findLocation(tx, input.storeId);
    if (!store.returns && !(store.type === "warehouse" && ret.method === "mail")) {
      throw badRequest(`${store.name} does not take returns.`, { reason: "store_no_returns", store: store.name });
    }
    // The difference of a dearer exchange is paid before anything moves; by mail the warehouse takes no money.
    const atCounter = store.type === "store";
    const difference: PaymentTaken | null =
      ret.exchange?.length && ret.amountDueMinor > 0 && atCounter
        ? takeCounterPayment(`Return ${ret.number}`, ret.amountDueMinor, input.payment, "exchange_payment_required")
        : null;

    const lines = await tx
      .select({
        id: returnLines.id,
        lineId: returnLines.orderLineId,
        quantity: returnLines.quantity,
        sku: orderLines.sku,
        title: orderLines.title,
        titlePl: orderLines.titlePl,
      })
      .from(returnLines)
      .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
      .where(eq(returnLines.returnId, ret.id));
    const conditions = new Map<string, ReceivedCondition>();
    for (const given of input.lines) {
      if (!lines.some((l) => l.lineId === given.lineId))
        throw badRequest(`That item is not part of return ${ret.number}.`, {
          reason: "return_line_unknown",
          returnNumber: ret.number,
          lineId: given.lineId,
        });
      if (conditions.has(given.lineId))
        throw badRequest("Give the condition of each item once.", { reason: "return_condition_repeated" });
      conditions.set(given.lineId, given.condition);
    }
    const missing = lines.filter((l) => !conditions.has(l.lineId));
    if (missing.length) {
      throw badRequest(`Say whether each item is resellable or damaged: ${missing.map((l) => l.title).join(", ")}.`, {
        reason: "return_condition_missing",
        items: missing.map((l) => l.title).join(", "),
      });
    }

    // Every SKU's row at this store is locked in the global order first (a return's lines come in the
    // order the shopper listed them, which another transaction may meet the other way round).
    await lockStockRows(
      tx,
      lines.map((l) => ({ locationId: store.id, sku: l.sku })),
    );
    for (const line of lines) {
      const condition = conditions.get(line.lineId)!;
      await tx.update(returnLines).set({ condition }).where(eq(returnLines.id, line.id));
      const ref = { refType: "return", refId: ret.number, actor, locationId: store.id, sku: line.sku };
      await adjustOnHand(tx, {
        ...ref,
        delta: line.quantity,
        reason: "return_restock",
        note: `Return ${ret.number}: ${condition}`,
      });
      if (condition === "damaged") {
        // Booked in and written off at once, so the ledger shows the damaged units arrived and where they went.
        await adjustOnHand(tx, {
          ...ref,
          delta: -line.quantity,
          reason: "return_writeoff",
          note: `Return ${ret.number}: damaged, written off`,
        });
      }
    }

    const receivedAt = new Date();
    await moveReturn(tx, {
      returnId: ret.id,
      from: "requested",
      to: "received",
      actor,
      set: { receivedStoreId: store.id, receivedAt },
    });
    // At a store's counter, money paid at a till can go back over the till; a mail return at the warehouse cannot.
    const refund = await refundOrder(tx, {
      orderId: ret.orderId,
      amountMinor: ret.refundMinor,
      to: ret.refundTo,
      refType: "return",
      refId: ret.id,
      atCounter: store.type === "store",
    });
    const [original] = await tx.select().from(orders).where(eq(orders.id, ret.orderId));
    const exchangeOrder = await issueExchange(tx, actor, {
      ret,
      original: original!,
      storeId: store.id,
      atCounter,
    });
    if (exchangeOrder && difference)
      await recordCounterPayment(tx, actor, { order: exchangeOrder, payment: difference });
    const points = await settleReturnPoints(tx, actor, {
      orderId: ret.orderId,
      returnId: ret.id,
      pointsBack: ret.pointsBack,
      goodsWorthMinor: ret.goodsWorthMinor,
    });
    await moveReturn(tx, {
      returnId: ret.id,
      from: "received",
      to: "refunded",
      actor,
      set: { refundedAt: new Date(), refundMinor: refund.refundedMinor },
    });

    const [order] = await tx
      .select({ currency: orders.currency, number: orders.number })
      .from(orders)
      .where(eq(orders.id, ret.orderId));
    await sendReturnReceived(tx, {
      to: ret.email,
      returnNumber: ret.number,
      storeName: store.name,
      lines: lines.map((l) => ({
        sku: l.sku,
        title: l.title,
        titlePl: l.titlePl,
        quantity: l.quantity,
        condition: conditions.get(l.lineId)!,
      })),
    });
    if (refund.refundedMinor > 0) {
      await sendRefundIssued(tx, {
        to: ret.email,
        returnNumber: ret.number,
        currency: order!.currency,
        refundTo: ret.refundTo,
        refund,
        storeName: store.name,
      });
    }
    await emitWebhookEvent(tx, "return.received", {
      returnNumber: ret.number,
      orderNumber: order!.number,
      storeId: store.id,
      status: "refunded",
      refundMinor: refund.refundedMinor,
      currency: order!.currency,
      lines: lines.map((l) => ({ sku: l.sku, quantity: l.quantity, condition: conditions.get(l.lineId) })),
    });
    await recordAudit(tx, actor, {
      action: "returns.receive",
      entityType: "return",
      entityId: ret.number,
      storeId: store.id,
      before: { status: ret.status },
      after: {
        status: "refunded",
        orderNumber: order!.number,
        refundMinor: refund.refundedMinor,
        toCardMinor: refund.toCardMinor,
        toTillMinor: refund.toTillMinor,
        toCreditMinor: refund.toCreditMinor,
        toGiftCardMinor: refund.toGiftCardMinor,
        ...(difference ? { exchangeOrderNumber: exchangeOrder?.number, differencePaid: difference } : {}),
        lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, condition: conditions.get(l.lineId) })),
      },
    });
    return {
      returnNumber: ret.number,
      status: "refunded" as const,
      refundMinor: refund.refundedMinor,
      currency: order!.currency,
      toCardMinor: refund.toCardMinor,
      /** Cash (or the till's card terminal) the clerk hands back now: the order was paid in the store. */
      toTillMinor: refund.toTillMinor,
      toCreditMinor: refund.toCreditMinor,
      toGiftCardMinor: refund.toGiftCardMinor,
      creditCode: refund.creditCode,
      pointsRestored: points.restored,
      exchangeOrderNumber: exchangeOrder?.number,
      amountDueMinor: ret.exchange ? ret.amountDueMinor : undefined,
      /** The difference of a dearer exchange as taken at the counter (cash with change, or card). */
      differencePayment: difference,
      pointsReversed: points.reversed,
    };
  });
}
