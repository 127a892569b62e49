import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import { orderLines, orders, stockLevels, type Database, type OrderStatus, type Tx } from "@omni/db";

import { queueServiceSms, smsWhen, textsFor } from "../engagement";
import { endHolds } from "../inventory";
import { forbidden, notFound, notYourStore, queueMessage, recordAudit, worksIn, type Actor } from "../kernel";
import { openAuthorization, refundOrder, requestCapture, requestRelease, settlePaymentAttempt } from "../payments";
import { carrier, recordShipment, recordShipmentStatus, shipmentOfOrder } from "../shipping";
import { findLocation, storeExists } from "../stores";
import { cancelTransfersOfOrder } from "../transfers";
import { recordOrderPaid } from "./create-order";
import { lockOrder, transitionOrder, type OrderRow } from "./order-state-machine";
import { findOrderByNumber, orderDetailsById } from "./pickup-order-view";

/** What still needs a clerk's hands: the queue shows these unless a status is asked for. */
const OPEN_STATUSES: OrderStatus[] = ["placed", "picking", "ready_for_pickup", "shipped"];
/** A page of finished orders, when the queue is asked for history. */
const HISTORY_PAGE = 100;

/**
 * The work queue of one store: open orders, shoppers who asked for help at the kiosk first, then
 * those who checked in there (they are waiting at the counter), then the oldest orders first.
 */
export async function fulfillmentQueue(
  db: Database,
  actor: Actor,
  input: { storeId: string; status?: OrderStatus; limit?: number; offset?: number },
) {
  if (!worksIn(actor, input.storeId)) throw notYourStore();
  if (!(await storeExists(db, input.storeId)))
    throw notFound(`Store ${input.storeId}`, "store_not_found", { store: input.storeId });
  const open = !input.status || OPEN_STATUSES.includes(input.status);
  const query = db
    .select()
    .from(orders)
    .where(
      and(eq(orders.locationId, input.storeId), inArray(orders.status, input.status ? [input.status] : OPEN_STATUSES)),
    )
    // Finished orders are history: the newest matter most.
    .orderBy(
      ...(open
        ? [
            sql`${orders.helpRequestedAt} is null`,
            asc(orders.helpRequestedAt),
            sql`${orders.checkedInAt} is null`,
            asc(orders.checkedInAt),
            asc(orders.createdAt),
          ]
        : [desc(orders.createdAt), desc(orders.number)]),
    )
    .$dynamic();
  // The open queue is the store's work: every order of it is shown, never a silent first few hundred.
  // Finished orders are history, read a page at a time (`limit`, `offset`).
  const rows = open ? await query : await query.limit(input.limit ?? HISTORY_PAGE).offset(input.offset ?? 0);
  const ids = rows.map((o) => o.id);
  const lines = ids.length
    ? await db
        .select({
          orderId: orderLines.orderId,
          lineId: orderLines.id,
          sku: orderLines.sku,
          title: orderLines.title,
          titlePl: orderLines.titlePl,
          quantity: orderLines.quantity,
          unitPriceMinor: orderLines.unitPriceMinor,
          declinedQuantity: orderLines.declinedQuantity,
          aisle: stockLevels.aisle,
        })
        .from(orderLines)
        .leftJoin(stockLevels, and(eq(stockLevels.locationId, input.storeId), eq(stockLevels.sku, orderLines.sku)))
        .where(inArray(orderLines.orderId, ids))
        .orderBy(asc(orderLines.sku))
    : [];
  return rows.map((o) => ({
    orderNumber: o.number,
    status: o.status,
    fulfillmentType: o.fulfillmentType,
    channel: o.channel,
    customerName: o.name,
    email: o.email,
    phone: o.phone,
    checkedIn: o.checkedInAt !== null,
    checkedInAt: o.checkedInAt,
    /** The shopper asked for staff at the kiosk and nobody has answered yet. */
    helpRequestedAt: o.helpRequestedAt,
    readyAt: o.readyAt,
    pickupDeadline: o.pickupDeadline,
    createdAt: o.createdAt,
    totalMinor: o.totalMinor,
    currency: o.currency,
    paymentMethod: o.paymentMethod,
    /** Pay-in-store orders are paid at the counter on collection. */
    paid: o.paidMinor + o.storeCreditMinor + o.giftCardMinor >= o.totalMinor,
    lines: lines.filter((l) => l.orderId === o.id).map(({ orderId: _orderId, ...line }) => line),
  }));
}

/** Loads and locks an order for a member of staff, refusing those who do not work where it is fulfilled. */
export async function lockOrderForStaff(tx: Tx, actor: Actor, orderNumber: string): Promise<OrderRow> {
  const found = await findOrderByNumber(tx, orderNumber);
  if (!worksIn(actor, found.locationId))
    throw forbidden(`Order ${found.number} is handled by another store.`, {
      reason: "order_other_store",
      order: found.number,
    });
  return lockOrder(tx, found.id);
}

