import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { expirePickups } from "@omni/domain/orders";

import { cartWith, ledgerMismatches, setStock, stockedSkus, stockOf } from "./checkout-fixtures";
import { callerFor } from "./testing";

// Several connections, so that the race below really runs two transactions at once.
const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());

const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
const max = await callerFor(t.db, { email: "max@example.com" }, "admin"); // manager in Warszawa
const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin"); // associate in Kraków
const LOCATIONS = ["krakow", "warszawa", "gdansk", "wroclaw", "poznan", "online"];

/** A SKU that only Warszawa has, `units` of it: what a Kraków pickup must have sent in. */
async function onlyInWarszawa(sku: string, units: number) {
  for (const location of LOCATIONS) await setStock(t.db, location, sku, location === "warszawa" ? units : 0);
}

/** Every stock row of the database: on hand and held equal the sums of their movements. */
async function wholeLedgerMismatches() {
  return t.sql`
    select sl.location_id, sl.sku from stock_levels sl
    left join (select location_id, sku, sum(on_hand_delta)::int as on_hand, sum(held_delta)::int as held
               from stock_movements group by location_id, sku) m on m.location_id = sl.location_id and m.sku = sl.sku
    where sl.on_hand <> coalesce(m.on_hand, 0) or sl.held <> coalesce(m.held, 0)`;
}

const [skuA, skuB, skuC, skuD, skuE] = await stockedSkus(t.db, "warszawa", 5, 3);

async function shopper(ip: string) {
  return callerFor(t.db, "anonymous", "web", ip);
}

async function pickupOrder(api: Awaited<ReturnType<typeof shopper>>, sku: string, key: string) {
  const cartId = await cartWith(api, [{ sku, quantity: 1 }]);
  return api.checkout.placeOrder({
    cartId,
    email: `${key}@example.com`,
    name: "Shopper",
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "card", token: "tok_ok" },
    idempotencyKey: `transfer-${key}`,
  });
}

