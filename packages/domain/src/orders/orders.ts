import { asc, desc, eq, inArray, sql } from "drizzle-orm";

import { normalizeOrderNumber, taxBreakdown } from "@omni/core";
import { locations, orderEvents, orderLines, orders, products, variants, type Database, type DbOrTx } from "@omni/db";

import { badRequest, notFound, withCodeLimit, worksIn, type Actor } from "../kernel";
import { attemptsOfOrder } from "../payments";
import { shipmentOfOrder, trackingUrl } from "../shipping";
import { findLocation } from "../stores";

type OrderRow = typeof orders.$inferSelect;

/**
 * Who may see an order: whoever gives its number with its e-mail address, its signed-in owner, and
 * staff of the store that fulfils it. Everyone else is told it does not exist.
 */
function maySee(actor: Actor, order: OrderRow, email: string | undefined): boolean {
  if (email) return order.email === email.trim().toLowerCase();
  if (actor.userId && order.userId === actor.userId) return true;
  return worksIn(actor, order.locationId);
}

/** The order page of every channel: the contract's `orders.get` plus what the page shows. */
export async function orderDetails(db: DbOrTx, order: OrderRow) {
  const lines = await db
    .select({
      lineId: orderLines.id,
      sku: orderLines.sku,
      title: orderLines.title,
      titlePl: orderLines.titlePl,
      quantity: orderLines.quantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      vatRate: orderLines.vatRate,
      declinedQuantity: orderLines.declinedQuantity,
      variantTitle: variants.title,
      productTitle: products.title,
      slug: products.slug,
      imageHue: products.imageHue,
    })
    .from(orderLines)
    .leftJoin(variants, eq(variants.sku, orderLines.sku))
    .leftJoin(products, eq(products.id, variants.productId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.sku), asc(orderLines.id));
  const events = await db
    .select({
      type: orderEvents.type,
      at: orderEvents.at,
      channel: orderEvents.channel,
      fromStatus: orderEvents.fromStatus,
      toStatus: orderEvents.toStatus,
    })
    .from(orderEvents)
    .where(eq(orderEvents.orderId, order.id))
    .orderBy(asc(orderEvents.id));
  const location = await findLocation(db, order.locationId);
  const pickup = order.fulfillmentType === "pickup";
  const shipment = await shipmentOfOrder(db, order.id);
  const [attempt] = (await attemptsOfOrder(db, order.id)).slice(-1);
  return {
    orderNumber: order.number,
    channel: order.channel,
    status: order.status,
    fulfillment: pickup
      ? { type: "pickup" as const, storeId: order.locationId }
      : order.deliveryMethod === "locker"
        ? { type: "locker" as const, lockerId: order.lockerId ?? undefined, address: order.address ?? undefined }
        : { type: "delivery" as const, method: "courier" as const, address: order.address ?? undefined },
    store: pickup
      ? {
          id: location.id,
          name: location.name,
          city: location.city,
          address: location.address,
          postalCode: location.postalCode,
          phone: location.phone,
          openingHours: location.openingHours,
          pickupPoint: location.pickupPoint,
        }
      : null,
    pickupCode: order.pickupCode ?? undefined,
    name: order.name,
    email: order.email,
    phone: order.phone,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor,
    /** VAT included in the total, per rate: net plus VAT of all rates is exactly the total. */
    taxes: taxBreakdown({
      lines,
      goodsMinor: order.totalMinor - order.shippingMinor,
      shippingMinor: order.shippingMinor,
    }),
    invoice: order.invoice ?? null,
    storeCreditMinor: order.storeCreditMinor,
    /** Paid with gift cards (part of totalMinor). */
    giftCardMinor: order.giftCardMinor,
    /** Loyalty points spent on the goods and what they paid (part of totalMinor). */
    pointsRedeemed: order.pointsRedeemed,
    pointsMinor: order.pointsMinor,
    paymentMethod: order.paymentMethod,
    paymentStatus: attempt?.status ?? (order.paymentMethod === "pay_in_store" ? "due_in_store" : "paid"),
    paymentRedirectUrl: attempt?.status === "pending" ? (attempt.redirectUrl ?? null) : null,
    shipment: shipment
      ? {
          carrier: shipment.carrier,
          service: shipment.service,
          trackingNumber: shipment.trackingNumber,
          trackingUrl: trackingUrl(shipment.trackingNumber),
          status: shipment.status,
          events: shipment.events,
        }
      : null,
    paidMinor: order.paidMinor,
    createdAt: order.createdAt,
    checkedInAt: order.checkedInAt,
    readyAt: order.readyAt,
    /** The promised pickup time of a ship-to-store order. */
    readyBy: order.readyBy ?? undefined,
    pickupDeadline: order.pickupDeadline,
    completedAt: order.completedAt,
    lines: lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      title: l.title,
      titlePl: l.titlePl,
      productTitle: l.productTitle ?? l.title,
      variantTitle: l.variantTitle ?? "",
      slug: l.slug ?? null,
      imageHue: l.imageHue ?? 200,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      vatRate: l.vatRate,
      totalMinor: l.unitPriceMinor * l.quantity,
      declinedQuantity: l.declinedQuantity,
    })),
    events,
  };
}

