import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { cartWith } from "./checkout-fixtures";
import { callerFor, httpHandler } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const address = { line1: "Długa 5", city: "Gdańsk", postalCode: "80-831", country: "PL" };
let n = 0;
const key = () => `kiosk-delivery-${Date.now()}-${n++}`;

/** Plain-priced SKUs with stock at a location and a price under `maxPrice`, cheapest first. */
async function skusAt(locationId: string, count: number, maxPrice: number): Promise<{ sku: string; price: number }[]> {
  const rows = await t.db.execute<{ sku: string; price: number }>(sql`
    select sl.sku, v.price_minor as price from stock_levels sl
    join variants v on v.sku = sl.sku join products p on p.id = v.product_id
    where sl.location_id = ${locationId} and sl.on_hand - sl.held >= 4 and v.active and p.active
      and p.category_slug <> 'accessories' and v.price_minor between 1000 and ${maxPrice}
    order by v.price_minor desc, sl.sku limit ${count}`);
  return rows.map((r) => ({ sku: r.sku, price: Number(r.price) }));
}

let online: { sku: string; price: number }[] = [];
let krakow: { sku: string; price: number }[] = [];

beforeAll(async () => {
  online = await skusAt("online", 4, 9000);
  krakow = await skusAt("krakow", 2, 15000);
  expect(online).toHaveLength(4);
  expect(krakow).toHaveLength(2);
});