/** A clerk starts picking a click-and-collect order, or puts it on the shelf ready for the shopper. */
export async function advanceOrder(
  db: Database,
  actor: Actor,
  input: { orderNumber: string; to: "picking" | "ready_for_pickup" },
) {
  return db.transaction(async (tx) => {
    const order = await lockOrderForStaff(tx, actor, input.orderNumber);
    const updated = await transitionOrder(tx, { orderId: order.id, to: input.to, actor });
    if (input.to === "ready_for_pickup") {
      const store = await findLocation(tx, order.locationId);
      const deadline = updated.pickupDeadline!.toISOString().slice(0, 10);
      await queueMessage(tx, {
        to: order.email,
        template: "order_ready_for_pickup",
        subject: textsFor(order.locale).readySubject(order.number),
        body: textsFor(order.locale).readyBody({
          name: order.name,
          orderNumber: order.number,
          store: store.name,
          address: `${store.address}, ${store.city}`,
          point: store.pickupPoint,
          code: order.pickupCode ?? "",
          until: deadline,
        }),
        // The code travels in the data so that the e-mail can render it as a QR code.
        data: {
          orderNumber: order.number,
          pickupCode: order.pickupCode,
          storeId: store.id,
          storeName: store.name,
          pickupPoint: store.pickupPoint,
          pickupDeadline: updated.pickupDeadline!.toISOString(),
        },
      });
      await queueServiceSms(tx, {
        phone: order.phone,
        email: order.email,
        template: "order_ready_for_pickup",
        body: textsFor(order.locale).readySms({
          orderNumber: order.number,
          store: store.name,
          code: order.pickupCode ?? "",
          until: smsWhen(updated.pickupDeadline!, store.timezone),
        }),
        // The code rides in the data as in the e-mail, so that the staff view masks it.
        data: { orderNumber: order.number, storeId: store.id, pickupCode: order.pickupCode },
      });
    }
    await recordAudit(tx, actor, {
      action: "fulfillment.advance",
      entityType: "order",
      entityId: order.number,
      storeId: order.locationId,
      before: { status: order.status },
      after: { status: updated.status },
    });
    return orderDetailsById(tx, order.id);
  });
}

/** A delivery order leaves the warehouse: its held units leave the shelf. */
export async function shipOrder(db: Database, actor: Actor, input: { orderNumber: string; trackingNumber?: string }) {
  const found = await findOrderByNumber(db, input.orderNumber);
  if (!worksIn(actor, found.locationId))
    throw forbidden(`Order ${found.number} is handled by another store.`, {
      reason: "order_other_store",
      order: found.number,
    });
  // The carrier is asked before the transaction, keyed by the order: asking twice gives the same parcel.
  const service = found.deliveryMethod === "locker" ? "locker" : "courier";
  const parcel =
    found.fulfillmentType === "delivery" && !input.trackingNumber
      ? await carrier().createShipment({ idempotencyKey: found.id, service, size: "A", reference: found.number })
      : null;
  const trackingNumber = input.trackingNumber ?? parcel?.trackingNumber;
  let capture: string | undefined;
  const details = await db.transaction(async (tx) => {
    const order = await lockOrderForStaff(tx, actor, input.orderNumber);
    await transitionOrder(tx, {
      orderId: order.id,
      to: "shipped",
      actor,
      data: trackingNumber ? { trackingNumber } : undefined,
    });
    if (trackingNumber && order.fulfillmentType === "delivery")
      await recordShipment(tx, {
        orderId: order.id,
        carrier: parcel ? carrier().id : "manual",
        service,
        trackingNumber,
        at: new Date(),
      });
    await endHolds(tx, {
      ownerId: order.id,
      mode: "consume",
      reason: "order_fulfilled",
      actor,
      note: `Shipped ${order.number}`,
    });
    // The goods left: the authorisation is captured in full.
    const authorization = await openAuthorization(tx, order.id);
    if (authorization?.status === "authorized")
      capture = await requestCapture(tx, authorization, authorization.amountMinor);
    await recordAudit(tx, actor, {
      action: "fulfillment.ship",
      entityType: "order",
      entityId: order.number,
      storeId: order.locationId,
      before: { status: order.status },
      after: { status: "shipped", trackingNumber: trackingNumber ?? null },
    });
    return orderDetailsById(tx, order.id);
  });
  if (capture) await settlePaymentAttempt(db, capture);
  return details;
}

export async function deliverOrder(db: Database, actor: Actor, input: { orderNumber: string }) {
  return db.transaction(async (tx) => {
    const order = await lockOrderForStaff(tx, actor, input.orderNumber);
    await transitionOrder(tx, { orderId: order.id, to: "delivered", actor });
    // Staff confirm a delivery the carrier has not reported yet: the parcel's tracking says so too.
    const shipment = await shipmentOfOrder(tx, order.id);
    if (shipment && shipment.status !== "delivered") await recordShipmentStatus(tx, shipment, "delivered", new Date());
    await recordAudit(tx, actor, {
      action: "fulfillment.deliver",
      entityType: "order",
      entityId: order.number,
      storeId: order.locationId,
      before: { status: order.status },
      after: { status: "delivered" },
    });
    return orderDetailsById(tx, order.id);
  });
}

