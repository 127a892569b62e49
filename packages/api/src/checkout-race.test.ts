import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { ledgerMismatches, setStock, stockedSkus, stockOf } from "./checkout-fixtures";
import { callerFor } from "./testing";

// Real concurrent connections: the shoppers queue on the stock row, not on a single pooled connection.
const t = await createTestDatabase({ max: 60 });
afterAll(() => t.close());

const SHOPPERS = 200;
// 200 carts and checkouts on a shared 2-core machine take a while; the default 30 s is too tight.
const RACE_TIMEOUT = 180_000;
const [skuA, skuB, skuC] = await stockedSkus(t.db, "warszawa", 3, 1);

/**
 * Only Warszawa has the SKU, `units` of it: otherwise a shopper Warszawa cannot serve would have it sent
 * from another location (ship-to-store), and the race would not be for the last units.
 */
async function onlyInWarszawa(sku: string, units: number) {
  for (const location of ["krakow", "gdansk", "wroclaw", "poznan", "online"]) await setStock(t.db, location, sku, 0);
  await setStock(t.db, "warszawa", sku, units);
}

/** One anonymous shopper per network address, each with their own cart, so that only the stock is shared. */
async function shoppers(lines: (i: number) => { sku: string; quantity: number }[]) {
  return Promise.all(
    Array.from({ length: SHOPPERS }, async (_, i) => {
      const api = await callerFor(t.db, "anonymous", "web", `10.20.${Math.floor(i / 250)}.${i % 250}`);
      const { cartId } = await api.cart.create();
      for (const line of lines(i)) await api.cart.setQuantity({ cartId, ...line });
      return { api, cartId, i };
    }),
  );
}

async function checkoutAll(carts: Awaited<ReturnType<typeof shoppers>>) {
  return Promise.allSettled(
    carts.map(({ api, cartId, i }) =>
      api.checkout.placeOrder({
        cartId,
        email: `racer${i}@example.com`,
        name: `Racer ${i}`,
        fulfillment: { type: "pickup", storeId: "warszawa" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: `race-${cartId}`,
      }),
    ),
  );
}

const rejections = (results: PromiseSettledResult<unknown>[]) =>
  results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason as { code: string; message: string });

describe("checkout under a race for the last units", () => {
  it(
    `sells exactly the 5 units of a SKU to ${SHOPPERS} concurrent shoppers; the rest get CONFLICT naming the SKU`,
    async () => {
      await onlyInWarszawa(skuA!, 5);
      const carts = await shoppers(() => [{ sku: skuA!, quantity: 1 }]);
      const results = await checkoutAll(carts);
      const placed = results.filter((r) => r.status === "fulfilled");
      expect(placed).toHaveLength(5);
      const refused = rejections(results);
      expect(refused).toHaveLength(SHOPPERS - 5);
      for (const error of refused) {
        expect(error.code).toBe("CONFLICT");
        expect(error.message).toContain(skuA);
      }
      expect(await stockOf(t.db, "warszawa", skuA!)).toEqual({ onHand: 5, held: 5 });
      // The demo seed carries months of past orders: count the orders of this race's shoppers.
      const [orders] = await t.sql`
        select count(*)::int as n from orders o join order_lines l on l.order_id = o.id
        where l.sku = ${skuA!} and o.email like 'racer%@example.com'`;
      expect(orders!.n).toBe(5);
      expect(await ledgerMismatches(t.db, [skuA!])).toEqual([]);
    },
    RACE_TIMEOUT,
  );

  it(
    "keeps two-SKU carts consistent: lines taken in any order, no deadlock, as many orders as the scarcer SKU allows",
    async () => {
      await onlyInWarszawa(skuB!, 5);
      await onlyInWarszawa(skuC!, 3);
      // Half the carts add B then C, the other half C then B.
      const carts = await shoppers((i) =>
        i % 2
          ? [
              { sku: skuB!, quantity: 1 },
              { sku: skuC!, quantity: 1 },
            ]
          : [
              { sku: skuC!, quantity: 1 },
              { sku: skuB!, quantity: 1 },
            ],
      );
      const results = await checkoutAll(carts);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
      for (const error of rejections(results)) {
        expect(error.code).toBe("CONFLICT");
        expect(error.message).toContain(skuC);
      }
      expect(await stockOf(t.db, "warszawa", skuB!)).toEqual({ onHand: 5, held: 3 });
      expect(await stockOf(t.db, "warszawa", skuC!)).toEqual({ onHand: 3, held: 3 });
      const [negative] =
        await t.sql`select count(*)::int as n from stock_levels where on_hand < 0 or held < 0 or held > on_hand`;
      expect(negative!.n).toBe(0);
      expect(await ledgerMismatches(t.db, [skuA!, skuB!, skuC!])).toEqual([]);
    },
    RACE_TIMEOUT,
  );
});
