import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { setStock, stockedSkus } from "./checkout-fixtures";
import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const [skuA, skuB, skuLow] = await stockedSkus(t.db, "krakow", 3, 3);

describe("cart procedures", () => {
  it("creates a guest cart, prices its lines and removes a line at quantity 0", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { cartId } = await api.cart.create();
    expect(cartId.length).toBeGreaterThanOrEqual(24);
    expect(await api.cart.get({ cartId })).toMatchObject({
      cartId,
      lines: [],
      subtotalMinor: 0,
      discountMinor: 0,
      totalMinor: 0,
      currency: "PLN",
    });

    await api.cart.setQuantity({ cartId, sku: skuA!, quantity: 2 });
    const cart = await api.cart.setQuantity({ cartId, sku: skuB!, quantity: 1 });
    expect(cart.lines).toHaveLength(2);
    const a = cart.lines.find((l) => l.sku === skuA)!;
    expect(a).toMatchObject({ sku: skuA, quantity: 2, totalMinor: a.unitPriceMinor * 2 });
    expect(a.title).toBeTruthy();
    expect(a.productTitle).toBeTruthy();
    expect(a.slug).toBeTruthy();
    expect(cart.subtotalMinor).toBe(cart.lines.reduce((s, l) => s + l.totalMinor, 0));
    expect(cart.totalMinor).toBe(cart.subtotalMinor);

    const fewer = await api.cart.setQuantity({ cartId, sku: skuA!, quantity: 0 });
    expect(fewer.lines.map((l) => l.sku)).toEqual([skuB]);
    expect(await api.cart.get({ cartId })).toEqual(fewer);
  });

  it("answers NOT_FOUND for an unknown SKU or cart, and BAD_REQUEST for a negative quantity", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { cartId } = await api.cart.create();
    await expect(api.cart.setQuantity({ cartId, sku: "NO-SUCH-SKU", quantity: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.cart.get({ cartId: "not-a-cart" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.cart.setQuantity({ cartId, sku: skuA!, quantity: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses a quantity that no location can supply, saying how many are left", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { cartId } = await api.cart.create();
    await t.sql`update stock_levels set on_hand = least(on_hand, 1) where sku = ${skuLow!} and location_id <> 'krakow'`;
    await setStock(t.db, "krakow", skuLow!, 2);
    await expect(api.cart.setQuantity({ cartId, sku: skuLow!, quantity: 3 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Only 2 left"),
    });
    expect((await api.cart.setQuantity({ cartId, sku: skuLow!, quantity: 2 })).lines[0]!.quantity).toBe(2);
  });

  it("applies the WELCOME10 code and refuses an invalid one with a clear message", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { cartId } = await api.cart.create();
    await api.cart.setQuantity({ cartId, sku: skuA!, quantity: 1 });
    await expect(api.cart.applyCode({ cartId, code: "NOPE-123" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("not valid"),
    });
    const cart = await api.cart.applyCode({ cartId, code: "welcome10" });
    expect(cart.discountCode).toEqual({ code: "WELCOME10", name: expect.any(String) });
    expect(cart.discountMinor).toBe(Math.round(cart.subtotalMinor / 10));
    expect(cart.totalMinor).toBe(cart.subtotalMinor - cart.discountMinor);
    expect((await api.cart.removeCode({ cartId })).discountMinor).toBe(0);
  });

  it("follows a signed-in shopper from the shop to the kiosk, and merges their guest cart on sign-in", async () => {
    const web = await callerFor(t.db, { email: "ada@example.com" }, "web");
    const kiosk = await callerFor(t.db, { email: "ada@example.com" }, "kiosk");
    const { cartId } = await web.cart.create();
    await web.cart.setQuantity({ cartId, sku: skuA!, quantity: 1 });
    expect((await kiosk.cart.create()).cartId).toBe(cartId);
    expect((await kiosk.cart.mine())?.lines).toMatchObject([{ sku: skuA, quantity: 1 }]);

    const guest = await callerFor(t.db, "anonymous");
    const guestCart = await guest.cart.create();
    await guest.cart.setQuantity({ cartId: guestCart.cartId, sku: skuA!, quantity: 1 });
    await guest.cart.setQuantity({ cartId: guestCart.cartId, sku: skuB!, quantity: 1 });
    const merged = await web.cart.create({ cartId: guestCart.cartId });
    expect(merged.cartId).toBe(cartId);
    expect(merged.cart.lines.map((l) => [l.sku, l.quantity]).sort()).toEqual(
      [
        [skuA, 2],
        [skuB, 1],
      ].sort(),
    );
    expect((await guest.cart.get({ cartId: guestCart.cartId })).status).toBe("merged");
    await expect(guest.cart.setQuantity({ cartId: guestCart.cartId, sku: skuA!, quantity: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(guest.cart.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await web.cart.create({ cartId: "stale-guest-cart" })).cartId).toBe(cartId);
    await expect(web.cart.merge({ cartId: "stale-guest-cart" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("hands a cart off with a short code and resumes it on another device", async () => {
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const { cartId } = await kiosk.cart.create();
    await kiosk.cart.setQuantity({ cartId, sku: skuB!, quantity: 1 });
    const { code } = await kiosk.cart.handoff({ cartId });
    expect(code.length).toBeGreaterThanOrEqual(6);
    const phone = await callerFor(t.db, "anonymous", "web", "10.0.0.5");
    expect(await phone.cart.resume({ code: code.toLowerCase() })).toEqual({ cartId });
    const [audit] = await t.sql`select action from audit_log where action = 'cart.handoff'`;
    expect(audit).toBeTruthy();
  });

  it("rate-limits wrong hand-off codes: the first 3 are NOT_FOUND, from the 11th TOO_MANY_REQUESTS", async () => {
    const guesser = await callerFor(t.db, "anonymous", "web", "10.9.9.9");
    for (let i = 1; i <= 10; i++) {
      await expect(guesser.cart.resume({ code: `WRONG${i}` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(guesser.cart.resume({ code: "WRONG11" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(guesser.cart.resume({ code: "x".repeat(65) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another caller is not affected.
    const other = await callerFor(t.db, "anonymous", "web", "10.9.9.10");
    await expect(other.cart.resume({ code: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("hostile input", () => {
  it("answers text PostgreSQL cannot store with 4xx, never 500", async () => {
    const api = await callerFor(t.db, "anonymous", "web", "10.66.0.1");
    const { cartId } = await api.cart.create();
    await expect(api.cart.get({ cartId: "a\u0000b" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.cart.setQuantity({ cartId, sku: "a\u0000", quantity: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.cart.applyCode({ cartId, code: "WEL\u0000" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.cart.resume({ code: "a\u0000b" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.orders.get({ orderNumber: "OM-1\u0000", email: "a@example.com" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      api.account.signUp({ email: "nul@example.com", password: "long enough", name: "a\u0000" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.checkout.placeOrder({
        cartId,
        email: "a@example.com",
        name: "A",
        phone: "\u0000",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "pay_in_store" },
        idempotencyKey: "nul-key-123",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
