import { eq } from "drizzle-orm";

import { orderEvents, orderLines, orders, type Tx } from "@omni/db";

import { polishLineTitles } from "../catalog";
import { nextOrderNumberSql, type Actor } from "../kernel";
import { recordOrderStart, type OrderRow } from "./order-state-machine";

type NewOrder = Omit<typeof orders.$inferInsert, "id" | "number" | "status" | "createdAt" | "completedAt">;
type NewOrderLine = {
  sku: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  vatRate?: number;
  /** Its Polish title (`polishLineTitle`), when the caller has read what it is made of; else read here. */
  titlePl?: string | null;
};

/**
 * The one way an order comes to be, in every channel: its number, its lines and its first events.
 * A sale at a counter (`soldAtCounter`) is born collected and complete: the goods leave with the shopper.
 * Stock, payment and messages stay with the caller, which knows why the order exists.
 */
export async function createOrder(
  tx: Tx,
  actor: Actor,
  input: {
    order: NewOrder;
    lines: NewOrderLine[];
    soldAtCounter?: boolean;
    data?: Record<string, unknown>;
    at?: Date;
  },
): Promise<OrderRow> {
  const at = input.at ?? new Date();
  // Both languages are kept with the line: the shopper's order page and messages read it in theirs, a clerk in
  // theirs. The titles need not the order: read while the order is written (pipelined on the connection).
  const titling = input.lines.every((l) => l.titlePl !== undefined)
    ? Promise.resolve(new Map(input.lines.map((l) => [l.sku, l.titlePl ?? null])))
    : polishLineTitles(
        tx,
        input.lines.map((l) => l.sku),
      );
  titling.catch(() => {});
  const [order] = await tx
    .insert(orders)
    .values({
      ...input.order,
      // Numbered by the insert itself: no round trip of its own.
      number: nextOrderNumberSql,
      status: input.soldAtCounter ? "collected" : "placed",
      completedAt: input.soldAtCounter ? at : null,
    })
    .returning();
  if (!order) throw new Error("The order row was not written.");
  const polish = await titling;
  // The lines and the first events need only the order: sent together (pipelined on the transaction's connection).
  await Promise.all([
    tx
      .insert(orderLines)
      .values(input.lines.map((line) => ({ ...line, titlePl: polish.get(line.sku) ?? null, orderId: order.id }))),
    recordOrderStart(tx, { order, actor, data: input.data, at }),
  ]);
  return order;
}

/** What the shopper paid when the order was placed, and the provider's reference for refunds. */
export async function recordOrderPaid(
  tx: Tx,
  input: { orderId: string; paidMinor: number; paymentRef: string | null },
): Promise<OrderRow> {
  const [order] = await tx
    .update(orders)
    .set({ paidMinor: input.paidMinor, paymentRef: input.paymentRef })
    .where(eq(orders.id, input.orderId))
    .returning();
  if (!order) throw new Error("The order row was not updated.");
  return order;
}

/**
 * A checkout whose payment was declined leaves no order: the caller has released its holds and
 * store credit; this removes the order, its lines and its timeline (its attempts go with it).
 */
export async function discardUnpaidOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.delete(orderEvents).where(eq(orderEvents.orderId, orderId));
  await tx.delete(orderLines).where(eq(orderLines.orderId, orderId));
  await tx.delete(orders).where(eq(orders.id, orderId));
}
