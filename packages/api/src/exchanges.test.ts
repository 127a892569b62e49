import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

/** Exchanges per the contract: another size at a counter, a dearer product, and one by mail. */
const t = await createTestDatabase();
afterAll(() => t.close());

const key = () => `exchange-${randomUUID()}`;
let sizeA = "";
let sizeB = "";
let dearer = "";
let price = 0;

beforeAll(async () => {
  // Two sizes of one returnable product at one price, and a dearer product, all on Kraków's shelf.
  const [pair] = await t.sql`
    select a.sku as a, b.sku as b, a.price_minor as price from variants a
    join variants b on b.product_id = a.product_id and b.sku > a.sku and b.price_minor = a.price_minor
    join products p on p.id = a.product_id join categories c on c.slug = p.category_slug
    where c.final_sale = false and a.active and b.active and p.active and a.price_minor > 0
    order by a.sku limit 1`;
  sizeA = pair!.a as string;
  sizeB = pair!.b as string;
  price = pair!.price as number;
  const [other] = await t.sql`
    select v.sku from variants v join products p on p.id = v.product_id
    where v.active and p.active and v.price_minor > ${price} * 2 + 1000 order by v.price_minor limit 1`;
  dearer = other!.sku as string;
  for (const sku of [sizeA, sizeB, dearer])
    for (const location of ["krakow", "online"])
      await t.sql`
        insert into stock_levels (location_id, sku, on_hand, held) values (${location}, ${sku}, 20, 0)
        on conflict (location_id, sku) do update set on_hand = stock_levels.on_hand + 20`;
});

const onHand = async (location: string, sku: string) =>
  Number((await t.sql`select on_hand from stock_levels where location_id = ${location} and sku = ${sku}`)[0]!.on_hand);

/** A guest's collected Kraków order of one unit of `sizeA`. */
async function collectedOrder(email: string) {
  const shop = await callerFor(t.db, "anonymous", "web", "10.7.7.7");
  const { cartId } = await shop.cart.create();
  await shop.cart.setQuantity({ cartId, sku: sizeA, quantity: 1 });
  const placed = await shop.checkout.placeOrder({
    cartId,
    email,
    name: "Exchange Shopper",
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "card", token: "tok_ok" },
    idempotencyKey: key(),
  });
  const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
  await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
  await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
  await ola.pickup.collect({ code: placed.pickupCode! });
  const order = await shop.orders.get({ orderNumber: placed.orderNumber, email });
  return { order, shop, ola };
}