describe("the kiosk's endless aisle delivers", () => {
  it("to a parcel locker near the store with its fee, paid on delivery, and the kiosk reads the parcel's tracking", async () => {
    const kiosk = await callerFor(t.db, { kiosk: "gdansk" });
    const item = online[0]!;
    const cartId = await cartWith(kiosk, [{ sku: item.sku, quantity: 1 }]);
    const options = await kiosk.checkout.options({ cartId });
    expect(options.delivery.map((d) => [d.type, d.priceMinor])).toEqual([
      ["courier", 1499],
      ["locker", 999],
    ]);
    expect(options.payment).toEqual(expect.arrayContaining(["card", "blik", "cash_on_delivery"]));
    const [locker] = await kiosk.checkout.lockers({ lat: 54.352, lng: 18.646, limit: 1 });
    expect(locker!.city).toBe("Gdańsk");

    const email = "kiosk-locker@example.com";
    const placed = await kiosk.checkout.placeOrder({
      cartId,
      email,
      name: "Kiosk Shopper",
      phone: "+48500100300",
      fulfillment: { type: "locker", lockerId: locker!.id },
      payment: { method: "cash_on_delivery" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ shippingMinor: 999, totalMinor: item.price + 999, fulfillment: { type: "locker" } });

    const before = await kiosk.orders.get({ orderNumber: placed.orderNumber, email });
    expect(before).toMatchObject({ channel: "kiosk", shipment: null, fulfillment: { lockerId: locker!.id } });
    expect(before.taxes.reduce((sum, x) => sum + x.netMinor + x.vatMinor, 0)).toBe(before.totalMinor);

    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    await admin.fulfillment.ship({ orderNumber: placed.orderNumber });
    const shipped = await kiosk.orders.get({ orderNumber: placed.orderNumber, email });
    expect(shipped.status).toBe("shipped");
    expect(shipped.shipment).toMatchObject({
      status: "label_created",
      trackingNumber: expect.stringMatching(/^\d{24}$/),
    });
    // Staff confirm the delivery before the carrier reports it: the tracking at the kiosk says delivered too.
    await admin.fulfillment.deliver({ orderNumber: placed.orderNumber });
    const delivered = await kiosk.orders.get({ orderNumber: placed.orderNumber, email });
    expect(delivered).toMatchObject({ status: "delivered", shipment: { status: "delivered" } });
    expect(delivered.shipment!.events.map((e) => e.status)).toEqual(["label_created", "delivered"]);
    // Another shopper's e-mail at the same kiosk sees nothing.
    await expect(
      kiosk.orders.get({ orderNumber: placed.orderNumber, email: "someone-else@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("home by courier, free from 199 zł of goods, paid by BLIK", async () => {
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const item = online[1]!;
    const quantity = Math.min(4, Math.ceil(19900 / item.price));
    const cartId = await cartWith(kiosk, [{ sku: item.sku, quantity }]);
    const goods = item.price * quantity;
    const fee = goods >= 19900 ? 0 : 1499;
    const options = await kiosk.checkout.options({ cartId });
    expect(options.delivery.find((d) => d.type === "courier")?.priceMinor).toBe(fee);
    const placed = await kiosk.checkout.placeOrder({
      cartId,
      email: "kiosk-courier@example.com",
      name: "Kiosk Shopper",
      fulfillment: { type: "delivery", address, method: "courier" },
      payment: { method: "blik", code: "777123" },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ shippingMinor: fee, totalMinor: goods + fee, paymentStatus: "authorized" });
  });
});

describe("receipts in every app", () => {
  it("a completed order's receipt: with its e-mail at the kiosk, for staff of its store without it, for nobody else", async () => {
    const web = await callerFor(t.db, "anonymous");
    const email = "receipt-everywhere@example.com";
    const cartId = await cartWith(web, [{ sku: krakow[0]!.sku, quantity: 1 }]);
    const placed = await web.checkout.placeOrder({
      cartId,
      email,
      name: "Receipt Shopper",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: key(),
    });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin"); // associate in krakow
    await expect(ola.orders.receipt({ orderNumber: placed.orderNumber })).rejects.toMatchObject({ code: "CONFLICT" });
    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    await ola.pickup.collect({ code: placed.pickupCode! });

    const inAdmin = await ola.orders.receipt({ orderNumber: placed.orderNumber });
    expect(inAdmin).toMatchObject({ kind: "receipt", fileName: `receipt-${placed.orderNumber}.pdf` });
    expect(Buffer.from(inAdmin.pdfBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    const kiosk = await callerFor(t.db, { kiosk: "warszawa" });
    const atKiosk = await kiosk.orders.receipt({ orderNumber: placed.orderNumber, email });
    expect(atKiosk.kind).toBe("receipt");
    await expect(kiosk.orders.receipt({ orderNumber: placed.orderNumber })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      kiosk.orders.receipt({ orderNumber: placed.orderNumber, email: "not-the-buyer@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin"); // manager in warszawa only
    await expect(max.orders.receipt({ orderNumber: placed.orderNumber })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("refusals the apps put in the shopper's language", () => {
  const post = (path: string, json: unknown) =>
    new Request(`http://kiosk.test/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json }),
    });

  it("name a declined card, a refused or expired BLIK code and a parcel locker that is gone, and change nothing", async () => {
    const handle = httpHandler(t.db, "kiosk");
    const device = { deviceToken: "dev-kiosk-krakow" };
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const item = online[2]!;
    const cartId = await cartWith(kiosk, [{ sku: item.sku, quantity: 1 }]);
    const [{ n: ordersBefore }] = (await t.sql`select count(*)::int as n from orders`) as unknown as [{ n: number }];
    const base = { cartId, email: "refused@example.com", name: "Refused Shopper" };
    const attempts = [
      {
        input: { fulfillment: { type: "delivery", address }, payment: { method: "card", token: "tok_declined" } },
        reason: "payment_declined",
        method: "card",
      },
      {
        input: { fulfillment: { type: "delivery", address }, payment: { method: "blik", code: "123456" } },
        reason: "payment_declined",
        method: "blik",
      },
      {
        input: { fulfillment: { type: "locker", lockerId: "GONE01" }, payment: { method: "blik", code: "777123" } },
        reason: "locker_unavailable",
        method: undefined,
      },
    ];
    for (const attempt of attempts) {
      const response = await handle(
        post("checkout.placeOrder", { ...base, ...attempt.input, idempotencyKey: key() }),
        device,
      );
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.json.data.reason).toBe(attempt.reason);
      expect(error.json.data.params?.method).toBe(attempt.method);
      expect(error.json.message.length).toBeGreaterThan(10);
    }
    const gone = await handle(
      post("checkout.placeOrder", {
        ...base,
        ...attempts[2]!.input,
        idempotencyKey: key(),
      }),
      device,
    );
    expect((await gone.json()).error.json.data.params).toMatchObject({ lockerId: "GONE01" });
    const [{ n: ordersAfter }] = (await t.sql`select count(*)::int as n from orders`) as unknown as [{ n: number }];
    expect(ordersAfter).toBe(ordersBefore);
    expect((await kiosk.cart.get({ cartId })).status).toBe("open");
    // Every refusal names its reason, so each app words it in its own language.
    const unknownCart = await handle(
      post("checkout.placeOrder", {
        ...base,
        cartId: "00000000-0000-4000-8000-000000000000",
        fulfillment: { type: "delivery", address },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: key(),
      }),
      device,
    );
    expect(unknownCart.status).toBe(404);
    expect((await unknownCart.json()).error.json.data.reason).toBe("cart_not_found");
  });
});

describe("the contract's delivery, BLIK and VAT points through each app's /api/trpc", () => {
  const request = (path: string, json: unknown, method: "GET" | "POST") =>
    method === "GET"
      ? new Request(`http://app.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json }))}`)
      : new Request(`http://app.test/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ json }),
        });

  it.each([
    { app: "web" as const, as: {} },
    { app: "kiosk" as const, as: { deviceToken: "dev-kiosk-poznan" } },
    { app: "admin" as const, as: {} },
  ])(
    "$app: locker fee in the total, BLIK 777123 authorised and another code refused, VAT sums to the total",
    async ({ app, as }) => {
      const handle = httpHandler(t.db, app);
      const call = async <T>(path: string, json: unknown, method: "GET" | "POST" = "POST") => {
        const response = await handle(request(path, json, method), as);
        const body = await response.json();
        return { status: response.status, data: body.result?.data.json as T, error: body.error?.json };
      };
      const item = online[3]!;
      const { data: cart } = await call<{ cartId: string }>("cart.create", {});
      await call("cart.setQuantity", { cartId: cart.cartId, sku: item.sku, quantity: 1 });
      const { data: lockers } = await call<{ id: string }[]>(
        "checkout.lockers",
        { postalCode: "60-001", limit: 1 },
        "GET",
      );
      const email = `contract-${app}@example.com`;
      const order = {
        cartId: cart.cartId,
        email,
        name: "Contract Shopper",
        fulfillment: { type: "locker", lockerId: lockers[0]!.id },
      };
      const refused = await call("checkout.placeOrder", {
        ...order,
        payment: { method: "blik", code: "000000" },
        idempotencyKey: key(),
      });
      expect(refused.status).toBe(400);
      expect(
        (
          await call("checkout.placeOrder", {
            ...order,
            payment: { method: "blik", code: "77712" },
            idempotencyKey: key(),
          })
        ).status,
      ).toBe(400);
      const placed = await call<{ orderNumber: string; shippingMinor: number; totalMinor: number }>(
        "checkout.placeOrder",
        {
          ...order,
          payment: { method: "blik", code: "777123" },
          idempotencyKey: key(),
        },
      );
      expect(placed.status).toBe(200);
      expect(placed.data).toMatchObject({ shippingMinor: 999, totalMinor: item.price + 999 });
      const { data: got } = await call<{
        taxes: { rate: number; netMinor: number; vatMinor: number }[];
        totalMinor: number;
      }>("orders.get", { orderNumber: placed.data.orderNumber, email }, "GET");
      expect(got.taxes.reduce((sum, x) => sum + x.netMinor + x.vatMinor, 0)).toBe(got.totalMinor);
      expect(got.taxes.map((x) => x.rate)).toEqual([23]);
    },
  );
});
