import { sql } from "drizzle-orm";

import { orderEvents, orderLines, orders, payments, type Database, type OrderStatus } from "@omni/db";

import { priceSkus } from "../catalog";
import { reserveStock } from "../inventory";
import { nextOrderNumber, randomCode, systemActor } from "../kernel";

/**
 * Test-only: creates an order the way checkout does (order, lines, holds through reserveStock, a
 * `placed` event), so that fulfillment tests do not depend on the cart. `status` and the pickup
 * timestamps let a test start from any point of the state machine.
 */
export type FixtureOrder = {
  id: string;
  number: string;
  pickupCode: string | null;
  totalMinor: number;
  lines: { id: string; sku: string; quantity: number; unitPriceMinor: number }[];
};

export async function createTestOrder(
  db: Database,
  input: {
    locationId: string;
    lines: { sku: string; quantity: number }[];
    fulfillment?: "pickup" | "delivery";
    payment?: "card" | "pay_in_store";
    email?: string;
    name?: string;
    status?: OrderStatus;
    readyAt?: Date;
    pickupDeadline?: Date;
  },
): Promise<FixtureOrder> {
  const fulfillment = input.fulfillment ?? "pickup";
  const payment = input.payment ?? "card";
  return db.transaction(async (tx) => {
    const prices = await priceSkus(
      tx,
      input.lines.map((l) => l.sku),
    );
    const priced = input.lines.map((l) => ({
      ...l,
      title: prices.get(l.sku)!.title,
      unitPriceMinor: prices.get(l.sku)!.priceMinor,
    }));
    const total = priced.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
    const paymentRef = payment === "card" ? `ch_test_${randomCode(12).toLowerCase()}` : null;
    const [order] = await tx
      .insert(orders)
      .values({
        number: await nextOrderNumber(tx),
        channel: "web",
        status: input.status ?? "placed",
        fulfillmentType: fulfillment,
        locationId: input.locationId,
        address:
          fulfillment === "delivery"
            ? { line1: "ul. Testowa 1", city: "Łódź", postalCode: "90-001", country: "PL" }
            : null,
        email: input.email ?? "shopper@example.com",
        name: input.name ?? "Test Shopper",
        subtotalMinor: total,
        totalMinor: total,
        paymentMethod: payment,
        paymentRef,
        paidMinor: payment === "card" ? total : 0,
        pickupCode: fulfillment === "pickup" ? randomCode(8) : null,
        readyAt: input.readyAt ?? null,
        pickupDeadline: input.pickupDeadline ?? null,
      })
      .returning();
    const lines = await tx
      .insert(orderLines)
      .values(
        priced.map((l) => ({
          orderId: order!.id,
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
        })),
      )
      .returning();
    for (const line of priced) {
      await reserveStock(tx, {
        locationId: input.locationId,
        sku: line.sku,
        quantity: line.quantity,
        kind: "order",
        ownerId: order!.id,
        actor: systemActor,
      });
    }
    if (paymentRef) {
      await tx
        .insert(payments)
        .values({ orderId: order!.id, provider: "test", kind: "charge", amountMinor: total, providerRef: paymentRef });
    }
    await tx.insert(orderEvents).values({ orderId: order!.id, type: "placed", toStatus: "placed", channel: "web" });
    return {
      id: order!.id,
      number: order!.number,
      pickupCode: order!.pickupCode,
      totalMinor: total,
      lines: lines.map((l) => ({ id: l.id, sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
    };
  });
}

/** SKUs with at least `min` units available at a location, for tests that need stock. */
export async function skusInStock(db: Database, locationId: string, min = 2, count = 3): Promise<string[]> {
  const rows = await db.execute<{ sku: string }>(sql`
    select sl.sku from stock_levels sl join variants v on v.sku = sl.sku
    where sl.location_id = ${locationId} and sl.on_hand - sl.held - sl.safety_stock >= ${min} and v.price_minor > 0
    order by sl.sku limit ${count}`);
  return rows.map((r) => r.sku);
}

/** On hand and held of one SKU at one location. */
export async function stockOf(
  db: Database,
  locationId: string,
  sku: string,
): Promise<{ onHand: number; held: number }> {
  const [row] = await db.execute<{ on_hand: number; held: number }>(
    sql`select on_hand, held from stock_levels where location_id = ${locationId} and sku = ${sku}`,
  );
  return { onHand: row?.on_hand ?? 0, held: row?.held ?? 0 };
}
