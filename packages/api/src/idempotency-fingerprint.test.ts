import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { cartWith, stockedSkus } from "./checkout-fixtures";
import { callerFor } from "./testing";

/**
 * Idempotency as Stripe has it: a key is bound to the request it first came with. Before, the same
 * key with the same e-mail but another request answered the first order or reservation as if it
 * were the answer to the second (a shopper would believe an order placed that never was).
 */
const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());

let skus: string[] = [];
beforeAll(async () => {
  skus = await stockedSkus(t.db, "krakow", 3, 3);
});

describe("an idempotency key", () => {
  it("answers a retry of the same checkout with the first order, and another checkout with CONFLICT", async () => {
    const api = await callerFor(t.db, "anonymous", "web", "203.0.113.70");
    const cartId = await cartWith(api, [{ sku: skus[0]!, quantity: 1 }]);
    const request = {
      cartId,
      email: "idem@example.com",
      name: "Idem Potent",
      fulfillment: { type: "pickup" as const, storeId: "krakow" },
      payment: { method: "card" as const, token: "tok_ok" },
      idempotencyKey: "fingerprint-order-1",
    };
    const first = await api.checkout.placeOrder(request);
    // The same request again, even from another network address: the first answer.
    const retry = await (
      await callerFor(t.db, "anonymous", "web", "198.51.100.70")
    ).checkout.placeOrder({
      ...request,
      email: "IDEM@example.com",
    });
    expect(retry.orderNumber).toBe(first.orderNumber);
    // The same key and e-mail with another request: refused, not answered with the first order.
    const otherCart = await cartWith(api, [{ sku: skus[1]!, quantity: 2 }]);
    await expect(api.checkout.placeOrder({ ...request, cartId: otherCart })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      api.checkout.placeOrder({ ...request, fulfillment: { type: "pickup", storeId: "warszawa" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const [count] = await t.sql`select count(*)::int n from orders where email = 'idem@example.com'`;
    expect(count!.n).toBe(1);
  });

  it("binds a reservation key to its lines and its caller", async () => {
    const api = await callerFor(t.db, "anonymous", "web", "203.0.113.71");
    const request = {
      storeId: "krakow",
      lines: [{ sku: skus[2]!, quantity: 1 }],
      email: "idem-res@example.com",
      name: "Idem",
      idempotencyKey: "fingerprint-reservation-1",
    };
    const first = await api.reservations.create(request);
    expect((await api.reservations.create(request)).code).toBe(first.code);
    await expect(
      api.reservations.create({ ...request, lines: [{ sku: skus[2]!, quantity: 2 }] }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    await expect(ada.reservations.create(request)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
