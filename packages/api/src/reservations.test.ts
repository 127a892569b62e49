import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { adjustOnHand } from "@omni/domain/inventory";
import { systemActor } from "@omni/domain/kernel";
import { skusInStock, stockOf } from "@omni/domain/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase({ max: 50 });
afterAll(() => t.close());

const ola = { email: "ola@example.com" }; // associate in krakow
const max = { email: "max@example.com" }; // manager in warszawa
let skus: string[] = [];
let key = 0;
const nextKey = () => `reservation-test-${++key}`;

beforeAll(async () => {
  skus = await skusInStock(t.db, "krakow", 4, 3);
});

async function reserve(lines: { sku: string; quantity: number }[], email = "res@example.com", storeId = "krakow") {
  // Each call from its own address: the limits per caller have their own test (reservation-limits.test.ts).
  const idempotencyKey = nextKey();
  const api = await callerFor(t.db, "anonymous", "web", `198.51.100.${key % 250}`);
  return api.reservations.create({ storeId, lines, email, name: "Ewa Reserve", idempotencyKey });
}

async function lapse(code: string) {
  await t.sql`update reservations set expires_at = now() - interval '1 second' where code = ${code}`;
  await t.sql`update stock_holds set expires_at = now() - interval '1 second' where owner_id = (select id from reservations where code = ${code})`;
}

