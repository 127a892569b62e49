import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { codeHolder, creditBalance } from "@omni/domain/payments";
import { onHandAt } from "@omni/domain/testing";

import { callerFor } from "./testing";

/**
 * Returns end to end through the router, on orders made by the real checkout, pickup, delivery and
 * reservation procedures rather than a fixture.
 */
const t = await createTestDatabase();
afterAll(() => t.close());

const key = () => `journey-${randomUUID()}`;
let skus: string[] = [];

beforeAll(async () => {
  // Returnable SKUs with plenty of units in Kraków, the warehouse and Warszawa.
  const rows = await t.sql`
    select s.sku from stock_levels s
    join variants v on v.sku = s.sku join products p on p.id = v.product_id join categories c on c.slug = p.category_slug
    where c.final_sale = false and v.active and v.price_minor > 0 and s.location_id = 'krakow' and s.on_hand - s.held >= 6
      and exists (select 1 from stock_levels o where o.sku = s.sku and o.location_id = 'online' and o.on_hand - o.held >= 3)
    order by s.sku limit 2`;
  skus = rows.map((r) => r.sku as string);
  expect(skus).toHaveLength(2);
});

async function placeOrder(
  lines: { sku: string; quantity: number }[],
  options: {
    email: string;
    fulfillment?:
      | { type: "pickup"; storeId: string }
      | { type: "delivery"; address: { line1: string; city: string; postalCode: string; country: string } };
    creditCode?: string;
  },
) {
  const shop = await callerFor(t.db, "anonymous", "web", "10.1.1.1");
  const { cartId } = await shop.cart.create();
  for (const line of lines) await shop.cart.setQuantity({ cartId, sku: line.sku, quantity: line.quantity });
  const placed = await shop.checkout.placeOrder({
    cartId,
    email: options.email,
    name: "Journey Shopper",
    fulfillment: options.fulfillment ?? { type: "pickup", storeId: "krakow" },
    payment: { method: "card", token: "tok_ok", ...(options.creditCode ? { creditCode: options.creditCode } : {}) },
    idempotencyKey: key(),
  });
  const order = await shop.orders.get({ orderNumber: placed.orderNumber, email: options.email });
  return { placed, order };
}

