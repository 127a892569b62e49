import { randomUUID } from "node:crypto";

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
  // The id is made here, so that the lines and the first events need not wait for the order's answer.
  const id = randomUUID();
  const status = input.soldAtCounter ? "collected" : "placed";
  const insertOrder = async () => {
    const [written] = await tx
      .insert(orders)
      .values({
        ...input.order,
        id,
        // Numbered by the insert itself: no round trip of its own.
        number: nextOrderNumberSql,
        status,
        completedAt: input.soldAtCounter ? at : null,
      })
      .returning();
    if (!written) throw new Error("The order row was not written.");
    return written;
  };
  const insertLines = async (polish: Map<string, string | null>) => {
    await tx
      .insert(orderLines)
      .values(input.lines.map((line) => ({ ...line, titlePl: polish.get(line.sku) ?? null, orderId: id })));
  };
  // Both languages are kept with the line: the shopper's order page and messages read it in theirs, a clerk in
  // theirs. Titles the caller did not give are read while the order is written; then the lines and the events.
  if (input.lines.some((l) => l.titlePl === undefined)) {
    const [order, polish] = await Promise.all([
      insertOrder(),
      polishLineTitles(
        tx,
        input.lines.map((l) => l.sku),
      ),
    ]);
    await Promise.all([insertLines(polish), recordOrderStart(tx, { order, actor, data: input.data, at })]);
    return order;
  }
  // The order, its lines and its first events in one round trip (pipelined on the transaction's connection, which
  // runs them in the order they are started here: the order's row comes first). An order refused (a key used
  // twice) is the first answer to fail, so its error is the one reported.
  const polish = new Map(input.lines.map((l) => [l.sku, l.titlePl ?? null]));
  const [order] = await Promise.all([
    insertOrder(),
    insertLines(polish),
    recordOrderStart(tx, { order: { id, status }, actor, data: input.data, at }),
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
