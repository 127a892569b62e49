import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { cartWith, stockedSkus } from "./checkout-fixtures";
import { callerFor } from "./testing";

/**
 * A "yes" to offers by e-mail said at the counter (`counter.sell` with `marketingEmail`) takes the shop's
 * double opt-in path: recorded with the sale from the store, counting only once the address's owner follows
 * the e-mailed link.
 */
const t = await createTestDatabase();
afterAll(() => t.close());

let skus: string[] = [];
beforeAll(async () => {
  skus = await stockedSkus(t.db, "krakow", 4, 5);
});

const ola = () => callerFor(t.db, { email: "ola@example.com" }, "admin");
const consentsOf = (email: string) =>
  t.sql<{ granted: boolean; source: string; confirmed: boolean; waiting: boolean }[]>`
    select granted, source, confirmed_at is not null as confirmed, confirm_token_hash is not null as waiting
    from consents where email = ${email} and channel = 'email' order by id`;
const confirmationsTo = (email: string) =>
  t.sql<{ subject: string; data: Record<string, unknown> }[]>`
    select subject, data from outbox where template = 'marketing_confirm' and "to" = ${email} order by id`;

async function sell(sku: string, input: { email?: string; marketingEmail?: boolean; token?: string }) {
  const clerk = await ola();
  const cartId = await cartWith(clerk, [{ sku, quantity: 1 }]);
  const sale = clerk.counter.sell({
    storeId: "krakow",
    cartId,
    email: input.email,
    marketingEmail: input.marketingEmail,
    locale: "pl",
    fulfillment: { type: "take_now" },
    payment: { method: "card", token: input.token ?? "tok_ok" },
    idempotencyKey: `counter-consent-${randomUUID()}`,
  });
  return { sale, cartId };
}

describe("marketing consent at the counter", () => {
  it("records a walk-in's 'yes' from the store, sends the link in their language, and counts it once followed", async () => {
    const email = `till-${randomUUID().slice(0, 8)}@example.com`;
    const { sale } = await sell(skus[0]!, { email, marketingEmail: true });
    await expect(sale).resolves.toMatchObject({ status: "collected" });
    // Waiting for its owner: not a consent yet.
    expect(await consentsOf(email)).toEqual([{ granted: true, source: "store", confirmed: false, waiting: true }]);
    const guest = await callerFor(t.db, "anonymous");
    const [mail] = await confirmationsTo(email);
    expect(mail?.subject).toMatch(/Potwierdź/);
    await guest.consent.confirm({ token: String(mail!.data.consentToken) });
    expect(await consentsOf(email)).toEqual([{ granted: true, source: "store", confirmed: true, waiting: false }]);
  });

  it("records nothing when the box is not ticked, nor when the payment is declined", async () => {
    const email = `no-offers-${randomUUID().slice(0, 8)}@example.com`;
    await (
      await sell(skus[1]!, { email })
    ).sale;
    await (
      await sell(skus[1]!, { email, marketingEmail: false })
    ).sale;
    const declined = `declined-${randomUUID().slice(0, 8)}@example.com`;
    await expect(
      (await sell(skus[2]!, { email: declined, marketingEmail: true, token: "tok_declined" })).sale,
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (const address of [email, declined]) {
      expect(await consentsOf(address)).toEqual([]);
      expect(await confirmationsTo(address)).toEqual([]);
    }
  });

  it("refuses a 'yes' without an address as bad input, selling nothing", async () => {
    const ordersNow = async () => (await t.sql`select count(*)::int as n from orders`)[0]!.n as number;
    const before = await ordersNow();
    const { sale, cartId } = await sell(skus[3]!, { marketingEmail: true });
    await expect(sale).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: expect.objectContaining({
        details: expect.objectContaining({ reason: "marketing_email_address_required" }),
      }),
    });
    const [cart] = await t.sql<{ status: string }[]>`select status from carts where id = ${cartId}`;
    expect(cart?.status).toBe("open");
    expect(await ordersNow()).toBe(before);
  });
});
