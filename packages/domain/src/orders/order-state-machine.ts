import { eq, sql } from "drizzle-orm";

import { isOrderDone } from "@omni/core";
import { orderEvents, orders, type OrderStatus, type Tx } from "@omni/db";

import { emitWebhookEvent } from "../integrations";
import { conflict, notFound, type Actor } from "../kernel";
import { earnForOrder, restoreRedeemedPoints } from "../loyalty";
import { findLocation } from "../stores";
import { openTransfersOfOrder } from "../transfers";

/**
 * The one order state machine. Every change of an order's status goes through `transitionOrder`,
 * which locks the order row, checks the move against this table and writes the timeline event in
 * the caller's transaction.
 */
export type OrderFulfillmentType = "pickup" | "delivery";

export const orderTransitions: Record<OrderFulfillmentType, Partial<Record<OrderStatus, readonly OrderStatus[]>>> = {
  pickup: {
    // A ship-to-store order may expire before it is ready when its goods never come.
    // An unpaid (pay-in-store) order expires at its deadline whether or not the store got to it.
    placed: ["picking", "cancelled", "expired"],
    picking: ["ready_for_pickup", "cancelled", "expired"],
    ready_for_pickup: ["collected", "cancelled", "expired"],
  },
  delivery: {
    placed: ["shipped", "cancelled"],
    shipped: ["delivered"],
  },
};

export function canTransition(type: OrderFulfillmentType, from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[type][from]?.includes(to) ?? false;
}

const statusWords: Record<OrderStatus, string> = {
  placed: "placed",
  picking: "being picked",
  ready_for_pickup: "ready for pickup",
  collected: "collected",
  shipped: "shipped",
  delivered: "delivered",
  cancelled: "cancelled",
  expired: "expired",
};

const verbs: Record<OrderStatus, string> = {
  placed: "placed",
  picking: "start picking",
  ready_for_pickup: "mark as ready for pickup",
  collected: "hand over",
  shipped: "ship",
  delivered: "mark as delivered",
  cancelled: "cancel",
  expired: "expire",
};

function refusal(
  order: { number: string; status: OrderStatus; fulfillmentType: OrderFulfillmentType },
  to: OrderStatus,
): string {
  if (order.status === to) return `Order ${order.number} is already ${statusWords[to]}.`;
  const kind = order.fulfillmentType === "pickup" ? "a click-and-collect order" : "a delivery order";
  return `Cannot ${verbs[to]} order ${order.number}: it is ${kind} that is ${statusWords[order.status]}.`;
}

export type OrderRow = typeof orders.$inferSelect;

/** Locks an order row for the rest of the transaction. */
export async function lockOrder(tx: Tx, orderId: string): Promise<OrderRow> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  if (!order) throw notFound("The order", "order_not_found");
  return order;
}

/** A timeline entry that does not change the status (a check-in, a declined line). */
export async function recordOrderEvent(
  tx: Tx,
  input: {
    orderId: string;
    type: string;
    actor: Actor;
    data?: Record<string, unknown>;
    status?: OrderStatus;
    at?: Date;
  },
): Promise<void> {
  await tx.insert(orderEvents).values({
    orderId: input.orderId,
    type: input.type,
    fromStatus: input.status ?? null,
    toStatus: input.status ?? null,
    channel: input.actor.channel,
    actorUserId: input.actor.userId ?? null,
    actorDeviceId: input.actor.deviceId ?? null,
    data: input.data ?? null,
    at: input.at ?? new Date(),
  });
}

/**
 * The first events of a new order (only `createOrder` calls this): placed, and for a sale at a counter
 * also collected at once, a move no later change may make without picking.
 */