/**
 * Ends an order that will not be fulfilled: its stock goes back on the shelf and everything paid is
 * refunded. Shared by a clerk's cancel and the pickup expiry sweep.
 */
export async function closeUnfulfilledOrder(
  tx: Tx,
  input: { order: OrderRow; to: "cancelled" | "expired"; actor: Actor; reason: string; at?: Date },
): Promise<{ refundedMinor: number; creditCode?: string; releaseAttemptId?: string }> {
  const { order } = input;
  // Money only authorised is released, not refunded: nothing was taken, so only store credit comes back.
  const authorization = await openAuthorization(tx, order.id);
  let releaseAttemptId: string | undefined;
  let paidMinor = order.paidMinor;
  if (authorization) {
    releaseAttemptId = await requestRelease(tx, authorization);
    paidMinor = 0;
    await recordOrderPaid(tx, { orderId: order.id, paidMinor: 0, paymentRef: order.paymentRef });
  }
  await transitionOrder(tx, {
    orderId: order.id,
    to: input.to,
    actor: input.actor,
    data: { reason: input.reason },
    at: input.at,
  });
  // Goods not yet sent for a ship-to-store order stay where they are.
  await cancelTransfersOfOrder(
    tx,
    input.actor,
    order.id,
    `${input.to === "expired" ? "Expired" : "Cancelled"} ${order.number}`,
  );
  await endHolds(tx, {
    ownerId: order.id,
    mode: "release",
    reason: "order_release",
    actor: input.actor,
    note: `${input.to === "expired" ? "Expired" : "Cancelled"} ${order.number}`,
  });
  const refund = await refundOrder(tx, {
    orderId: order.id,
    amountMinor: paidMinor + order.storeCreditMinor + order.giftCardMinor,
    to: "original",
    refType: input.to === "expired" ? "expiry" : "cancel",
    refId: order.id,
  });
  const t = textsFor(order.locale);
  const closed = {
    name: order.name,
    orderNumber: order.number,
    currency: order.currency,
    refundedMinor: refund.refundedMinor,
    creditCode: refund.creditCode ?? null,
  };
  await queueMessage(tx, {
    to: order.email,
    template: input.to === "expired" ? "order_expired" : "order_cancelled",
    subject: input.to === "expired" ? t.expiredSubject(order.number) : t.cancelledSubject(order.number),
    body: input.to === "expired" ? t.expiredBody(closed) : t.cancelledBody({ ...closed, reason: input.reason }),
    data: {
      orderNumber: order.number,
      refundedMinor: refund.refundedMinor,
      currency: order.currency,
      creditCode: refund.creditCode ?? null,
    },
  });
  return { ...refund, releaseAttemptId };
}

export async function staffCancelOrder(db: Database, actor: Actor, input: { orderNumber: string; reason: string }) {
  let release: string | undefined;
  const answer = await db.transaction(async (tx) => {
    const order = await lockOrderForStaff(tx, actor, input.orderNumber);
    const refund = await closeUnfulfilledOrder(tx, { order, to: "cancelled", actor, reason: input.reason });
    release = refund.releaseAttemptId;
    await recordAudit(tx, actor, {
      action: "fulfillment.cancel",
      entityType: "order",
      entityId: order.number,
      storeId: order.locationId,
      before: { status: order.status },
      after: { status: "cancelled", reason: input.reason, refundedMinor: refund.refundedMinor },
    });
    return { ...(await orderDetailsById(tx, order.id)), refundedMinor: refund.refundedMinor };
  });
  if (release) await settlePaymentAttempt(db, release);
  return answer;
}

/** The parcel label of a shipped delivery, from the carrier that made it, for staff to print. */
export async function shipmentLabel(db: Database, actor: Actor, input: { orderNumber: string }) {
  const order = await findOrderByNumber(db, input.orderNumber);
  if (!worksIn(actor, order.locationId))
    throw forbidden(`Order ${order.number} is handled by another store.`, {
      reason: "order_other_store",
      order: order.number,
    });
  const shipment = await shipmentOfOrder(db, order.id);
  if (!shipment) throw notFound(`A parcel for order ${order.number}`, "parcel_not_found", { order: order.number });
  const to = [
    order.name,
    ...(order.address ? [order.address.line1, `${order.address.postalCode} ${order.address.city}`] : []),
    ...(order.phone ? [order.phone] : []),
  ];
  const pdf = await carrier().label({
    trackingNumber: shipment.trackingNumber,
    service: shipment.service,
    to,
    reference: order.number,
  });
  return { fileName: `label-${shipment.trackingNumber}.pdf`, trackingNumber: shipment.trackingNumber, pdf };
}