export type OrderDetails = Awaited<ReturnType<typeof orderDetails>>;

/**
 * The contract's `orders.get`. A number with a wrong e-mail is NOT_FOUND, exactly like an unknown
 * number, and both count as wrong codes for the caller's rate limit.
 */
export async function getOrder(
  db: Database,
  actor: Actor,
  input: { orderNumber: string; email?: string },
): Promise<OrderDetails> {
  if (!input.email && !actor.userId && !actor.apiKeyId)
    throw badRequest("Enter the e-mail address you used for the order.", { reason: "email_required", field: "email" });
  return withCodeLimit(db, actor, async () => {
    const number = normalizeOrderNumber(input.orderNumber);
    // Order numbers are letters, digits and dashes: anything else matches nothing (and never reaches SQL).
    const [order] = /^[A-Z0-9-]{1,64}$/.test(number)
      ? await db.select().from(orders).where(eq(orders.number, number))
      : [];
    if (!order || !maySee(actor, order, input.email))
      throw notFound(`Order ${number.slice(0, 64)}`, "order_not_found", { order: number.slice(0, 64) });
    return orderDetails(db, order);
  });
}

/** `orders.list`: the signed-in shopper's orders from every channel, newest first. */
export async function listMyOrders(
  db: Database,
  actor: Actor & { userId: string },
  input: { limit?: number; before?: Date } = {},
) {
  const rows = await db
    .select({ order: orders, storeName: locations.name })
    .from(orders)
    .innerJoin(locations, eq(locations.id, orders.locationId))
    .where(
      sql`${orders.userId} = ${actor.userId} ${input.before ? sql`and ${orders.createdAt} < ${input.before}` : sql``}`,
    )
    .orderBy(desc(orders.createdAt), desc(orders.number))
    .limit(input.limit ?? 20);
  const ids = rows.map((r) => r.order.id);
  const lines = ids.length
    ? await db
        .select({
          orderId: orderLines.orderId,
          sku: orderLines.sku,
          title: orderLines.title,
          titlePl: orderLines.titlePl,
          quantity: orderLines.quantity,
        })
        .from(orderLines)
        .where(inArray(orderLines.orderId, ids))
        .orderBy(asc(orderLines.sku))
    : [];
  return rows.map(({ order, storeName }) => {
    const own = lines.filter((l) => l.orderId === order.id);
    return {
      orderNumber: order.number,
      channel: order.channel,
      status: order.status,
      fulfillment: {
        type: order.fulfillmentType,
        storeId: order.fulfillmentType === "pickup" ? order.locationId : undefined,
      },
      storeName: order.fulfillmentType === "pickup" ? storeName : null,
      totalMinor: order.totalMinor,
      currency: order.currency,
      createdAt: order.createdAt,
      itemCount: own.reduce((n, l) => n + l.quantity, 0),
      lines: own.map(({ sku, title, titlePl, quantity }) => ({ sku, title, titlePl, quantity })),
    };
  });
}
