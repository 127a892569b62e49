import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import type { Actor } from "../kernel";
import { advanceOrder, expirePickups, pickupReminders, staffCancelOrder } from "../orders";
import { createReservation, expireReservations, reservationReminders } from "../reservations";
import { createTestOrder, skusInStock, stockOf } from "../testing";
import { sweeps } from "./sweeps";

const t = await createTestDatabase({ max: 20 });
afterAll(() => t.close());

const HOUR = 3600_000;
const clerk: Actor = { channel: "store", storeIds: ["krakow"], role: "associate" };
const shopper: Actor = { channel: "web", storeIds: [] };
let skus: string[] = [];

beforeAll(async () => {
  skus = await skusInStock(t.db, "krakow", 3, 2);
});

async function readyOrder(email: string) {
  const order = await createTestOrder(t.db, {
    locationId: "krakow",
    email,
    lines: [
      { sku: skus[0]!, quantity: 1 },
      { sku: skus[1]!, quantity: 2 },
    ],
  });
  await advanceOrder(t.db, clerk, { orderNumber: order.number, to: "picking" });
  const ready = await advanceOrder(t.db, clerk, { orderNumber: order.number, to: "ready_for_pickup" });
  return { ...order, deadline: ready.pickupDeadline! };
}

const messagesTo = async (email: string) =>
  (await t.sql`select template from outbox where "to" = ${email} order by id`).map((m) => m.template);

describe("the sweeps", () => {
  it("are registered with the worker", () => {
    const names = sweeps.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["pickup-reminders", "expire-pickups", "reservation-reminders", "expire-reservations"]),
    );
  });
});

describe("pickup reminders", () => {
  it("remind once, a day before the deadline, even with two workers", async () => {
    const order = await readyOrder("remind@example.com");
    expect(await pickupReminders.run(t.db, new Date())).toBe(0);
    const dayBefore = new Date(order.deadline.getTime() - 23 * HOUR);
    const [a, b] = await Promise.all([pickupReminders.run(t.db, dayBefore), pickupReminders.run(t.db, dayBefore)]);
    expect(a + b).toBe(1);
    expect(await pickupReminders.run(t.db, new Date(dayBefore.getTime() + HOUR))).toBe(0);
    expect(await messagesTo("remind@example.com")).toEqual(["order_ready_for_pickup", "order_pickup_reminder"]);
    await staffCancelOrder(t.db, clerk, { orderNumber: order.number, reason: "Shopper called to cancel" });
  });
});

describe("expiring uncollected orders", () => {
  it("expires at the deadline exactly once with two workers: stock released, payment refunded, shopper told", async () => {
    const before = [await stockOf(t.db, "krakow", skus[0]!), await stockOf(t.db, "krakow", skus[1]!)];
    const order = await readyOrder("expire@example.com");
    expect(await expirePickups.run(t.db, new Date(order.deadline.getTime() - 1000))).toBe(0);

    const after = new Date(order.deadline.getTime() + 1000);
    const [due] =
      await t.sql`select count(*)::int as n from orders where status = 'ready_for_pickup' and pickup_deadline <= ${after.toISOString()}::timestamptz`;
    const runs = await Promise.all([
      expirePickups.run(t.db, after),
      expirePickups.run(t.db, after),
      expirePickups.run(t.db, after),
    ]);
    expect(due!.n).toBe(1);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await expirePickups.run(t.db, after)).toBe(0);

    const [row] = await t.sql`select status, completed_at from orders where id = ${order.id}`;
    expect(row!.status).toBe("expired");
    expect(new Date(row!.completed_at as string).getTime()).toBe(after.getTime());
    expect([await stockOf(t.db, "krakow", skus[0]!), await stockOf(t.db, "krakow", skus[1]!)]).toEqual(before);
    const releases =
      await t.sql`select sku, held_delta from stock_movements where ref_id = ${order.id} and reason = 'order_release' order by sku`;
    expect(releases.map((r) => r.held_delta)).toEqual([-1, -2]);
    const refunds = await t.sql`select amount_minor from payments where order_id = ${order.id} and kind = 'refund'`;
    expect(refunds.map((r) => r.amount_minor)).toEqual([order.totalMinor]);
    const events = await t.sql`select type from order_events where order_id = ${order.id} and type = 'expired'`;
    expect(events).toHaveLength(1);
    expect(await messagesTo("expire@example.com")).toEqual(["order_ready_for_pickup", "order_expired"]);
  });
});

describe("reservation sweeps", () => {
  it("remind once before the end, then expire once with two workers and release the hold", async () => {
    const before = await stockOf(t.db, "krakow", skus[0]!);
    const created = await createReservation(t.db, shopper, {
      storeId: "krakow",
      lines: [{ sku: skus[0]!, quantity: 2 }],
      email: "sweep-res@example.com",
      name: "Res Sweep",
      idempotencyKey: "sweep-reservation-1",
    });
    const soon = new Date(created.expiresAt.getTime() - 5 * HOUR);
    const [a, b] = await Promise.all([reservationReminders.run(t.db, soon), reservationReminders.run(t.db, soon)]);
    expect(a + b).toBe(1);
    expect(await reservationReminders.run(t.db, soon)).toBe(0);
    expect(await expireReservations.run(t.db, soon)).toBe(0);

    const later = new Date(created.expiresAt.getTime() + 60_000);
    const runs = await Promise.all([expireReservations.run(t.db, later), expireReservations.run(t.db, later)]);
    expect(runs[0] + runs[1]).toBe(1);
    const [row] = await t.sql`select status from reservations where code = ${created.code}`;
    expect(row!.status).toBe("expired");
    expect(await stockOf(t.db, "krakow", skus[0]!)).toEqual(before);
    const released =
      await t.sql`select held_delta from stock_movements where reason = 'reservation_expired' and ref_id = (select id::text from reservations where code = ${created.code})`;
    expect(released.map((r) => r.held_delta)).toEqual([-2]);
    expect(await messagesTo("sweep-res@example.com")).toEqual([
      "reservation_confirmed",
      "reservation_expiring",
      "reservation_expired",
    ]);
  });
});
