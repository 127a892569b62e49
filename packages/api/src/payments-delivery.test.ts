import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { expirePickups, handlePaymentNotification, reconcilePayments, trackShipments } from "@omni/domain/orders";
import { testBank, testBankPay } from "@omni/domain/payments";

import { cartWith, stockOf } from "./checkout-fixtures";
import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const guest = { email: "guest@example.com", name: "Guest Shopper" };
const address = { line1: "Floriańska 1", city: "Kraków", postalCode: "31-019", country: "PL" };
let n = 0;
const key = () => `pay-test-${Date.now()}-${n++}`;
const later = (ms: number) => new Date(Date.now() + ms);
const HOUR = 3_600_000;

/** Plain-priced SKUs with stock at a location and a price in a range, cheapest first. */
async function skusAt(locationId: string, count: number, maxPrice: number): Promise<{ sku: string; price: number }[]> {
  const rows = await t.db.execute<{ sku: string; price: number }>(sql`
    select sl.sku, v.price_minor as price from stock_levels sl
    join variants v on v.sku = sl.sku join products p on p.id = v.product_id
    where sl.location_id = ${locationId} and sl.on_hand - sl.held >= 4 and v.active and p.active
      and p.category_slug <> 'accessories' and v.price_minor between 1000 and ${maxPrice}
    order by v.price_minor, sl.sku limit ${count}`);
  return rows.map((r) => ({ sku: r.sku, price: Number(r.price) }));
}

let pickupSkus: { sku: string; price: number }[] = [];
let onlineSkus: { sku: string; price: number }[] = [];

beforeAll(async () => {
  pickupSkus = await skusAt("krakow", 4, 19000);
  onlineSkus = await skusAt("online", 6, 9000);
  expect(pickupSkus.length).toBe(4);
  expect(onlineSkus.length).toBe(6);
});

async function attemptOf(orderNumber: string) {
  const [row] = await t.db.execute<{ id: string; status: string; amount_minor: number; captured_minor: number }>(
    sql`select a.id, a.status, a.amount_minor, a.captured_minor from payment_attempts a join orders o on o.id = a.order_id where o.number = ${orderNumber}`,
  );
  return row!;
}

