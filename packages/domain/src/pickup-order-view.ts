import { asc, eq } from "drizzle-orm";
import { orderEvents, orderLines, orders, type DbOrTx } from "@omni/db";
import { normalizeCode } from "./codes";
import { DomainError, notFound } from "./errors";
import type { OrderRow } from "./order-state-machine";

/**
 * An order as staff and shoppers see it after it was placed: the shape of `orders.get`, plus what
 * the counter needs (customer, pickup times, declined units).
 */
export async function staffOrderView(db: DbOrTx, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("The order");
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(asc(orderLines.sku), asc(orderLines.id));
  const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(asc(orderEvents.id));
  return {
    orderNumber: order.number,
    channel: order.channel,
    status: order.status,
    fulfillment: { type: order.fulfillmentType, storeId: order.fulfillmentType === "pickup" ? order.locationId : undefined },
    locationId: order.locationId,
    pickupCode: order.pickupCode ?? undefined,
    customerName: order.name,
    email: order.email,
    phone: order.phone,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    discountMinor: order.discountMinor,
    totalMinor: order.totalMinor,
    paymentMethod: order.paymentMethod,
    paidMinor: order.paidMinor,
    checkedInAt: order.checkedInAt,
    readyAt: order.readyAt,
    pickupDeadline: order.pickupDeadline,
    completedAt: order.completedAt,
    createdAt: order.createdAt,
    lines: lines.map((l) => ({
      lineId: l.id,
      sku: l.sku,
      title: l.title,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      declinedQuantity: l.declinedQuantity,
    })),
    events: events.map((e) => ({ type: e.type, at: e.at, channel: e.channel, fromStatus: e.fromStatus, toStatus: e.toStatus })),
  };
}

export type StaffOrderView = Awaited<ReturnType<typeof staffOrderView>>;

export async function findOrderByNumber(db: DbOrTx, orderNumber: string): Promise<OrderRow> {
  const [order] = await db.select().from(orders).where(eq(orders.number, orderNumber.trim().toUpperCase()));
  if (!order) throw notFound(`Order ${orderNumber}`);
  return order;
}

/** The pickup order behind a code as typed or scanned; anything that matches nothing is NOT_FOUND. */
export async function findOrderByPickupCode(db: DbOrTx, code: string): Promise<OrderRow> {
  const normalized = normalizeCode(code);
  const [order] = normalized ? await db.select().from(orders).where(eq(orders.pickupCode, normalized)) : [];
  if (!order) throw new DomainError("NOT_FOUND", "No order has this pickup code. Check the code and try again.");
  return order;
}

/** The share of the order's total that a set of lines stands for, after order-wide discounts. */
export function valueOfUnits(order: Pick<OrderRow, "subtotalMinor" | "totalMinor">, units: { quantity: number; unitPriceMinor: number }[]): number {
  const gross = units.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
  if (order.subtotalMinor <= 0) return 0;
  return Math.round((gross * order.totalMinor) / order.subtotalMinor);
}
