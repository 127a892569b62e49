import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { createTestOrder, skusInStock, stockOf } from "@omni/domain/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const ola = { email: "ola@example.com" }; // associate in krakow
const max = { email: "max@example.com" }; // manager in warszawa
const admin = { email: "admin@example.com" };
let skus: string[] = [];
let onlineSku = "";

beforeAll(async () => {
  skus = await skusInStock(t.db, "krakow", 3, 2);
  [onlineSku] = (await skusInStock(t.db, "online", 3, 1)) as [string];
});

describe("fulfillment.queue", () => {
  it("lists the store's open orders with lines and customers, checked-in shoppers first", async () => {
    const first = await createTestOrder(t.db, {
      locationId: "krakow",
      lines: [{ sku: skus[0]!, quantity: 1 }],
      name: "Anna Nowak",
    });
    const second = await createTestOrder(t.db, {
      locationId: "krakow",
      lines: [{ sku: skus[1]!, quantity: 2 }],
      name: "Jan Kowalski",
    });
    await t.sql`update orders set status = 'ready_for_pickup', checked_in_at = now() where id = ${second.id}`;
    const api = await callerFor(t.db, ola, "admin");
    const queue = await api.fulfillment.queue({ storeId: "krakow" });
    const numbers = queue.map((o) => o.orderNumber);
    expect(numbers.indexOf(second.number)).toBeLessThan(numbers.indexOf(first.number));
    expect(queue[0]).toMatchObject({
      orderNumber: second.number,
      status: "ready_for_pickup",
      customerName: "Jan Kowalski",
      checkedIn: true,
      checkedInAt: expect.any(Date),
      lines: [{ sku: skus[1], quantity: 2, unitPriceMinor: expect.any(Number), lineId: expect.any(String) }],
    });
    expect(queue.find((o) => o.orderNumber === first.number)).toMatchObject({
      status: "placed",
      checkedIn: false,
      customerName: "Anna Nowak",
    });
    const placedOnly = await api.fulfillment.queue({ storeId: "krakow", status: "placed" });
    expect(placedOnly.every((o) => o.status === "placed")).toBe(true);
    expect(placedOnly.map((o) => o.orderNumber)).not.toContain(second.number);
  });

  it("is refused to staff of another store, customers and kiosks", async () => {
    await expect((await callerFor(t.db, max, "admin")).fulfillment.queue({ storeId: "krakow" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      (await callerFor(t.db, { email: "ada@example.com" })).fulfillment.queue({ storeId: "krakow" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, { kiosk: "krakow" })).fulfillment.queue({ storeId: "krakow" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(t.db, "anonymous")).fulfillment.queue({ storeId: "krakow" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      (await callerFor(t.db, admin, "admin")).fulfillment.queue({ storeId: "atlantis" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("fulfillment.advance", () => {
  it("picks, then makes ready: deadline set and the shopper gets the code", async () => {
    const order = await createTestOrder(t.db, {
      locationId: "krakow",
      lines: [{ sku: skus[0]!, quantity: 1 }],
      email: "ready@example.com",
    });
    const api = await callerFor(t.db, ola, "admin");
    expect(await api.fulfillment.advance({ orderNumber: order.number, to: "picking" })).toMatchObject({
      status: "picking",
    });
    const ready = await api.fulfillment.advance({ orderNumber: order.number, to: "ready_for_pickup" });
    expect(ready.status).toBe("ready_for_pickup");
    expect(ready.pickupDeadline!.getTime() - ready.readyAt!.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(ready.events.map((e) => e.type)).toEqual(["placed", "picking", "ready_for_pickup"]);
    const [message] = await t.sql`select template, data from outbox where "to" = 'ready@example.com'`;
    expect(message).toMatchObject({
      template: "order_ready_for_pickup",
      data: { orderNumber: order.number, pickupCode: order.pickupCode },
    });
    const [audit] =
      await t.sql`select action, store_id from audit_log where entity_id = ${order.number} order by id desc limit 1`;
    expect(audit).toEqual({ action: "fulfillment.advance", store_id: "krakow" });
  });

  it("refuses skipping a step, staff of another store, and unknown orders", async () => {
    const order = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku: skus[0]!, quantity: 1 }] });
    const api = await callerFor(t.db, ola, "admin");
    await expect(api.fulfillment.advance({ orderNumber: order.number, to: "ready_for_pickup" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      (await callerFor(t.db, max, "admin")).fulfillment.advance({ orderNumber: order.number, to: "picking" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.fulfillment.advance({ orderNumber: "OM-1", to: "picking" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      (await callerFor(t.db, { email: "ada@example.com" })).fulfillment.advance({ orderNumber: "OM-1", to: "picking" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      api.fulfillment.advance({ orderNumber: order.number, to: "collected" as "picking" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("delivery orders", () => {
  it("ship (stock leaves the warehouse) and deliver, for staff of the warehouse", async () => {
    const before = await stockOf(t.db, "online", onlineSku);
    const order = await createTestOrder(t.db, {
      locationId: "online",
      fulfillment: "delivery",
      lines: [{ sku: onlineSku, quantity: 2 }],
    });
    await expect(
      (await callerFor(t.db, ola, "admin")).fulfillment.ship({ orderNumber: order.number }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const api = await callerFor(t.db, admin, "admin");
    await expect(api.fulfillment.deliver({ orderNumber: order.number })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await api.fulfillment.ship({ orderNumber: order.number, trackingNumber: "PL123" })).toMatchObject({
      status: "shipped",
    });
    expect(await stockOf(t.db, "online", onlineSku)).toEqual({ onHand: before.onHand - 2, held: before.held });
    expect(await api.fulfillment.deliver({ orderNumber: order.number })).toMatchObject({ status: "delivered" });
  });
});

describe("fulfillment.cancel", () => {
  it("releases the holds, refunds the card and tells the shopper", async () => {
    const before = await stockOf(t.db, "krakow", skus[1]!);
    const order = await createTestOrder(t.db, {
      locationId: "krakow",
      lines: [{ sku: skus[1]!, quantity: 2 }],
      email: "cancel@example.com",
    });
    expect((await stockOf(t.db, "krakow", skus[1]!)).held).toBe(before.held + 2);
    const api = await callerFor(t.db, ola, "admin");
    const cancelled = await api.fulfillment.cancel({ orderNumber: order.number, reason: "Item damaged on the shelf" });
    expect(cancelled).toMatchObject({ status: "cancelled", refundedMinor: order.totalMinor });
    expect(await stockOf(t.db, "krakow", skus[1]!)).toEqual(before);
    const [refund] =
      await t.sql`select sum(amount_minor)::int as total from payments where order_id = ${order.id} and kind = 'refund'`;
    expect(refund!.total).toBe(order.totalMinor);
    const [message] = await t.sql`select template from outbox where "to" = 'cancel@example.com'`;
    expect(message!.template).toBe("order_cancelled");
    await expect(api.fulfillment.cancel({ orderNumber: order.number, reason: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(api.fulfillment.cancel({ orderNumber: order.number, reason: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