describe("payments outside the transaction", () => {
  it("BLIK: 777123 is authorised, another six-digit code leaves no order and nothing held, a short code is BAD_REQUEST", async () => {
    const api = await callerFor(t.db, "anonymous");
    const sku = onlineSkus[0]!.sku;
    const before = await stockOf(t.db, "online", sku);
    const [{ count: ordersBefore }] = (await t.sql`select count(*)::int as count from orders`) as unknown as [
      { count: number },
    ];
    const cartId = await cartWith(api, [{ sku, quantity: 1 }]);
    const fulfillment = { type: "delivery" as const, address };
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment,
        payment: { method: "blik", code: "123456" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("BLIK code was declined or has expired"),
    });
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment,
        payment: { method: "blik", code: "12345" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await stockOf(t.db, "online", sku)).toEqual(before);
    const [{ count: ordersAfter }] = (await t.sql`select count(*)::int as count from orders`) as unknown as [
      { count: number },
    ];
    expect(ordersAfter).toBe(ordersBefore);
    expect((await api.cart.get({ cartId })).status).toBe("open");

    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment,
      payment: { method: "blik", code: "777123" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ status: "placed", paymentMethod: "blik", paymentStatus: "authorized" });
    expect((await attemptOf(placed.orderNumber)).status).toBe("authorized");
  });

  it("a card that is charged but never answers: one charge and one order once the reconcile sweep has asked the provider", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: pickupSkus[0]!.sku, quantity: 1 }]);
    const idempotencyKey = key();
    const input = {
      cartId,
      ...guest,
      fulfillment: { type: "pickup" as const, storeId: "krakow" },
      payment: { method: "card" as const, token: "tok_timeout" },
      idempotencyKey,
    };
    const first = await api.checkout.placeOrder(input);
    expect(first).toMatchObject({ status: "placed", paymentStatus: "pending", paidMinor: 0 });
    const attempt = await attemptOf(first.orderNumber);
    expect(attempt.status).toBe("pending");
    expect(testBank.get(attempt.id)?.chargeCount).toBe(1);

    // A sweep that runs before the grace period leaves it alone; after it, the provider is asked.
    expect(await reconcilePayments(t.db, new Date())).toBe(0);
    expect(await reconcilePayments(t.db, later(5 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await attemptOf(first.orderNumber)).toMatchObject({ status: "authorized" });
    expect(await reconcilePayments(t.db, later(10 * 60_000))).toBe(0);

    const again = await api.checkout.placeOrder(input);
    expect(again).toMatchObject({
      orderNumber: first.orderNumber,
      paymentStatus: "authorized",
      paidMinor: first.totalMinor,
    });
    const rows = await t.sql`select count(*)::int as n from orders where idempotency_key = ${idempotencyKey}`;
    expect(rows[0]).toEqual({ n: 1 });
    expect(testBank.get(attempt.id)?.chargeCount).toBe(1);
    const messages =
      await t.sql`select count(*)::int as n from outbox where template = 'order_placed' and data->>'orderNumber' = ${first.orderNumber}`;
    expect(messages[0]).toEqual({ n: 1 });
  });

  it("a transfer notification that arrives twice, at once and before the shopper returns, is processed once", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: onlineSkus[1]!.sku, quantity: 1 }]);
    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment: { type: "delivery", address },
      payment: { method: "transfer", returnUrl: "/orders/return" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ paymentStatus: "pending", redirectUrl: expect.stringContaining("/test-bank?") });
    const attempt = await attemptOf(placed.orderNumber);
    const paid = testBankPay({ session: attempt.id, pay: true })!;
    const { paid: _paid, ...note } = paid;
    const body = JSON.stringify(note);
    // A forged notification changes nothing.
    expect(
      await handlePaymentNotification(t.db, { provider: "transfer", body: JSON.stringify({ ...note, amount: 1 }) }),
    ).toEqual({
      ok: false,
    });
    const results = await Promise.all([
      handlePaymentNotification(t.db, { provider: "transfer", body }),
      handlePaymentNotification(t.db, { provider: "transfer", body }),
    ]);
    expect(results.map((r) => r.result).sort()).toEqual(["already", "authorized"]);
    // The shopper comes back afterwards: the page reads the finished order, and a late notification is a no-op.
    expect((await handlePaymentNotification(t.db, { provider: "transfer", body })).result).toBe("already");
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(order).toMatchObject({ paymentStatus: "authorized", paidMinor: placed.totalMinor });
    expect(order.events.filter((e) => e.type === "payment_authorized")).toHaveLength(1);
    const messages =
      await t.sql`select count(*)::int as n from outbox where template = 'order_placed' and data->>'orderNumber' = ${placed.orderNumber}`;
    expect(messages[0]).toEqual({ n: 1 });
    expect(testBank.get(attempt.id)?.chargeCount).toBe(1);
  });

  it("a collected order with a declined line captures only what was taken, and refunds nothing", async () => {
    const api = await callerFor(t.db, "anonymous");
    const [a, b] = pickupSkus.slice(1, 3) as [{ sku: string; price: number }, { sku: string; price: number }];
    const cartId = await cartWith(api, [
      { sku: a.sku, quantity: 1 },
      { sku: b.sku, quantity: 2 },
    ]);
    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: key(),
    });
    const clerk = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    const declined = order.lines.find((l) => l.sku === b.sku)!;
    const collected = await clerk.pickup.collect({ code: placed.pickupCode!, declineLineIds: [declined.lineId] });
    expect(collected.status).toBe("collected");
    const attempt = await attemptOf(placed.orderNumber);
    expect(attempt).toMatchObject({ status: "captured", amount_minor: placed.totalMinor, captured_minor: a.price });
    expect(testBank.get(attempt.id)).toMatchObject({ status: "captured", capturedMinor: a.price, refundedMinor: 0 });
    const ledger =
      await t.sql`select p.kind, p.amount_minor from payments p join orders o on o.id = p.order_id where o.number = ${placed.orderNumber}`;
    expect(ledger).toEqual([{ kind: "charge", amount_minor: a.price }]);
  });

  it("an expired pickup releases the authorisation instead of refunding", async () => {
    const api = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(api, [{ sku: pickupSkus[3]!.sku, quantity: 1 }]);
    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: key(),
    });
    const clerk = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    const when = later(40 * 24 * HOUR);
    expect(await expirePickups.run(t.db, when)).toBeGreaterThanOrEqual(1);
    expect((await attemptOf(placed.orderNumber)).status).toBe("cancel_pending");
    await reconcilePayments(t.db, later(41 * 24 * HOUR));
    const attempt = await attemptOf(placed.orderNumber);
    expect(attempt.status).toBe("cancelled");
    expect(testBank.get(attempt.id)).toMatchObject({ status: "cancelled", capturedMinor: 0, refundedMinor: 0 });
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(order).toMatchObject({ status: "expired", paidMinor: 0 });
    const ledger =
      await t.sql`select count(*)::int as n from payments p join orders o on o.id = p.order_id where o.number = ${placed.orderNumber}`;
    expect(ledger[0]).toEqual({ n: 0 });
  });
});