export async function recordOrderStart(
  tx: Tx,
  input: { order: Pick<OrderRow, "id" | "status">; actor: Actor; data?: Record<string, unknown>; at: Date },
): Promise<void> {
  const who = {
    orderId: input.order.id,
    channel: input.actor.channel,
    actorUserId: input.actor.userId ?? null,
    actorDeviceId: input.actor.deviceId ?? null,
    data: input.data ?? null,
    at: input.at,
  };
  await tx
    .insert(orderEvents)
    .values([
      { ...who, type: "placed", fromStatus: null, toStatus: "placed" },
      ...(input.order.status === "collected"
        ? [{ ...who, type: "collected", fromStatus: "placed", toStatus: "collected" } as const]
        : []),
    ]);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A ship-to-store order whose goods have not come the store's pickup days after the promised time
 * expires like an uncollected one. Null for orders that wait for nothing.
 */
async function goodsDeadline(tx: Tx, order: OrderRow): Promise<Date | null> {
  if (!order.readyBy) return null;
  const [store] = await tx.execute<{ pickup_expiry_days: number }>(
    sql`select pickup_expiry_days from locations where id = ${order.locationId}`,
  );
  return new Date(order.readyBy.getTime() + (store?.pickup_expiry_days ?? 7) * DAY_MS);
}

/**
 * Moves an order to `to`, or refuses with CONFLICT saying why. `at` is the moment of the change
 * (sweeps pass the time they run for). Ready sets the pickup deadline from the store's setting.
 */
export async function transitionOrder(
  tx: Tx,
  input: { orderId: string; to: OrderStatus; actor: Actor; data?: Record<string, unknown>; at?: Date },
): Promise<OrderRow> {
  const at = input.at ?? new Date();
  const order = await lockOrder(tx, input.orderId);
  if (!canTransition(order.fulfillmentType, order.status, input.to))
    throw conflict(refusal(order, input.to), {
      reason: "order_cannot_move",
      order: order.number,
      to: input.to,
      status: order.status,
    });
  if (input.to === "expired" && order.status === "ready_for_pickup") {
    if (!order.pickupDeadline || order.pickupDeadline > at)
      throw conflict(`Order ${order.number} is still within its pickup time.`, {
        reason: "order_still_in_pickup_time",
        order: order.number,
        pickupDeadline: order.pickupDeadline,
      });
  } else if (input.to === "expired") {
    // Before it is ready, an order expires when its unpaid hold has run out (a pay-in-store order's
    // deadline runs from placing) or when the goods of a ship-to-store order never came.
    const unpaidHoldOver = !!order.pickupDeadline && order.pickupDeadline <= at;
    const waitsUntil = unpaidHoldOver ? at : await goodsDeadline(tx, order);
    if (!waitsUntil || waitsUntil > at)
      throw conflict(`Order ${order.number} is still waiting for its goods.`, {
        reason: "order_waiting_for_goods",
        order: order.number,
        readyBy: order.readyBy,
      });
  }
  if (input.to === "ready_for_pickup") {
    const waiting = await openTransfersOfOrder(tx, order.id);
    if (waiting.length)
      throw conflict(
        `Order ${order.number} is waiting for goods from another store (transfer ${waiting.map((t) => t.number).join(", ")}).`,
        {
          reason: "order_waiting_for_transfer",
          order: order.number,
          transfer: waiting.map((t) => t.number).join(", "),
          transfers: waiting.map((t) => t.number),
        },
      );
  }

  const changes: Partial<OrderRow> = { status: input.to };
  if (input.to === "ready_for_pickup") {
    const store = await findLocation(tx, order.locationId);
    changes.readyAt = at;
    changes.pickupDeadline = new Date(at.getTime() + store.pickupExpiryDays * DAY_MS);
  }
  if (isOrderDone(input.to)) changes.completedAt = at;

  const [updated] = await tx.update(orders).set(changes).where(eq(orders.id, order.id)).returning();
  await tx.insert(orderEvents).values({
    orderId: order.id,
    type: input.to,
    fromStatus: order.status,
    toStatus: input.to,
    channel: input.actor.channel,
    actorUserId: input.actor.userId ?? null,
    actorDeviceId: input.actor.deviceId ?? null,
    data: input.data ?? null,
    at,
  });
  // Points follow the goods, in the same transaction: earned when they become the member's, and
  // what was spent on an order that will not be fulfilled comes back.
  if (input.to === "collected" || input.to === "delivered") await earnForOrder(tx, input.actor, updated!, at);
  if (input.to === "cancelled" || input.to === "expired")
    await restoreRedeemedPoints(tx, input.actor, updated!, input.to === "expired" ? "expired" : "cancelled");
  if (input.to === "ready_for_pickup" || input.to === "collected") {
    await emitWebhookEvent(tx, input.to === "collected" ? "order.collected" : "order.ready_for_pickup", {
      orderNumber: updated!.number,
      status: input.to,
      storeId: updated!.locationId,
      channel: updated!.channel,
    });
  }
  return updated!;
}
