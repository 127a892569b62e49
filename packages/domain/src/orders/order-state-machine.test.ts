import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { orderStatuses, type OrderStatus } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";

import { adjustOnHand } from "../inventory";
import { DomainError, systemActor, type Actor } from "../kernel";
import { createTestOrder, skusInStock } from "../testing";
import { transitionOrder } from "./order-state-machine";

const t = await createTestDatabase();
afterAll(() => t.close());

/** Written out by hand from the product guide, not derived from the code under test. */
const allowed: Record<"pickup" | "delivery", string[]> = {
  pickup: [
    "placed→picking",
    "placed→cancelled",
    "picking→ready_for_pickup",
    "picking→cancelled",
    "ready_for_pickup→collected",
    "ready_for_pickup→cancelled",
    "ready_for_pickup→expired",
  ],
  delivery: ["placed→shipped", "placed→cancelled", "shipped→delivered"],
};

const location = { pickup: "krakow", delivery: "online" } as const;
let sku = "";

beforeAll(async () => {
  [sku] = (await skusInStock(t.db, "krakow", 1, 1)) as [string];
  // Enough units for one order per case at both locations.
  await t.db.transaction(async (tx) => {
    for (const locationId of Object.values(location)) {
      await adjustOnHand(tx, { locationId, sku, delta: 500, reason: "receiving", actor: systemActor });
    }
  });
});

const cases = (["pickup", "delivery"] as const).flatMap((type) =>
  orderStatuses.flatMap((from) =>
    orderStatuses.map((to) => ({ type, from, to, ok: allowed[type].includes(`${from}→${to}`) })),
  ),
);

describe("the order state machine", () => {
  it.each(cases)("$type: $from → $to allowed: $ok", async ({ type, from, to, ok }) => {
    const past = new Date(Date.now() - 60_000);
    const order = await createTestOrder(t.db, {
      locationId: location[type],
      fulfillment: type,
      lines: [{ sku, quantity: 1 }],
      status: from as OrderStatus,
      readyAt: from === "ready_for_pickup" ? past : undefined,
      pickupDeadline: from === "ready_for_pickup" ? past : undefined,
    });
    const clerk: Actor = { channel: "store", storeIds: [location[type]] };
    const attempt = t.db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to, actor: clerk }));
    if (!ok) {
      await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(order.number) });
      const [row] =
        await t.sql`select status, (select count(*)::int from order_events where order_id = o.id) as events from orders o where id = ${order.id}`;
      expect(row).toEqual({ status: from, events: 1 });
      return;
    }
    const updated = await attempt;
    expect(updated.status).toBe(to);
    const [event] =
      await t.sql`select type, from_status, to_status, channel from order_events where order_id = ${order.id} order by id desc limit 1`;
    expect(event).toEqual({ type: to, from_status: from, to_status: to, channel: "store" });
    if (to === "ready_for_pickup")
      expect(updated.pickupDeadline!.getTime() - updated.readyAt!.getTime()).toBe(7 * 24 * 3600 * 1000);
    if (["collected", "delivered", "cancelled", "expired"].includes(to))
      expect(updated.completedAt).toBeInstanceOf(Date);
  });

  it("refuses to expire an order still within its pickup time, in words", async () => {
    const order = await createTestOrder(t.db, {
      locationId: "krakow",
      lines: [{ sku, quantity: 1 }],
      status: "ready_for_pickup",
      readyAt: new Date(),
      pickupDeadline: new Date(Date.now() + 3600_000),
    });
    const error = await t.db
      .transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "expired", actor: systemActor }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: `Order ${order.number} is still within its pickup time.`,
    });
  });

  it("explains an illegal move and a repeated one", async () => {
    const order = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku, quantity: 1 }] });
    await expect(
      t.db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "collected", actor: systemActor })),
    ).rejects.toThrow(`Cannot hand over order ${order.number}: it is a click-and-collect order that is placed.`);
    await expect(
      t.db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "placed", actor: systemActor })),
    ).rejects.toThrow(`Order ${order.number} is already placed.`);
  });

  it("records who made the change and the data given", async () => {
    const [user] = await t.sql`select id from users where email = 'ola@example.com'`;
    const order = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku, quantity: 1 }] });
    const clerk: Actor = { channel: "store", storeIds: ["krakow"], userId: user!.id as string, role: "associate" };
    await t.db.transaction((tx) =>
      transitionOrder(tx, { orderId: order.id, to: "picking", actor: clerk, data: { note: "aisle 3" } }),
    );
    const [event] =
      await t.sql`select actor_user_id, actor_device_id, data from order_events where order_id = ${order.id} order by id desc limit 1`;
    expect(event).toEqual({ actor_user_id: user!.id, actor_device_id: null, data: { note: "aisle 3" } });
  });
});