describe("delivery: courier, parcel lockers, fees and tracking", () => {
  it("lists at least 20 lockers, nearest first to a postal code or a position", async () => {
    const api = await callerFor(t.db, "anonymous");
    const all = await api.checkout.lockers({ limit: 50 });
    expect(all.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((l) => l.city)).size).toBe(5);
    const krakow = await api.checkout.lockers({ postalCode: "31-019", limit: 5 });
    expect(krakow.map((l) => l.city)).toEqual(Array(5).fill("Kraków"));
    const gdansk = await api.checkout.lockers({ lat: 54.35, lng: 18.65, limit: 3 });
    expect(gdansk[0]!.city).toBe("Gdańsk");
    expect(gdansk[0]!.distanceKm!).toBeLessThanOrEqual(gdansk[1]!.distanceKm!);
    await expect(api.checkout.lockers({ lat: 120, lng: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a guest orders to a parcel locker by BLIK: the fee is in the total, VAT sums to it, staff ship it and the parcel is tracked to the locker", async () => {
    const api = await callerFor(t.db, "anonymous");
    const item = onlineSkus[2]!;
    const cartId = await cartWith(api, [{ sku: item.sku, quantity: 1 }]);
    const options = await api.checkout.options({ cartId });
    expect(options.delivery).toEqual([
      expect.objectContaining({ type: "courier", priceMinor: 1499 }),
      expect.objectContaining({ type: "locker", priceMinor: 999 }),
    ]);
    expect(options.payment).toEqual(expect.arrayContaining(["card", "blik", "transfer", "cash_on_delivery"]));
    const [locker] = await api.checkout.lockers({ postalCode: "00-001", limit: 1 });
    await expect(
      api.checkout.placeOrder({
        cartId,
        ...guest,
        fulfillment: { type: "locker", lockerId: "NOWHERE01" },
        payment: { method: "blik", code: "777123" },
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("no longer available") });
    const placed = await api.checkout.placeOrder({
      cartId,
      ...guest,
      phone: "+48500100200",
      fulfillment: { type: "locker", lockerId: locker!.id },
      payment: { method: "blik", code: "777123" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ shippingMinor: 999, totalMinor: item.price + 999, fulfillment: { type: "locker" } });
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(order.fulfillment).toMatchObject({ type: "locker", lockerId: locker!.id });
    expect(order.taxes.reduce((sum, x) => sum + x.netMinor + x.vatMinor, 0)).toBe(order.totalMinor);
    expect(order.taxes).toEqual([{ rate: 23, netMinor: expect.any(Number), vatMinor: expect.any(Number) }]);

    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    await admin.fulfillment.ship({ orderNumber: placed.orderNumber });
    const shipped = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(shipped.shipment).toMatchObject({
      status: "label_created",
      trackingNumber: expect.stringMatching(/^\d{24}$/),
    });
    expect((await attemptOf(placed.orderNumber)).status).toBe("captured");
    const label = await admin.fulfillment.label({ orderNumber: placed.orderNumber });
    expect(label.trackingNumber).toBe(shipped.shipment!.trackingNumber);
    expect(Buffer.from(label.pdfBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");

    await trackShipments(t.db, later(31 * HOUR));
    const inLocker = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(inLocker.shipment?.status).toBe("ready_in_locker");
    const messages =
      await t.sql`select channel, "to" from outbox where template = 'parcel_in_locker' and data->>'orderNumber' = ${placed.orderNumber} order by channel`;
    expect(messages).toEqual([
      { channel: "email", to: guest.email },
      { channel: "sms", to: "+48500100200" },
    ]);
    await trackShipments(t.db, later(61 * HOUR));
    expect((await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email })).status).toBe("delivered");
    const receipt = await api.orders.receipt({ orderNumber: placed.orderNumber, email: guest.email });
    expect(receipt).toMatchObject({ kind: "receipt", contentType: "application/pdf" });
    expect(Buffer.from(receipt.pdfBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("courier delivery is free from 199 zł of goods, and a company invoice needs a valid NIP", async () => {
    const api = await callerFor(t.db, "anonymous");
    const item = onlineSkus[3]!;
    const quantity = Math.ceil(19900 / item.price);
    const cartId = await cartWith(api, [{ sku: item.sku, quantity: Math.min(quantity, 4) }]);
    const goods = item.price * Math.min(quantity, 4);
    const base = {
      cartId,
      ...guest,
      fulfillment: { type: "delivery" as const, address },
      payment: { method: "card" as const, token: "tok_ok" },
    };
    await expect(
      api.checkout.placeOrder({ ...base, invoice: { companyName: "Firma", nip: "1234567890" }, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("NIP") });
    const placed = await api.checkout.placeOrder({
      ...base,
      invoice: { companyName: "Firma Testowa sp. z o.o.", nip: "526-000-12-46" },
      idempotencyKey: key(),
    });
    const fee = goods >= 19900 ? 0 : 1499;
    expect(placed).toMatchObject({ shippingMinor: fee, totalMinor: goods + fee });
    const order = await api.orders.get({ orderNumber: placed.orderNumber, email: guest.email });
    expect(order.invoice).toMatchObject({ nip: "5260001246" });
    await expect(api.orders.receipt({ orderNumber: placed.orderNumber, email: guest.email })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    await admin.fulfillment.ship({ orderNumber: placed.orderNumber });
    await admin.fulfillment.deliver({ orderNumber: placed.orderNumber });
    const invoice = await api.orders.receipt({ orderNumber: placed.orderNumber, email: guest.email });
    expect(invoice).toMatchObject({ kind: "invoice", fileName: `invoice-${placed.orderNumber}.pdf` });
    expect(Buffer.from(invoice.pdfBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("the catalogue answers the VAT rate of a product", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { items } = await api.catalog.search({ limit: 1 });
    const product = await api.catalog.product({ slug: items[0]!.slug });
    expect(product.vatRate).toBe(23);
  });
});