describe("exchanges", () => {
  it("another size at the counter: the replacement leaves Kraków's shelf at once as a collected store order", async () => {
    const email = `swap-${randomUUID().slice(0, 8)}@example.com`;
    const { order, ola } = await collectedOrder(email);
    const kiosk = await callerFor(t.db, { kiosk: "krakow" }, "kiosk");
    const created = await kiosk.returns.create({
      orderNumber: order.orderNumber,
      email,
      lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
      exchange: [{ sku: sizeB, quantity: 1 }],
    });
    expect(created).toMatchObject({ refundMinor: 0, amountDueMinor: 0 });
    const before = await onHand("krakow", sizeB);
    const received = await ola.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "krakow",
      lines: [{ lineId: order.lines[0]!.lineId, condition: "resellable" }],
    });
    expect(received).toMatchObject({ status: "refunded", refundMinor: 0, amountDueMinor: 0 });
    expect(received.exchangeOrderNumber).toMatch(/\d/);
    expect(await onHand("krakow", sizeB)).toBe(before - 1);
    const replacement = await ola.orders.get({ orderNumber: received.exchangeOrderNumber!, email });
    expect(replacement).toMatchObject({ channel: "store", status: "collected" });
    expect(replacement.lines.map((l) => l.sku)).toEqual([sizeB]);
    const seen = await kiosk.returns.get({ returnNumber: created.returnNumber, email });
    expect(seen.exchangeOrderNumber).toBe(received.exchangeOrderNumber);
  });

  it("a dearer replacement answers what is due instead of a refund", async () => {
    const email = `dearer-${randomUUID().slice(0, 8)}@example.com`;
    const { order, shop } = await collectedOrder(email);
    // Priced as every channel prices it (promotions included).
    const { cartId } = await shop.cart.create();
    const dear = (await shop.cart.setQuantity({ cartId, sku: dearer, quantity: 1 })).lines[0]!.unitPriceMinor;
    const lines = [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "changed_mind" as const }];
    // Without a replacement the quote is the plain refund of what was paid.
    expect(await shop.returns.quote({ orderNumber: order.orderNumber, email, lines })).toEqual({
      refundMinor: order.totalMinor,
      currency: "PLN",
    });
    // The quote the kiosk shows before confirming writes nothing and names what create then promises.
    const quoted = await shop.returns.quote({
      orderNumber: order.orderNumber,
      email,
      lines,
      exchange: [{ sku: dearer, quantity: 1 }],
    });
    expect(quoted).toMatchObject({
      refundMinor: 0,
      amountDueMinor: dear - order.totalMinor,
      exchange: [{ sku: dearer, quantity: 1, unitPriceMinor: dear }],
    });
    expect(
      (await shop.returns.eligibility({ orderNumber: order.orderNumber, email })).lines[0]!.returnableQuantity,
    ).toBe(1);
    const created = await shop.returns.create({
      orderNumber: order.orderNumber,
      email,
      lines,
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
      exchange: [{ sku: dearer, quantity: 1 }],
    });
    expect(created.refundMinor).toBe(0);
    expect(created.amountDueMinor).toBe(dear - order.totalMinor);
    expect(created.amountDueMinor).toBeGreaterThan(0);
    expect(created.amountDueMinor).toBe(quoted.amountDueMinor);
    // That unit is now promised to the return: quoting it again is refused, and a wrong e-mail learns nothing.
    await expect(shop.returns.quote({ orderNumber: order.orderNumber, email, lines })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      shop.returns.quote({ orderNumber: order.orderNumber, email: "someone-else@example.com", lines }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the counter takes a dearer exchange's difference (cash with change, or card) and records it as a payment", async () => {
    const email = `difference-${randomUUID().slice(0, 8)}@example.com`;
    const { order, shop, ola } = await collectedOrder(email);
    const lines = [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "changed_mind" as const }];
    const created = await shop.returns.create({
      orderNumber: order.orderNumber,
      email,
      lines,
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
      exchange: [{ sku: dearer, quantity: 1 }],
    });
    const due = created.amountDueMinor!;
    expect(due).toBeGreaterThan(0);
    const receive = (payment?: { method: "cash"; tenderedMinor: number } | { method: "card" }) =>
      ola.returns.receive({
        returnNumber: created.returnNumber,
        storeId: "krakow",
        lines: [{ lineId: order.lines[0]!.lineId, condition: "resellable" }],
        payment,
      });
    const before = await onHand("krakow", dearer);
    // Without the difference, or with too little cash, nothing is received and nothing leaves the shelf.
    const refusal = (error: unknown) => (error as { cause: { details: { reason: string } } }).cause.details.reason;
    expect(refusal(await receive().catch((e: unknown) => e))).toBe("exchange_payment_required");
    expect(refusal(await receive({ method: "cash", tenderedMinor: due - 1 }).catch((e: unknown) => e))).toBe(
      "cash_short",
    );
    expect((await shop.returns.get({ returnNumber: created.returnNumber, email })).status).toBe("requested");
    expect(await onHand("krakow", dearer)).toBe(before);

    const tendered = Math.ceil((due + 1) / 10_000) * 10_000;
    const received = await receive({ method: "cash", tenderedMinor: tendered });
    expect(received.differencePayment).toEqual({
      method: "cash",
      amountMinor: due,
      tenderedMinor: tendered,
      changeMinor: tendered - due,
    });
    expect(await onHand("krakow", dearer)).toBe(before - 1);
    // The replacement order says how its difference was paid: its timeline and its payment reference.
    const [paid] = await t.sql`
      select o.paid_minor, o.payment_ref, e.data from orders o
      join order_events e on e.order_id = o.id and e.type = 'paid_in_store'
      where o.number = ${received.exchangeOrderNumber!}`;
    expect(paid).toMatchObject({
      paid_minor: due,
      payment_ref: "counter:cash",
      data: { method: "cash", amountMinor: due, changeMinor: tendered - due },
    });
    // Scanning the slip again is refused: the difference is taken once.
    await expect(receive({ method: "card" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("by mail the replacement ships from the warehouse; an unknown SKU is refused and changes nothing", async () => {
    const email = `mail-${randomUUID().slice(0, 8)}@example.com`;
    const { order, shop } = await collectedOrder(email);
    await expect(
      shop.returns.create({
        orderNumber: order.orderNumber,
        email,
        lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
        method: { type: "mail" },
        refundTo: "original",
        idempotencyKey: key(),
        exchange: [{ sku: "NO-SUCH-SKU", quantity: 1 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const created = await shop.returns.create({
      orderNumber: order.orderNumber,
      email,
      lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
      method: { type: "mail" },
      refundTo: "original",
      idempotencyKey: key(),
      exchange: [{ sku: sizeB, quantity: 1 }],
    });
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const received = await admin.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "online",
      lines: [{ lineId: order.lines[0]!.lineId, condition: "resellable" }],
    });
    const replacement = await admin.orders.get({ orderNumber: received.exchangeOrderNumber!, email });
    expect(replacement).toMatchObject({ channel: "store", status: "placed", fulfillment: { type: "delivery" } });
  });
});
