import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { pickupOptions } from "@omni/domain/carts";
import { cartAvailability } from "@omni/domain/inventory";
import { systemActor } from "@omni/domain/kernel";
import { grantCredit, userHolder } from "@omni/domain/payments";

import { cartWith, setStock, stockedSkus, stockOf } from "./checkout-fixtures";
import { callerFor, httpHandler } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const [skuA, skuB, skuC] = await stockedSkus(t.db, "krakow", 3, 3);
const delivery = {
  type: "delivery" as const,
  address: { line1: "ul. Długa 1", city: "Gdańsk", postalCode: "80-001", country: "PL" },
};
let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${++keyCounter}`;
const guest = { email: "guest@example.com", name: "Gość Testowy" };

describe("checkout.options", () => {
  it("uses the stock read sent beside the cart's read only when it saw the same lines", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: skuA!, quantity: 1 }]);
    // What a stock read sent beside the cart's may see: the cart as it was before a line was added.
    const stale = await cartAvailability(t.db, cartId);
    expect(stale.skus).toEqual([skuA]);
    await api.cart.setQuantity({ cartId, sku: skuB!, quantity: 1 });
    const cart = await api.cart.get({ cartId });
    const fresh = await pickupOptions(t.db, systemActor, { cartId }, cart);
    const fromStale = await pickupOptions(t.db, systemActor, { cartId }, cart, undefined, Promise.resolve(stale));
    const linesOf = (o: typeof fresh) => [o.delivery.lines, ...o.stores.map((s) => [s.storeId, s.lines])];
    expect(linesOf(fromStale)).toEqual(linesOf(fresh));
    // Kraków has the added line: the stale read (which never saw it) would have said 0.
    const krakow = fromStale.stores.find((s) => s.storeId === "krakow")!;
    expect(krakow.lines.find((l) => l.sku === skuB)!.available).toBeGreaterThan(0);
    expect(krakow.allAvailable).toBe(true);
    // And through the API, whose read is sent beside the cart's: the same stores, the same promise.
    const options = await api.checkout.options({ cartId });
    expect(options.pickup.find((p) => p.storeId === "krakow")!.sourcing).toBe(krakow.sourcing);
  });
});

describe("checkout.placeOrder", () => {
  it("places a click-and-collect order paid by card: holds stock, charges, records the timeline and queues the confirmation", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [
      { sku: skuA!, quantity: 2 },
      { sku: skuB!, quantity: 1 },
    ]);
    const cart = await api.cart.get({ cartId });
    const before = await stockOf(t.db, "krakow", skuA!);
    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      phone: "+48 600 000 000",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({
      orderNumber: expect.stringMatching(/^OM-\d+$/),
      status: "placed",
      totalMinor: cart.totalMinor,
      paidMinor: cart.totalMinor,
    });
    expect(placed.pickupCode!.length).toBeGreaterThanOrEqual(6);
    expect(await stockOf(t.db, "krakow", skuA!)).toEqual({ onHand: before.onHand, held: before.held + 2 });
    expect((await api.cart.get({ cartId })).status).toBe("ordered");
    await expect(api.cart.setQuantity({ cartId, sku: skuA!, quantity: 1 })).rejects.toMatchObject({ code: "CONFLICT" });

    // The card is authorised at checkout and captured when the goods leave: nothing is charged yet.
    const [attempt] =
      await t.sql`select a.status, a.amount_minor from payment_attempts a join orders o on o.id = a.order_id where o.number = ${placed.orderNumber}`;
    expect(attempt).toEqual({ status: "authorized", amount_minor: cart.totalMinor });
    const charges =
      await t.sql`select p.kind from payments p join orders o on o.id = p.order_id where o.number = ${placed.orderNumber}`;
    expect(charges).toHaveLength(0);
    const [message] =
      await t.sql`select template, body, data from outbox where "to" = ${guest.email} order by id desc limit 1`;
    expect(message).toMatchObject({
      template: "order_placed",
      data: { orderNumber: placed.orderNumber, pickupCode: placed.pickupCode },
    });
    expect(message!.body).toContain(placed.pickupCode);

    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: "GUEST@example.com" });
    expect(order).toMatchObject({
      orderNumber: placed.orderNumber,
      channel: "web",
      status: "placed",
      fulfillment: { type: "pickup", storeId: "krakow" },
      pickupCode: placed.pickupCode,
      totalMinor: cart.totalMinor,
      events: [{ type: "placed", at: expect.any(Date), channel: "web", toStatus: "placed" }],
      store: { id: "krakow", name: expect.any(String), pickupPoint: expect.any(String) },
    });
    expect(order.lines.map((l) => [l.sku, l.quantity]).sort()).toEqual(
      [
        [skuA, 2],
        [skuB, 1],
      ].sort(),
    );
    for (const line of order.lines) {
      expect(line).toMatchObject({
        lineId: expect.any(String),
        unitPriceMinor: cart.lines.find((l) => l.sku === line.sku)!.unitPriceMinor,
        declinedQuantity: 0,
      });
      expect(line.title).toBeTruthy();
    }
  });

  it("ships a delivery from the online warehouse, with the WELCOME10 discount stored on the order", async () => {
    const [onlineSku] = await stockedSkus(t.db, "online", 1, 5);
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: onlineSku!, quantity: 1 }]);
    const cart = await api.cart.applyCode({ cartId, code: "WELCOME10" });
    const before = await stockOf(t.db, "online", onlineSku!);
    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment: delivery,
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: key(),
    });
    expect(placed.pickupCode).toBeUndefined();
    expect(placed.totalMinor).toBe(cart.totalMinor);
    expect(cart.discountMinor).toBeGreaterThan(0);
    const [row] =
      await t.sql`select discount_minor, location_id, address from orders where number = ${placed.orderNumber}`;
    expect(row).toMatchObject({ discount_minor: cart.discountMinor, location_id: "online", address: delivery.address });
    expect((await stockOf(t.db, "online", onlineSku!)).held).toBe(before.held + 1);
  });

  it("refuses pay in store for delivery, a store without pickup, an empty cart and an unknown cart", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: skuC!, quantity: 1 }]);
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment: delivery,
        payment: { method: "pay_in_store" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("click-and-collect") });
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment: { type: "pickup", storeId: "online" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment: { type: "pickup", storeId: "atlantis" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { cartId: empty } = await api.cart.create();
    await expect(
      api.checkout.placeOrder({
        cartId: empty,
        ...guest,
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "pay_in_store" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("empty") });
    await expect(
      api.checkout.placeOrder({
        cartId: "nope",
        ...guest,
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "pay_in_store" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        email: "not-an-email",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "pay_in_store" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a pickup store that lacks a line no location can send with CONFLICT naming the SKU, and pickupOptions shows what is missing where", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [
      { sku: skuA!, quantity: 1 },
      { sku: skuC!, quantity: 1 },
    ]);
    // Kraków alone has skuC: Gdańsk could only have it sent in, and not while Kraków keeps it back.
    const krakowC = await stockOf(t.db, "krakow", skuC!);
    const others = ["gdansk", "warszawa", "wroclaw", "poznan", "online"];
    const before = await Promise.all(others.map((location) => stockOf(t.db, location, skuC!)));
    for (const location of others) await setStock(t.db, location, skuC!, 0);
    await t.sql`update stock_levels set safety_stock = on_hand where location_id = 'krakow' and sku = ${skuC!}`;
    await setStock(t.db, "gdansk", skuA!, 4);
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment: { type: "pickup", storeId: "gdansk" },
        payment: { method: "pay_in_store" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(skuC!) });
    expect((await stockOf(t.db, "gdansk", skuA!)).held).toBe(0);

    const options = await api.checkout.pickupOptions({ cartId, lat: 54.35, lng: 18.65 });
    expect(options.stores[0]!.storeId).toBe("gdansk");
    expect(options.stores[0]!.missing.map((m) => m.sku)).toEqual([skuC]);
    expect(options.stores[0]!.allAvailable).toBe(false);
    expect(options.stores.find((s) => s.storeId === "krakow")!.allAvailable).toBe(false);
    expect(options.stores.find((s) => s.storeId === "gdansk")!.sourcing).toBe("unavailable");
    expect(options.stores.map((s) => s.storeId)).not.toContain("online");
    await t.sql`update stock_levels set safety_stock = 0 where location_id = 'krakow' and sku = ${skuC!}`;
    expect(await stockOf(t.db, "krakow", skuC!)).toEqual(krakowC);
    // Once Kraków can spare it, Gdańsk has it sent in.
    const again = await api.checkout.pickupOptions({ cartId });
    expect(again.stores.find((s) => s.storeId === "gdansk")).toMatchObject({ sourcing: "ship_to_store" });
    expect(again.stores.find((s) => s.storeId === "krakow")).toMatchObject({
      sourcing: "in_store",
      allAvailable: true,
    });
    for (const [i, location] of others.entries()) await setStock(t.db, location, skuC!, before[i]!.onHand);
  });

  it("pays in store: nothing charged, the amount due at the counter is given", async () => {
    const api = await callerFor(t.db, "anonymous", "kiosk");
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const cartId = await cartWith(kiosk, [{ sku: skuB!, quantity: 1 }]);
    const placed = await kiosk.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "pay_in_store" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ paymentMethod: "pay_in_store", paidMinor: 0, dueInStoreMinor: placed.totalMinor });
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(order.channel).toBe("kiosk");
    const [audit] =
      await t.sql`select action from audit_log where action = 'checkout.placeOrder' and entity_id = ${placed.orderNumber}`;
    expect(audit).toBeTruthy();
  });

  it("creates no order and holds nothing when the card is declined, then succeeds with the same key and a good card", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: skuA!, quantity: 1 }]);
    const idempotencyKey = key();
    const before = await stockOf(t.db, "krakow", skuA!);
    const [{ orders: ordersBefore, outbox: outboxBefore }] =
      (await t.sql`select (select count(*)::int from orders) as orders, (select count(*)::int from outbox) as outbox`) as unknown as [
        { orders: number; outbox: number },
      ];
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_declined" },
        idempotencyKey,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("declined") });
    expect(await stockOf(t.db, "krakow", skuA!)).toEqual(before);
    const [after] =
      await t.sql`select (select count(*)::int from orders) as orders, (select count(*)::int from outbox) as outbox,
      (select count(*)::int from stock_holds where released_at is null and sku = ${skuA!} and location_id = 'krakow') as holds`;
    expect(after).toMatchObject({
      orders: ordersBefore,
      outbox: outboxBefore,
      holds: before.held === 0 ? 0 : expect.any(Number),
    });
    expect((await api.cart.get({ cartId })).status).toBe("open");

    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey,
    });
    expect(placed.status).toBe("placed");
  });

  it("returns the first answer for a repeated idempotency key, also when two calls race, and creates nothing new", async () => {
    const api = await callerFor(t.db, "anonymous");
    const input = (cartId: string, idempotencyKey: string) => ({
      cartId,
      ...guest,
      fulfillment: { type: "pickup" as const, storeId: "krakow" },
      payment: { method: "card" as const, token: "tok_ok" },
      idempotencyKey,
    });
    const sequentialKey = key();
    const cartId = await cartWith(api, [{ sku: skuB!, quantity: 1 }]);
    const first = await api.checkout.placeOrder(input(cartId, sequentialKey));
    expect(await api.checkout.placeOrder(input(cartId, sequentialKey))).toEqual(first);

    const sameCartKey = key();
    const cart2 = await cartWith(api, [{ sku: skuB!, quantity: 1 }]);
    const [x, y] = await Promise.all([
      api.checkout.placeOrder(input(cart2, sameCartKey)),
      api.checkout.placeOrder(input(cart2, sameCartKey)),
    ]);
    expect(x).toEqual(y);

    // Two carts with one key (two tabs): the unique index lets one order through; the other is another
    // request, so it is CONFLICT rather than the first order's answer (the key is bound to its request).
    const twoCartKey = key();
    const cart3 = await cartWith(api, [{ sku: skuB!, quantity: 1 }]);
    const cart4 = await cartWith(api, [{ sku: skuB!, quantity: 1 }]);
    const outcomes = await Promise.allSettled([
      api.checkout.placeOrder(input(cart3, twoCartKey)),
      api.checkout.placeOrder(input(cart4, twoCartKey)),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });

    for (const k of [sequentialKey, sameCartKey, twoCartKey]) {
      const [row] =
        await t.sql`select count(*)::int as n, (select count(*)::int from payment_attempts p join orders o on o.id = p.order_id where o.idempotency_key = ${k}) as charges from orders where idempotency_key = ${k}`;
      expect(row).toEqual({ n: 1, charges: 1 });
    }
    // The key does not reveal someone else's order.
    await expect(
      api.checkout.placeOrder({ ...input(cartId, sequentialKey), email: "someone-else@example.com" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("pays with a signed-in shopper's store credit first and the card for the rest", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    const me = await ada.account.me();
    await t.db.transaction((tx) =>
      grantCredit(tx, { holder: userHolder(me.userId), amountMinor: 1000, refType: "test", refId: "credit-test" }),
    );
    const { cartId } = await ada.cart.create();
    await ada.cart.setQuantity({ cartId, sku: skuC!, quantity: 1 });
    const placed = await ada.checkout.placeOrder({
      cartId,
      email: me.email,
      name: me.name,
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok", storeCreditMinor: 1000 },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ storeCreditMinor: 1000, paidMinor: placed.totalMinor - 1000 });
    expect((await ada.account.me()).storeCreditMinor).toBe(0);
    await expect(
      ada.checkout.placeOrder({
        cartId: await cartWith(ada, [{ sku: skuC!, quantity: 1 }]),
        email: me.email,
        name: me.name,
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_ok", storeCreditMinor: 500 },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("store credit") });
  });
});

describe("withdrawn products", () => {
  it("cannot be ordered or reserved from a cart that still holds them", async () => {
    const api = await callerFor(t.db, "anonymous", "web", "10.3.3.3");
    const cartId = await cartWith(api, [{ sku: skuC!, quantity: 1 }]);
    await t.sql`update products set active = false where id = (select product_id from variants where sku = ${skuC!})`;
    try {
      await expect(
        api.checkout.placeOrder({
          cartId,
          ...guest,
          fulfillment: { type: "pickup", storeId: "krakow" },
          payment: { method: "pay_in_store" },
          idempotencyKey: key(),
        }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("no longer sold") });
      await expect(
        api.reservations.create({
          storeId: "krakow",
          lines: [{ sku: skuC!, quantity: 1 }],
          ...guest,
          idempotencyKey: key(),
        }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await t.sql`update products set active = true where id = (select product_id from variants where sku = ${skuC!})`;
    }
  });
});

describe("orders.get and orders.list", () => {
  it("never tells a wrong e-mail that the order exists, and lets the signed-in owner omit it", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    const cartId = await cartWith(ada, [{ sku: skuA!, quantity: 1 }]);
    const placed = await ada.checkout.placeOrder({
      cartId,
      email: "ada@example.com",
      name: "Ada",
      fulfillment: delivery,
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: key(),
    });
    const stranger = await callerFor(t.db, "anonymous", "web", "10.1.2.3");
    const wrong = await stranger.orders
      .get({ orderNumber: placed.orderNumber, email: "eve@example.com" })
      .catch((e: { code: string; message: string }) => e);
    const unknown = await stranger.orders
      .get({ orderNumber: "OM-999999", email: "eve@example.com" })
      .catch((e: { code: string; message: string }) => e);
    expect(wrong).toMatchObject({ code: "NOT_FOUND" });
    expect(unknown).toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.orders.get({ orderNumber: placed.orderNumber })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    const mine = await ada.orders.get({ orderNumber: placed.orderNumber.toLowerCase() });
    expect((await ada.orders.get({ orderNumber: placed.orderNumber.replace("OM-", "") })).orderNumber).toBe(
      placed.orderNumber,
    );
    expect((await ada.returns.eligibility({ orderNumber: placed.orderNumber.replace("OM-", "om ") })).orderNumber).toBe(
      placed.orderNumber,
    );
    expect(mine).toMatchObject({ orderNumber: placed.orderNumber, fulfillment: { type: "delivery" }, store: null });
    const list = await ada.orders.list();
    expect(list[0]).toMatchObject({
      orderNumber: placed.orderNumber,
      channel: "web",
      itemCount: mine.lines.reduce((n, l) => n + l.quantity, 0),
    });
    expect(list.length).toBeGreaterThanOrEqual(2);
    const associateOfKrakow = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await expect(associateOfKrakow.orders.get({ orderNumber: placed.orderNumber })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(stranger.orders.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("counts order look-ups by number and e-mail as code look-ups", async () => {
    const guesser = await callerFor(t.db, "anonymous", "web", "10.7.7.7");
    for (let i = 0; i < 10; i++) {
      await expect(
        guesser.orders.get({ orderNumber: `OM-${900000 + i}`, email: "eve@example.com" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(guesser.orders.get({ orderNumber: "OM-900011", email: "eve@example.com" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});

describe("the wire format of the contract", () => {
  it("creates a cart over HTTP and answers 400, 404 and 409 with tRPC codes", async () => {
    const handle = httpHandler(t.db);
    const post = (path: string, json: unknown) =>
      handle(
        new Request(`http://x/api/trpc/${path}`, {
          method: "POST",
          body: JSON.stringify({ json }),
          headers: { "content-type": "application/json" },
        }),
      );
    const get = (path: string, json: unknown) =>
      handle(new Request(`http://x/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json }))}`));

    const created = await post("cart.create", null);
    expect(created.status).toBe(200);
    const { cartId } = ((await created.json()) as { result: { data: { json: { cartId: string } } } }).result.data.json;
    expect((await get("cart.get", { cartId })).status).toBe(200);
    expect((await get("cart.get", { cartId: "no-such-cart" })).status).toBe(404);
    expect((await post("cart.setQuantity", { cartId, sku: skuA, quantity: "two" })).status).toBe(400);
    expect((await post("cart.setQuantity", { cartId, sku: skuA, quantity: 1 })).status).toBe(200);
    // Nowhere can spare it any more, so not even a transfer can bring it to Poznań.
    await t.sql`update stock_levels set safety_stock = on_hand where sku = ${skuA!}`;
    const conflict = await post("checkout.placeOrder", {
      cartId,
      ...guest,
      fulfillment: { type: "pickup", storeId: "poznan" },
      payment: { method: "pay_in_store" },
      idempotencyKey: key(),
    });
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { json: { message: string } } }).error.json.message).toContain(skuA);
  });
});
