import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { carts, giftCardEntries, giftCards } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";
import { spendGiftCard } from "@omni/domain/payments";

import { callerFor } from "./testing";

/**
 * Gift cards end to end through the router: sold in the shop and at the counter, spent in the shop's,
 * the kiosk's and the counter's checkout, given their share back by refunds, looked up by code.
 */
// Real concurrent connections for the spending race.
const t = await createTestDatabase({ max: 60 });
afterAll(() => t.close());

const key = () => `gift-${randomUUID()}`;
let skus: string[] = [];

beforeAll(async () => {
  // Returnable SKUs at 50 zł or more with plenty of units in Kraków.
  const rows = await t.sql`
    select s.sku from stock_levels s
    join variants v on v.sku = s.sku join products p on p.id = v.product_id join categories c on c.slug = p.category_slug
    where c.final_sale = false and v.active and p.active and v.price_minor >= 5000 and s.location_id = 'krakow'
      and s.on_hand - s.held >= 5
    order by s.sku limit 2`;
  skus = rows.map((r) => r.sku as string);
  expect(skus).toHaveLength(2);
  await t.sql`update stock_levels set on_hand = on_hand + 50 where location_id = 'krakow' and sku in ${t.sql(skus)}`;
});

const ola = () => callerFor(t.db, { email: "ola@example.com" }, "admin");

/** A gift card bought in the web shop by a guest, paid by card. */
async function buyInShop(amountMinor: number, extra: { recipientEmail?: string } = {}) {
  const guest = await callerFor(t.db, "anonymous", "web", "10.1.0.1");
  return guest.giftCards.buy({
    amountMinor,
    email: "buyer@example.com",
    name: "Buyer",
    recipientName: "Ewa",
    ...extra,
    payment: { method: "card", token: "tok_ok" },
    idempotencyKey: key(),
    locale: "pl",
  });
}

async function cartOf(app: "web" | "kiosk" | "admin", lines: { sku: string; quantity: number }[]) {
  const api =
    app === "kiosk"
      ? await callerFor(t.db, { kiosk: "krakow" })
      : app === "admin"
        ? await ola()
        : await callerFor(t.db, "anonymous", "web", "10.1.0.2");
  const { cartId } = await api.cart.create();
  for (const line of lines) await api.cart.setQuantity({ cartId, ...line });
  return { api, cartId, cart: await api.cart.get({ cartId }) };
}

const balanceOf = async (code: string) =>
  (await (await callerFor(t.db, "anonymous", "web", "10.1.0.3")).giftCards.lookup({ code })).balanceMinor;

const errorOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error as TRPCError & { cause?: { details?: Record<string, unknown> } };
  }
  throw new Error("Expected a refusal");
};