describe("a transfer between stores", () => {
  it("holds at the source, ships out of it, receives into the destination and books the shortfall as a loss", async () => {
    await setStock(t.db, "warszawa", skuA!, 10);
    await setStock(t.db, "warszawa", skuB!, 4);
    const krakowA = await stockOf(t.db, "krakow", skuA!);
    const krakowB = await stockOf(t.db, "krakow", skuB!);

    // Kraków's associate may not ask; Warszawa's manager may push goods to Kraków.
    await expect(
      ola.transfers.create({
        fromStoreId: "warszawa",
        toStoreId: "krakow",
        lines: [{ sku: skuA!, quantity: 1 }],
        reason: "x",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const created = await max.transfers.create({
      fromStoreId: "warszawa",
      toStoreId: "krakow",
      lines: [
        { sku: skuA!, quantity: 6 },
        { sku: skuB!, quantity: 2 },
      ],
      reason: "Weekend sale in Kraków",
    });
    expect(created).toMatchObject({ status: "requested", transferNumber: expect.stringMatching(/^TR-\d+$/) });
    expect(await stockOf(t.db, "warszawa", skuA!)).toEqual({ onHand: 10, held: 6 });

    // Only the source ships, only the destination receives; nothing moves on a refusal.
    await expect(ola.transfers.ship({ transferNumber: created.transferNumber })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(max.transfers.receive({ transferNumber: created.transferNumber })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(ola.transfers.receive({ transferNumber: created.transferNumber })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const shipped = await max.transfers.ship({ transferNumber: created.transferNumber });
    expect(shipped.status).toBe("in_transit");
    expect(await stockOf(t.db, "warszawa", skuA!)).toEqual({ onHand: 4, held: 0 });
    await expect(max.transfers.ship({ transferNumber: created.transferNumber })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await expect(
      ola.transfers.receive({ transferNumber: created.transferNumber, lines: [{ sku: skuA!, quantity: 7 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const received = await ola.transfers.receive({
      transferNumber: created.transferNumber.toLowerCase().replace("-", " "),
      lines: [{ sku: skuA!, quantity: 5, lossReason: "One box crushed" }],
    });
    expect(received.status).toBe("partly_received");
    expect(received.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: skuA, quantity: 6, received: 5, lossReason: "One box crushed" }),
        expect.objectContaining({ sku: skuB, quantity: 2, received: 2 }),
      ]),
    );
    expect(await stockOf(t.db, "krakow", skuA!)).toEqual({ onHand: krakowA.onHand + 5, held: krakowA.held });
    expect(await stockOf(t.db, "krakow", skuB!)).toEqual({ onHand: krakowB.onHand + 2, held: krakowB.held });

    // Every step left a movement carrying the transfer number: hold, out, in, loss.
    const moves = await t.sql`select location_id, reason, on_hand_delta, held_delta from stock_movements
      where sku = ${skuA!} and note like ${created.transferNumber + "%"} order by id`;
    expect(moves.map((m) => [m.location_id, m.reason, m.on_hand_delta, m.held_delta])).toEqual([
      ["warszawa", "transfer_hold", 0, 6],
      ["warszawa", "transfer_out", -6, -6],
      ["krakow", "transfer_in", 6, 0],
      ["krakow", "transfer_loss", -1, 0],
    ]);
    expect(await ledgerMismatches(t.db, [skuA!, skuB!])).toEqual([]);
    expect(await wholeLedgerMismatches()).toEqual([]);

    const listed = await ola.transfers.list({ storeId: "krakow", status: "partly_received" });
    expect(listed.map((l) => l.transferNumber)).toContain(created.transferNumber);
    expect(await ola.transfers.list({ storeId: "krakow", status: "requested" })).not.toContainEqual(
      expect.objectContaining({ transferNumber: created.transferNumber }),
    );
  });

  it("refuses a transfer the source cannot spare, naming the SKU, and holds nothing", async () => {
    await setStock(t.db, "warszawa", skuC!, 1);
    await expect(
      max.transfers.create({
        fromStoreId: "warszawa",
        toStoreId: "gdansk",
        lines: [{ sku: skuC!, quantity: 2 }],
        reason: "x",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(skuC!) });
    expect(await stockOf(t.db, "warszawa", skuC!)).toEqual({ onHand: 1, held: 0 });
    await expect(admin.transfers.get({ transferNumber: "TR-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("ship-to-store", () => {
  it("accepts a Kraków pickup of what only Warszawa has, promises a time, and is ready only after the goods arrive", async () => {
    await onlyInWarszawa(skuD!, 2);
    const api = await shopper("10.40.0.1");
    const options = await api.checkout.options({ cartId: await cartWith(api, [{ sku: skuD!, quantity: 1 }]) });
    expect(options.pickup).toContainEqual(
      expect.objectContaining({ storeId: "krakow", sourcing: "ship_to_store", readyBy: expect.any(Date) }),
    );
    expect(options.pickup).toContainEqual(expect.objectContaining({ storeId: "warszawa", sourcing: "in_store" }));

    const placed = await pickupOrder(api, skuD!, "sts-ready");
    expect(placed.readyBy).toBeInstanceOf(Date);
    expect(await stockOf(t.db, "warszawa", skuD!)).toEqual({ onHand: 2, held: 1 });
    const [transfer] = await ola.transfers
      .list({ storeId: "krakow", status: "requested" })
      .then((all) => all.filter((x) => x.orderNumber === placed.orderNumber));
    expect(transfer).toMatchObject({
      fromStoreId: "warszawa",
      toStoreId: "krakow",
      lines: [{ sku: skuD, quantity: 1 }],
    });
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: "sts-ready@example.com" });
    expect(order.readyBy).toEqual(placed.readyBy);

    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await expect(
      ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(transfer!.transferNumber) });

    await max.transfers.ship({ transferNumber: transfer!.transferNumber });
    await ola.transfers.receive({ transferNumber: transfer!.transferNumber });
    // The unit that came in is held for the order at once: nobody else can buy it in Kraków.
    expect(await stockOf(t.db, "krakow", skuD!)).toEqual({ onHand: 1, held: 1 });
    const ready = await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    expect(ready.status).toBe("ready_for_pickup");
    expect(await ledgerMismatches(t.db, [skuD!])).toEqual([]);
  });

  it("two pickups racing for the last unit at the source: one gets it, the other a CONFLICT, never both", async () => {
    await onlyInWarszawa(skuE!, 1);
    const [first, second] = await Promise.all([shopper("10.40.1.1"), shopper("10.40.1.2")]);
    const [cartOne, cartTwo] = await Promise.all([
      cartWith(first, [{ sku: skuE!, quantity: 1 }]),
      cartWith(second, [{ sku: skuE!, quantity: 1 }]),
    ]);
    const place = (api: typeof first, cartId: string, key: string) =>
      api.checkout.placeOrder({
        cartId,
        email: `${key}@example.com`,
        name: "Racer",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: `transfer-race-${key}`,
      });
    const results = await Promise.allSettled([place(first, cartOne, "one"), place(second, cartTwo, "two")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused!.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining(skuE!) });
    expect(await stockOf(t.db, "warszawa", skuE!)).toEqual({ onHand: 1, held: 1 });
    const [count] = await t.sql`select count(*)::int as n from transfer_lines where sku = ${skuE!}`;
    expect(count!.n).toBe(1);
    expect(await ledgerMismatches(t.db, [skuE!])).toEqual([]);
  });

  it("an order whose goods never come expires: its transfer is cancelled and the source's units are free again", async () => {
    await onlyInWarszawa(skuC!, 3);
    const api = await shopper("10.40.2.1");
    const placed = await pickupOrder(api, skuC!, "sts-expire");
    expect(await stockOf(t.db, "warszawa", skuC!)).toEqual({ onHand: 3, held: 1 });
    // Not yet: still within the store's pickup days after the promise.
    expect(await expirePickups.run(t.db, new Date(placed.readyBy!.getTime() + 60_000))).toBe(0);
    // Other tests' orders may expire too by then; this one must be among them.
    expect(await expirePickups.run(t.db, new Date(placed.readyBy!.getTime() + 8 * 24 * 3600_000))).toBeGreaterThan(0);

    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: "sts-expire@example.com" });
    expect(order.status).toBe("expired");
    const [transfer] = (await max.transfers.list({ storeId: "warszawa" })).filter(
      (x) => x.orderNumber === placed.orderNumber,
    );
    expect(transfer!.status).toBe("cancelled");
    expect(await stockOf(t.db, "warszawa", skuC!)).toEqual({ onHand: 3, held: 0 });
    const [release] = await t.sql`select reason from stock_movements
      where location_id = 'warszawa' and sku = ${skuC!} and reason = 'transfer_release' and note like ${transfer!.transferNumber + "%"}`;
    expect(release).toBeDefined();
    expect(await ledgerMismatches(t.db, [skuC!])).toEqual([]);
  });
});
