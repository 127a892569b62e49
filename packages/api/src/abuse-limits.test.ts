import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { cartWith, ledgerMismatches, stockedSkus, stockOf } from "./checkout-fixtures";
import { callerFor } from "./testing";

/**
 * Guessing discount codes is limited per caller like the other codes, and stock writes that are deltas
 * (receiving goods, creating a transfer) take an idempotency key, so a retried request adds once.
 */
const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());

let skus: string[] = [];
beforeAll(async () => {
  skus = await stockedSkus(t.db, "warszawa", 3, 3);
});

describe("discount code guessing", () => {
  it("answers the first wrong codes normally and refuses a caller from its 11th, even a right code", async () => {
    const guesser = await callerFor(t.db, "anonymous", "web", "203.0.113.40");
    const cartId = await cartWith(guesser, [{ sku: skus[0]!, quantity: 1 }]);
    for (let i = 0; i < 10; i++) {
      await expect(guesser.cart.applyCode({ cartId, code: `GUESS${i}` })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(guesser.cart.applyCode({ cartId, code: "GUESS10" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // The limit stops the guesser, not the code: it answers TOO_MANY_REQUESTS whatever is tried.
    await expect(guesser.cart.applyCode({ cartId, code: "WELCOME10" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // Another shopper elsewhere still applies the code.
    const shopper = await callerFor(t.db, "anonymous", "web", "198.51.100.40");
    const theirs = await cartWith(shopper, [{ sku: skus[0]!, quantity: 1 }]);
    expect(await shopper.cart.applyCode({ cartId: theirs, code: "welcome10" })).toMatchObject({
      discountCode: { code: "WELCOME10" },
    });
  });
});

describe("an idempotency key on stock writes", () => {
  it("receives goods once for a retried key, refuses the key with another request, and races safely", async () => {
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const sku = skus[1]!;
    const before = (await stockOf(t.db, "warszawa", sku)).onHand;
    const request = {
      storeId: "warszawa",
      sku,
      quantity: 4,
      reason: "Delivery note 17",
      idempotencyKey: "receive-dn-17",
    };
    const first = await max.inventory.receive(request);
    expect(first.onHand).toBe(before + 4);
    expect(await max.inventory.receive(request)).toEqual(first);
    await expect(max.inventory.receive({ ...request, quantity: 5 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("idempotency key"),
    });
    // Ten copies of one request at once (a client retrying on a slow network): one delivery.
    const raced = { ...request, idempotencyKey: "receive-dn-18" };
    const answers = await Promise.all(Array.from({ length: 10 }, () => max.inventory.receive(raced)));
    expect(new Set(answers.map((a) => a.onHand))).toEqual(new Set([before + 8]));
    expect((await stockOf(t.db, "warszawa", sku)).onHand).toBe(before + 8);
    const receipts = await t.sql`
      select count(*)::int as n from stock_movements where location_id = 'warszawa' and sku = ${sku} and reason = 'receiving'`;
    expect(receipts[0]!.n).toBe(2);
    expect(await ledgerMismatches(t.db, [sku])).toEqual([]);
    await expect(max.inventory.receive({ ...request, idempotencyKey: undefined as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("creates one transfer (one hold) for a retried transfers.create with its key", async () => {
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const request = {
      fromStoreId: "warszawa",
      toStoreId: "krakow",
      lines: [{ sku: skus[2]!, quantity: 1 }],
      reason: "Rebalance",
      idempotencyKey: "transfer-retry-1",
    };
    const held = (await stockOf(t.db, "warszawa", skus[2]!)).held;
    const [a, b] = await Promise.all([max.transfers.create(request), max.transfers.create(request)]);
    expect(a).toEqual(b);
    expect((await stockOf(t.db, "warszawa", skus[2]!)).held).toBe(held + 1);
  });
});

describe("discount code usage limits", () => {
  it("count uses per code and per shopper at checkout, and racing checkouts cannot pass the limit", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const now = Date.now();
    const window = { startsAt: new Date(now - 60_000), endsAt: new Date(now + 86_400_000) };
    await admin.promotions.create({
      name: "Two uses, once each",
      kind: "percent",
      value: 10,
      code: "TWICE-ONCE",
      usageLimit: 2,
      usageLimitPerCustomer: 1,
      ...window,
    });
    const checkout = async (email: string, address: string, key: string, code = "TWICE-ONCE") => {
      const api = await callerFor(t.db, "anonymous", "web", address);
      const cartId = await cartWith(api, [{ sku: skus[0]!, quantity: 1 }]);
      await api.cart.applyCode({ cartId, code });
      return api.checkout.placeOrder({
        cartId,
        email,
        name: "Code User",
        fulfillment: { type: "pickup", storeId: "warszawa" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: key,
      });
    };
    await checkout("first@example.com", "203.0.113.60", "code-use-1");
    await expect(checkout("FIRST@example.com", "203.0.113.61", "code-use-2")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already used"),
    });
    await checkout("second@example.com", "203.0.113.62", "code-use-3");
    await expect(checkout("third@example.com", "203.0.113.63", "code-use-4")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("used up"),
    });

    await admin.promotions.create({
      name: "One use",
      kind: "amount",
      value: 100,
      code: "ONLY-ONE",
      usageLimit: 1,
      ...window,
    });
    const raced = await Promise.allSettled(
      Array.from({ length: 4 }, (_, i) =>
        checkout(`race-${i}@example.com`, `203.0.113.${70 + i}`, `code-race-${i}`, "ONLY-ONE"),
      ),
    );
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of raced.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });
});