describe("a gift card bought in the shop, spent in the shop and at the counter", () => {
  it("is paid, e-mailed through the outbox, spent partly in the shop and the rest at the counter", async () => {
    const web = await cartOf("web", [{ sku: skus[0]!, quantity: 1 }]);
    // Enough for the web order and at least 20 zł more, less than the counter's cart.
    const amount = Math.ceil(web.cart.totalMinor / 100) * 100 + 2000;
    const bought = await buyInShop(amount, { recipientEmail: "ewa@example.com" });
    expect(bought).toMatchObject({ status: "active", balanceMinor: amount, sentTo: "ewa@example.com" });
    expect(bought.code).toMatch(/^GC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [mail] =
      await t.sql`select subject, body, data from outbox where "to" = 'ewa@example.com' and template = 'gift_card_issued'`;
    expect(mail!.body).toContain(bought.code);
    expect(mail!.subject).toContain("Karta podarunkowa");

    // The shop: the card pays the whole order (typed loosely, as a shopper would).
    const loose = bought.code.toLowerCase().replace(/-/g, " ");
    const placed = await web.api.checkout.placeOrder({
      cartId: web.cartId,
      email: "buyer@example.com",
      name: "Buyer",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "gift_card", giftCardCode: loose },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ paymentMethod: "gift_card", giftCardMinor: web.cart.totalMinor, paidMinor: 0 });
    const left = amount - web.cart.totalMinor;
    expect(await balanceOf(bought.code)).toBe(left);

    // The counter: the card pays what it still holds, the card terminal the rest.
    const counter = await cartOf("admin", [{ sku: skus[1]!, quantity: 1 }]);
    expect(counter.cart.totalMinor).toBeGreaterThan(left);
    const sold = await counter.api.counter.sell({
      storeId: "krakow",
      cartId: counter.cartId,
      fulfillment: { type: "take_now" },
      payment: { method: "card", token: "tok_ok", giftCardCode: bought.code },
      idempotencyKey: key(),
    });
    expect(sold).toMatchObject({ status: "collected", giftCardMinor: left, paidMinor: counter.cart.totalMinor - left });
    expect(await balanceOf(bought.code)).toBe(0);

    const entries = await t.db
      .select({
        type: giftCardEntries.type,
        amountMinor: giftCardEntries.amountMinor,
        channel: giftCardEntries.channel,
      })
      .from(giftCardEntries)
      .innerJoin(giftCards, eq(giftCards.id, giftCardEntries.giftCardId))
      .where(eq(giftCards.code, bought.code))
      .orderBy(giftCardEntries.id);
    expect(entries).toEqual([
      { type: "issued", amountMinor: amount, channel: "web" },
      { type: "spent", amountMinor: -web.cart.totalMinor, channel: "web" },
      { type: "spent", amountMinor: -left, channel: "store" },
    ]);
    // An empty card cannot pay the whole of another order.
    const again = await cartOf("kiosk", [{ sku: skus[0]!, quantity: 1 }]);
    const refused = await errorOf(
      again.api.checkout.placeOrder({
        cartId: again.cartId,
        email: "buyer@example.com",
        name: "Buyer",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "gift_card", giftCardCode: bought.code },
        idempotencyKey: key(),
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
  });

  it("is sold at the counter for cash, and staff lists show its code masked", async () => {
    const clerk = await ola();
    const sold = await clerk.giftCards.sell({
      storeId: "krakow",
      amountMinor: 10000,
      payment: { method: "cash" },
      idempotencyKey: key(),
    });
    expect(sold).toMatchObject({ status: "active", balanceMinor: 10000, sentTo: null });
    const listed = await clerk.giftCards.list({ storeId: "krakow" });
    const mine = listed.find((c) => c.code.endsWith(sold.code.slice(-4)));
    expect(mine).toMatchObject({ balanceMinor: 10000, paymentMethod: "cash", channel: "store" });
    expect(JSON.stringify(listed)).not.toContain(sold.code);
    // The kiosk spends it partly: the card pays the whole 100 zł, BLIK the rest.
    const kiosk = await cartOf("kiosk", [{ sku: skus[0]!, quantity: 3 }]);
    expect(kiosk.cart.totalMinor).toBeGreaterThan(10000);
    const placed = await kiosk.api.checkout.placeOrder({
      cartId: kiosk.cartId,
      email: "kiosk-buyer@example.com",
      name: "Kiosk Buyer",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "blik", code: "777123", giftCardCode: sold.code },
      idempotencyKey: key(),
    });
    expect(placed).toMatchObject({ giftCardMinor: 10000, paidMinor: kiosk.cart.totalMinor - 10000 });
    expect(await balanceOf(sold.code)).toBe(0);
  });

  it("a declined payment leaves a void card that holds nothing, and the same key answers the same", async () => {
    const guest = await callerFor(t.db, "anonymous", "web", "10.1.0.4");
    const idempotencyKey = key();
    const input = {
      amountMinor: 5000,
      email: "declined@example.com",
      payment: { method: "card" as const, token: "tok_declined" },
      idempotencyKey,
    };
    const declined = await errorOf(guest.giftCards.buy(input));
    expect(declined.code).toBe("BAD_REQUEST");
    const [card] = await t.db.select().from(giftCards).where(eq(giftCards.idempotencyKey, idempotencyKey));
    expect(card).toMatchObject({ status: "void", balanceMinor: 0 });
    expect((await t.sql`select 1 from outbox where "to" = 'declined@example.com'`).length).toBe(0);

    const paidKey = key();
    const first = await guest.giftCards.buy({
      ...input,
      idempotencyKey: paidKey,
      payment: { method: "card", token: "tok_ok" },
    });
    const second = await guest.giftCards.buy({
      ...input,
      idempotencyKey: paidKey,
      payment: { method: "card", token: "tok_ok" },
    });
    expect(second.code).toBe(first.code);
    expect((await t.sql`select 1 from gift_cards where idempotency_key = ${paidKey}`).length).toBe(1);
    // Cash is the counter's only.
    expect(
      (await errorOf(guest.giftCards.buy({ ...input, idempotencyKey: key(), payment: { method: "cash" } as never })))
        .code,
    ).toBe("BAD_REQUEST");
  });
});

describe("refunds give a gift card its share back", () => {
  it("a returned half of an order paid partly by gift card gives the card its share of the refund", async () => {
    const bought = await buyInShop(5000);
    const web = await cartOf("web", [{ sku: skus[0]!, quantity: 2 }]);
    const email = `refund-${randomUUID().slice(0, 8)}@example.com`;
    const placed = await web.api.checkout.placeOrder({
      cartId: web.cartId,
      email,
      name: "Refund Test",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok", giftCardCode: bought.code },
      idempotencyKey: key(),
    });
    expect(placed.giftCardMinor).toBe(5000);
    const clerk = await ola();
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    await clerk.pickup.collect({ code: placed.pickupCode! });

    const order = await web.api.orders.get({ orderNumber: placed.orderNumber, email });
    const ret = await web.api.returns.create({
      orderNumber: placed.orderNumber,
      email,
      lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    const received = await clerk.returns.receive({
      returnNumber: ret.returnNumber,
      storeId: "krakow",
      lines: [{ lineId: order.lines[0]!.lineId, condition: "resellable" }],
    });
    const half = web.cart.totalMinor / 2;
    expect(received.refundMinor).toBe(half);
    const share = Math.round((half * 5000) / web.cart.totalMinor);
    expect(received).toMatchObject({ toGiftCardMinor: share, toCardMinor: half - share });
    expect(await balanceOf(bought.code)).toBe(share);
  });

  it("a cancelled order gives the card all it paid, and a declined checkout never takes anything", async () => {
    const bought = await buyInShop(3000);
    const web = await cartOf("web", [{ sku: skus[1]!, quantity: 1 }]);
    const placed = await web.api.checkout.placeOrder({
      cartId: web.cartId,
      email: "cancel@example.com",
      name: "Cancel Test",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok", giftCardCode: bought.code },
      idempotencyKey: key(),
    });
    expect(await balanceOf(bought.code)).toBe(0);
    await (await ola()).fulfillment.cancel({ orderNumber: placed.orderNumber, reason: "test" });
    expect(await balanceOf(bought.code)).toBe(3000);

    const declined = await cartOf("web", [{ sku: skus[1]!, quantity: 1 }]);
    const refused = await errorOf(
      declined.api.checkout.placeOrder({
        cartId: declined.cartId,
        email: "cancel@example.com",
        name: "Cancel Test",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_declined", giftCardCode: bought.code },
        idempotencyKey: key(),
      }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(await balanceOf(bought.code)).toBe(3000);
  });
});

describe("never below zero", () => {
  it("50 concurrent spends on separate connections take exactly what the card holds", async () => {
    const bought = await buyInShop(5000);
    const [card] = await t.db.select().from(giftCards).where(eq(giftCards.code, bought.code));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        t.db.transaction(async (tx) => {
          // Each spend holds its transaction open a moment so that they truly overlap.
          await tx.execute(sql`select pg_sleep(0.01)`);
          await spendGiftCard(tx, {
            giftCardId: card!.id,
            amountMinor: 300,
            orderId: randomUUID(),
            orderNumber: `RACE-${i}`,
            channel: "web",
          });
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    expect(ok).toBe(16);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code?: string }).code).toBe("CONFLICT");
    const [after] = await t.db.select().from(giftCards).where(eq(giftCards.id, card!.id));
    expect(after!.balanceMinor).toBe(5000 - 16 * 300);
    const [sum] =
      await t.sql`select sum(amount_minor)::int as total from gift_card_entries where gift_card_id = ${card!.id}`;
    expect(sum!.total).toBe(after!.balanceMinor);
  });

  it("two checkouts racing for one card never spend more than it holds", async () => {
    const bought = await buyInShop(10000);
    const carts2 = await Promise.all([0, 1].map(() => cartOf("web", [{ sku: skus[0]!, quantity: 1 }])));
    const results = await Promise.allSettled(
      carts2.map((c) =>
        c.api.checkout.placeOrder({
          cartId: c.cartId,
          email: "race@example.com",
          name: "Race",
          fulfillment: { type: "pickup", storeId: "krakow" },
          payment: { method: "card", token: "tok_ok", giftCardCode: bought.code },
          idempotencyKey: key(),
        }),
      ),
    );
    const placed = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(placed).toHaveLength(2);
    const spent = placed.reduce((sum, p) => sum + p.giftCardMinor, 0);
    expect(spent).toBe(
      Math.min(
        10000,
        carts2.reduce((sum, c) => sum + c.cart.totalMinor, 0),
      ),
    );
    expect(await balanceOf(bought.code)).toBe(10000 - spent);
  });
});

describe("codes are bearer secrets", () => {
  it("the balance lookup is rate-limited per address: 10 wrong codes, then even a right one is refused", async () => {
    const bought = await buyInShop(2000);
    const guesser = await callerFor(t.db, "anonymous", "web", "10.9.9.9");
    for (let i = 0; i < 10; i++) {
      const wrong = await errorOf(guesser.giftCards.lookup({ code: `GC-2345-6789-ABCD-${String(1000 + i)}` }));
      expect(wrong.code).toBe("NOT_FOUND");
    }
    expect((await errorOf(guesser.giftCards.lookup({ code: "GC-2345-6789-ABCD-EFGH" }))).code).toBe(
      "TOO_MANY_REQUESTS",
    );
    expect((await errorOf(guesser.giftCards.lookup({ code: bought.code }))).code).toBe("TOO_MANY_REQUESTS");
    // Another address is not affected, and sees only the last four characters.
    const other = await callerFor(t.db, "anonymous", "web", "10.9.9.10");
    const found = await other.giftCards.lookup({ code: bought.code });
    expect(found).toMatchObject({ balanceMinor: 2000, lastFour: bought.code.slice(-4) });
    expect(JSON.stringify(found)).not.toContain(bought.code);
  });

  it("a wrong code at checkout or at the counter changes nothing", async () => {
    const web = await cartOf("web", [{ sku: skus[0]!, quantity: 1 }]);
    const before =
      await t.sql`select on_hand, held from stock_levels where location_id = 'krakow' and sku = ${skus[0]!}`;
    const entriesBefore = (await t.sql`select count(*)::int as n from gift_card_entries`)[0]!.n;
    const ordersBefore = (await t.sql`select count(*)::int as n from orders`)[0]!.n;
    const refused = await errorOf(
      web.api.checkout.placeOrder({
        cartId: web.cartId,
        email: "wrong@example.com",
        name: "Wrong",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_ok", giftCardCode: "GC-0000-0000-0000-0000" },
        idempotencyKey: key(),
      }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    const counter = await cartOf("admin", [{ sku: skus[0]!, quantity: 1 }]);
    const atCounter = await errorOf(
      counter.api.counter.sell({
        storeId: "krakow",
        cartId: counter.cartId,
        fulfillment: { type: "take_now" },
        payment: { method: "cash", giftCardCode: "not a card" },
        idempotencyKey: key(),
      }),
    );
    expect(atCounter.code).toBe("NOT_FOUND");
    const [cart] = await t.db.select({ status: carts.status }).from(carts).where(eq(carts.id, web.cartId));
    expect(cart!.status).toBe("open");
    expect(
      await t.sql`select on_hand, held from stock_levels where location_id = 'krakow' and sku = ${skus[0]!}`,
    ).toEqual(before);
    expect((await t.sql`select count(*)::int as n from gift_card_entries`)[0]!.n).toBe(entriesBefore);
    expect((await t.sql`select count(*)::int as n from orders`)[0]!.n).toBe(ordersBefore);
  });
});