describe("returns on real orders", () => {
  it("a click-and-collect order from Kraków with a declined line, returned in Warszawa for store credit that pays a later order", async () => {
    const email = `journey-${randomUUID().slice(0, 8)}@example.com`;
    const { placed, order } = await placeOrder(
      [
        { sku: skus[0]!, quantity: 3 },
        { sku: skus[1]!, quantity: 1 },
      ],
      { email },
    );
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    const declined = order.lines.find((l) => l.sku === skus[1])!;
    const kept = order.lines.find((l) => l.sku === skus[0])!;

    const shopper = await callerFor(t.db, "anonymous", "web", "10.1.1.2");
    const early = await shopper.returns.eligibility({ orderNumber: placed.orderNumber, email });
    expect(early.lines.every((l) => l.reasonCode === "not_completed")).toBe(true);

    await ola.pickup.collect({ code: placed.pickupCode!, declineLineIds: [declined.lineId] });
    const eligibility = await shopper.returns.eligibility({ orderNumber: placed.orderNumber, email });
    expect(eligibility.lines.find((l) => l.lineId === declined.lineId)).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "declined_at_pickup",
    });
    expect(eligibility.lines.find((l) => l.lineId === kept.lineId)).toMatchObject({ returnableQuantity: 3 });
    await expect(
      shopper.returns.create({
        orderNumber: placed.orderNumber,
        email,
        lines: [{ lineId: declined.lineId, quantity: 1, reason: "changed_mind" }],
        method: { type: "in_store", storeId: "warszawa" },
        refundTo: "original",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("declined") });

    const created = await shopper.returns.create({
      orderNumber: placed.orderNumber,
      email,
      lines: [{ lineId: kept.lineId, quantity: 2, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "warszawa" },
      refundTo: "store_credit",
      idempotencyKey: key(),
    });
    expect(created.refundMinor).toBe(2 * kept.unitPriceMinor);

    const warszawaBefore = await onHandAt(t.db, "warszawa", kept.sku);
    const krakowBefore = await onHandAt(t.db, "krakow", kept.sku);
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const received = await max.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "warszawa",
      lines: [{ lineId: kept.lineId, condition: "resellable" }],
    });
    expect(received).toMatchObject({
      status: "refunded",
      refundMinor: created.refundMinor,
      creditCode: expect.stringMatching(/^CR-/),
    });
    expect(await onHandAt(t.db, "warszawa", kept.sku)).toBe(warszawaBefore + 2);
    expect(await onHandAt(t.db, "krakow", kept.sku)).toBe(krakowBefore);

    // The declined line was never taken (only what was kept was captured); two units came back now, once.
    const [paid] = await t.sql`select paid_minor from orders where number = ${placed.orderNumber}`;
    const [captured] =
      await t.sql`select coalesce(sum(amount_minor), 0)::int as n from payments p join orders o on o.id = p.order_id where o.number = ${placed.orderNumber} and p.kind = 'charge'`;
    expect(captured!.n).toBe(3 * kept.unitPriceMinor);
    const [card] =
      await t.sql`select coalesce(sum(amount_minor), 0)::int as n from payments p join orders o on o.id = p.order_id where o.number = ${placed.orderNumber} and p.kind = 'refund'`;
    expect(card!.n + received.refundMinor).toBe(2 * kept.unitPriceMinor);
    expect(card!.n + received.refundMinor).toBeLessThanOrEqual(paid!.paid_minor);

    const credit = received.creditCode!;
    expect(await creditBalance(t.db, codeHolder(credit))).toBe(created.refundMinor);
    const later = await placeOrder([{ sku: skus[0]!, quantity: 1 }], { email, creditCode: credit });
    const [laterOrder] =
      await t.sql`select store_credit_minor, total_minor from orders where number = ${later.placed.orderNumber}`;
    expect(laterOrder!.store_credit_minor).toBe(Math.min(created.refundMinor, laterOrder!.total_minor));
    expect(await creditBalance(t.db, codeHolder(credit))).toBe(created.refundMinor - laterOrder!.store_credit_minor);
  });

  it("a delivered order, returned by mail and received at the warehouse", async () => {
    const email = `journey-${randomUUID().slice(0, 8)}@example.com`;
    const { placed, order } = await placeOrder([{ sku: skus[0]!, quantity: 1 }], {
      email,
      fulfillment: {
        type: "delivery",
        address: { line1: "ul. Długa 1", city: "Gdańsk", postalCode: "80-001", country: "PL" },
      },
    });
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const shopper = await callerFor(t.db, "anonymous", "web", "10.1.1.3");
    await admin.fulfillment.ship({ orderNumber: placed.orderNumber });
    expect((await shopper.returns.eligibility({ orderNumber: placed.orderNumber, email })).lines[0]!.reasonCode).toBe(
      "not_completed",
    );
    await admin.fulfillment.deliver({ orderNumber: placed.orderNumber });
    const created = await shopper.returns.create({
      orderNumber: placed.orderNumber,
      email,
      lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "damaged" }],
      method: { type: "mail" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    const [slip] = await t.sql`select data from outbox where "to" = ${email} and template = 'return_created'`;
    expect(slip!.data).toMatchObject({ method: "mail", storeId: null, shipTo: expect.stringContaining("Logistyczna") });
    const received = await admin.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "online",
      lines: [{ lineId: order.lines[0]!.lineId, condition: "damaged" }],
    });
    expect(received).toMatchObject({
      status: "refunded",
      refundMinor: order.lines[0]!.unitPriceMinor,
      toCardMinor: order.lines[0]!.unitPriceMinor,
    });
  });

  it("a reservation sold at the counter is a store order that can be returned at once", async () => {
    const email = `journey-${randomUUID().slice(0, 8)}@example.com`;
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const reservation = await kiosk.reservations.create({
      storeId: "krakow",
      lines: [{ sku: skus[1]!, quantity: 1 }],
      email,
      name: "Counter Shopper",
      idempotencyKey: key(),
    });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    const { orderNumber } = await ola.reservations.fulfil({ code: reservation.code });
    const eligibility = await kiosk.returns.eligibility({ orderNumber, email });
    expect(eligibility.deadline).toBeInstanceOf(Date);
    expect(eligibility.lines[0]).toMatchObject({ sku: skus[1], returnableQuantity: 1 });
    const created = await kiosk.returns.create({
      orderNumber,
      email,
      lines: [{ lineId: eligibility.lines[0]!.lineId, quantity: 1, reason: "changed_mind" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    const before = await onHandAt(t.db, "krakow", skus[1]!);
    const received = await ola.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "krakow",
      lines: [{ lineId: eligibility.lines[0]!.lineId, condition: "resellable" }],
    });
    // Paid at the till, so the clerk pays it back from the till rather than as credit.
    const [line] = await t.sql`select unit_price_minor from order_lines where id = ${eligibility.lines[0]!.lineId}`;
    const price = line!.unit_price_minor as number;
    expect(received).toMatchObject({
      status: "refunded",
      refundMinor: price,
      toTillMinor: price,
      toCardMinor: 0,
      toCreditMinor: 0,
    });
    expect(received.creditCode).toBeUndefined();
    const [till] =
      await t.sql`select provider, amount_minor from payments where return_id = (select id from returns where number = ${created.returnNumber})`;
    expect(till).toMatchObject({ provider: "till", amount_minor: received.refundMinor });
    expect(await onHandAt(t.db, "krakow", skus[1]!)).toBe(before + 1);
    const [row] = await t.sql`select channel from returns where number = ${created.returnNumber}`;
    expect(row!.channel).toBe("kiosk");
  });
});
