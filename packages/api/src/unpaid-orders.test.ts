import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { expirePickups } from "@omni/domain/orders";

import { cartWith, stockedSkus, stockOf } from "./checkout-fixtures";
import { callerFor } from "./testing";

/**
 * The attack: unpaid pay-in-store orders held stock forever (only ready orders expired), and could
 * be placed without limit. Now they expire at the store's pickup time from placement and release
 * their stock, and they are limited per caller and per e-mail like reservations.
 */
const t = await createTestDatabase({ max: 20 });
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;
let skus: string[] = [];
let n = 0;
beforeAll(async () => {
  skus = await stockedSkus(t.db, "gdansk", 30, 3);
});

async function order(ip: string, email: string, payment: "pay_in_store" | "card") {
  const api = await callerFor(t.db, "anonymous", "web", ip);
  const sku = skus[n++ % skus.length]!;
  const cartId = await cartWith(api, [{ sku, quantity: 1 }]);
  const placed = await api.checkout.placeOrder({
    cartId,
    email,
    name: "Unpaid",
    fulfillment: { type: "pickup", storeId: "gdansk" },
    payment: payment === "card" ? { method: "card", token: "tok_ok" } : { method: "pay_in_store" },
    idempotencyKey: `unpaid-test-${n}`,
  });
  return { ...placed, sku };
}

describe("unpaid pay-in-store orders", () => {
  it("expire at the store's pickup time even when never picked, and release their stock", async () => {
    const unpaid = await order("203.0.113.20", "unpaid@example.com", "pay_in_store");
    const paid = await order("203.0.113.20", "paid@example.com", "card");
    const held = await stockOf(t.db, "gdansk", unpaid.sku);
    expect(held.held).toBeGreaterThan(0);
    expect(await expirePickups.run(t.db, new Date(Date.now() + DAY))).toBe(0);
    expect(await expirePickups.run(t.db, new Date(Date.now() + 8 * DAY))).toBe(1);
    const [row] = await t.sql`select status from orders where number = ${unpaid.orderNumber}`;
    expect(row!.status).toBe("expired");
    expect((await stockOf(t.db, "gdansk", unpaid.sku)).held).toBe(held.held - 1);
    // A paid order waits for the store as before.
    const [card] = await t.sql`select status from orders where number = ${paid.orderNumber}`;
    expect(card!.status).toBe("placed");
  });

  it("are limited per caller: from the 21st in an hour TOO_MANY_REQUESTS", async () => {
    const answers = [];
    for (let i = 1; i <= 21; i++)
      answers.push(
        await order("203.0.113.21", `u${i}@example.com`, "pay_in_store").then(
          () => "ok",
          (error: { code?: string }) => error.code,
        ),
      );
    expect(answers.slice(0, 20)).toEqual(Array(20).fill("ok"));
    expect(answers[20]).toBe("TOO_MANY_REQUESTS");
  }, 180_000);

  it("are limited per e-mail: a spent e-mail stops another caller after its first 5, which always go through", async () => {
    const outcome = (ip: string) =>
      order(ip, "unpaid-target@example.com", "pay_in_store").then(
        () => "ok",
        (error: { code?: string }) => error.code,
      );
    for (let i = 1; i <= 20; i++) expect(await outcome("203.0.113.22")).toBe("ok");
    const victim = [];
    for (let i = 1; i <= 6; i++) victim.push(await outcome("203.0.113.23"));
    expect(victim).toEqual(["ok", "ok", "ok", "ok", "ok", "TOO_MANY_REQUESTS"]);
  }, 240_000);
});