describe("reservations.create and get", () => {
  it("holds the stock, confirms with the code and answers get", async () => {
    const before = await stockOf(t.db, "krakow", skus[0]!);
    const created = await reserve([{ sku: skus[0]!, quantity: 2 }], "Ewa@Example.com");
    expect(created).toMatchObject({
      code: expect.stringMatching(/^[0-9A-Z]{8}$/),
      status: "active",
      expiresAt: expect.any(Date),
    });
    const hours = (created.expiresAt.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(0);
    expect(hours).toBeLessThanOrEqual(48);
    expect((await stockOf(t.db, "krakow", skus[0]!)).held).toBe(before.held + 2);

    const anon = await callerFor(t.db, "anonymous");
    const got = await anon.reservations.get({ code: created.code.toLowerCase(), email: "ewa@example.com" });
    expect(got).toMatchObject({
      code: created.code,
      status: "active",
      storeId: "krakow",
      expiresAt: created.expiresAt,
      lines: [{ sku: skus[0], quantity: 2, title: expect.any(String), unitPriceMinor: expect.any(Number) }],
      store: { id: "krakow", name: "Omni Kraków Galeria" },
    });
    await expect(anon.reservations.get({ code: created.code, email: "someone@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(anon.reservations.get({ code: "ZZZZZZZZ", email: "ewa@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [message] = await t.sql`select template, data from outbox where "to" = 'ewa@example.com'`;
    expect(message).toMatchObject({ template: "reservation_confirmed", data: { code: created.code } });
  });

  it("answers a repeated key with the first reservation and holds nothing more", async () => {
    const api = await callerFor(t.db, "anonymous");
    const input = {
      storeId: "krakow",
      lines: [{ sku: skus[1]!, quantity: 1 }],
      email: "again@example.com",
      name: "Again",
      idempotencyKey: "same-key-123",
    };
    const before = await stockOf(t.db, "krakow", skus[1]!);
    const [first, second] = await Promise.all([api.reservations.create(input), api.reservations.create(input)]);
    expect(second.code).toBe(first.code);
    expect((await api.reservations.create(input)).code).toBe(first.code);
    expect((await stockOf(t.db, "krakow", skus[1]!)).held).toBe(before.held + 1);
  });

  it("refuses stores without reservations, unknown stores and SKUs, and more than is available", async () => {
    await expect(reserve([{ sku: skus[0]!, quantity: 1 }], "x@example.com", "online")).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(reserve([{ sku: skus[0]!, quantity: 1 }], "x@example.com", "atlantis")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(reserve([{ sku: "NO-SUCH-SKU", quantity: 1 }])).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Above the units cap is BAD_REQUEST (reservation-limits.test.ts); here the cap is lifted to reach the stock check.
    await t.sql`insert into settings (key, value) values ('reservation_max_units', '1000'::jsonb) on conflict (key) do update set value = excluded.value`;
    await expect(reserve([{ sku: skus[2]!, quantity: 999 }])).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(skus[2]!),
    });
    await expect(reserve([])).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [count] = await t.sql`select count(*)::int as n from reservations where email = 'x@example.com'`;
    expect(count!.n).toBe(0);
  });
});

describe("racing for the last units", () => {
  it("lets exactly as many reservations succeed as there are units", async () => {
    const [sku] = (await skusInStock(t.db, "poznan", 1, 1)) as [string];
    await t.db.transaction((tx) =>
      adjustOnHand(tx, { locationId: "poznan", sku, setTo: 3, reason: "cycle_count", actor: systemActor }),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => reserve([{ sku, quantity: 1 }], `racer${i}@example.com`, "poznan")),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const anon = await callerFor(t.db, "anonymous");
    expect((await anon.inventory.availability({ sku, storeIds: ["poznan"] })).locations[0]!.available).toBe(0);
    expect(await stockOf(t.db, "poznan", sku)).toEqual({ onHand: 3, held: 3 });
  });
});

describe("a lapsed reservation", () => {
  it("stops counting for availability and reads expired at once, before any job runs", async () => {
    const anon = await callerFor(t.db, "anonymous");
    const availability = async () =>
      (await anon.inventory.availability({ sku: skus[2]!, storeIds: ["krakow"] })).locations[0]!.available;
    const before = await availability();
    const created = await reserve([{ sku: skus[2]!, quantity: 1 }], "lapse@example.com");
    expect(await availability()).toBe(before - 1);
    await lapse(created.code);
    expect(await availability()).toBe(before);
    expect((await anon.reservations.get({ code: created.code, email: "lapse@example.com" })).status).toBe("expired");
    await expect(anon.reservations.cancel({ code: created.code, email: "lapse@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const clerk = await callerFor(t.db, ola, "admin");
    await expect(clerk.reservations.fulfil({ code: created.code })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await clerk.reservations.list({ storeId: "krakow", status: "expired" })).map((r) => r.code)).toContain(
      created.code,
    );
    expect((await clerk.reservations.list({ storeId: "krakow" })).map((r) => r.code)).not.toContain(created.code);
  });
});

describe("reservations.cancel", () => {
  it("releases the hold from any channel and tells the shopper", async () => {
    const before = await stockOf(t.db, "krakow", skus[0]!);
    const created = await reserve([{ sku: skus[0]!, quantity: 1 }], "cancel@example.com");
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const cancelled = await kiosk.reservations.cancel({ code: created.code, email: "cancel@example.com" });
    expect(cancelled.status).toBe("cancelled");
    expect(await stockOf(t.db, "krakow", skus[0]!)).toEqual(before);
    const templates = await t.sql`select template from outbox where "to" = 'cancel@example.com' order by id`;
    expect(templates.map((m) => m.template)).toEqual(["reservation_confirmed", "reservation_cancelled"]);
    await expect(kiosk.reservations.cancel({ code: created.code, email: "cancel@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("reservations.fulfil", () => {
  it("sells the listed lines at the counter and releases the rest", async () => {
    const before = [await stockOf(t.db, "krakow", skus[0]!), await stockOf(t.db, "krakow", skus[1]!)];
    const created = await reserve(
      [
        { sku: skus[0]!, quantity: 2 },
        { sku: skus[1]!, quantity: 1 },
      ],
      "fulfil@example.com",
    );
    await expect(
      (await callerFor(t.db, max, "admin")).reservations.fulfil({ code: created.code }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, { email: "ada@example.com" })).reservations.fulfil({ code: created.code }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const clerk = await callerFor(t.db, ola, "admin");
    await expect(clerk.reservations.fulfil({ code: created.code, skus: ["NOT-RESERVED"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const looked = await clerk.reservations.lookup({ code: created.code });
    expect(looked).toMatchObject({
      code: created.code,
      name: "Ewa Reserve",
      email: "fulfil@example.com",
      status: "active",
    });
    const sold = await clerk.reservations.fulfil({ code: created.code, skus: [skus[0]!] });
    expect(sold.orderNumber).toMatch(/^OM-\d+$/);
    expect(await stockOf(t.db, "krakow", skus[0]!)).toEqual({ onHand: before[0]!.onHand - 2, held: before[0]!.held });
    expect(await stockOf(t.db, "krakow", skus[1]!)).toEqual(before[1]);

    const [order] =
      await t.sql`select channel, status, payment_method, paid_minor, total_minor, location_id from orders where number = ${sold.orderNumber}`;
    expect(order).toMatchObject({
      channel: "store",
      status: "collected",
      location_id: "krakow",
      payment_method: "pay_in_store",
    });
    expect(order!.paid_minor).toBe(order!.total_minor);
    const events =
      await t.sql`select type from order_events where order_id = (select id from orders where number = ${sold.orderNumber}) order by id`;
    expect(events.map((e) => e.type)).toEqual(["placed", "collected"]);
    const [movement] =
      await t.sql`select reason from stock_movements where sku = ${skus[0]!} and location_id = 'krakow' order by id desc limit 1`;
    expect(movement!.reason).toBe("reservation_sold");

    const anon = await callerFor(t.db, "anonymous");
    expect(await anon.reservations.get({ code: created.code, email: "fulfil@example.com" })).toMatchObject({
      status: "fulfilled",
      orderNumber: sold.orderNumber,
    });
    await expect(clerk.reservations.fulfil({ code: created.code })).rejects.toMatchObject({ code: "CONFLICT" });
    const [audit] =
      await t.sql`select action from audit_log where entity_id = ${created.code} order by id desc limit 1`;
    expect(audit!.action).toBe("reservations.fulfil");
  });
});

describe("reservations.list and lookup", () => {
  it("are for staff of the store", async () => {
    const created = await reserve([{ sku: skus[1]!, quantity: 1 }], "list@example.com");
    const clerk = await callerFor(t.db, ola, "admin");
    const active = await clerk.reservations.list({ storeId: "krakow" });
    expect(active.find((r) => r.code === created.code)).toMatchObject({ status: "active", email: "list@example.com" });
    expect(active.every((r) => r.status === "active")).toBe(true);
    await expect((await callerFor(t.db, max, "admin")).reservations.list({ storeId: "krakow" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      (await callerFor(t.db, max, "admin")).reservations.lookup({ code: created.code }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, "anonymous")).reservations.lookup({ code: created.code }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(clerk.reservations.lookup({ code: "ZZZZZZZZ" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
