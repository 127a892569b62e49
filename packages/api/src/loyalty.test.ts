import { randomUUID } from "node:crypto";

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loyaltyEntries, users } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";
import { expirePoints, lockMember, redeemForOrder } from "@omni/domain/loyalty";

import { callerFor } from "./testing";

/**
 * Loyalty end to end through the router: orders made by the real checkout, pickup and counter
 * procedures in every channel, their points, bonuses, redemptions and give-backs.
 */
// Real concurrent connections for the redemption race.
const t = await createTestDatabase({ max: 60 });
afterAll(() => t.close());

const key = () => `loyalty-${randomUUID()}`;
let skus: string[] = [];

beforeAll(async () => {
  // Returnable SKUs with plenty of units in Kraków, so every channel sells them from the same shelf.
  const rows = await t.sql`
    select s.sku from stock_levels s
    join variants v on v.sku = s.sku join products p on p.id = v.product_id join categories c on c.slug = p.category_slug
    where c.final_sale = false and v.active and p.active and v.price_minor >= 5000 and s.location_id = 'krakow'
      and s.on_hand - s.held >= 5
    order by s.sku limit 2`;
  skus = rows.map((r) => r.sku as string);
  expect(skus).toHaveLength(2);
  // Plenty on the shelf whatever the seed left there.
  await t.sql`update stock_levels set on_hand = on_hand + 50 where location_id = 'krakow' and sku in ${t.sql(skus)}`;
});

async function newMember(): Promise<{ email: string; id: string }> {
  const email = `member-${randomUUID().slice(0, 8)}@example.com`;
  const [user] = await t.db.insert(users).values({ email, name: "Member Test", role: "customer" }).returning();
  return { email, id: user!.id };
}

type App = "web" | "kiosk";

/** A signed-in member's pickup order in Kraków through the web shop or the kiosk, paid by card. */
async function memberOrder(
  app: App,
  email: string,
  lines: { sku: string; quantity: number }[],
  extra: { redeemPoints?: number; token?: string } = {},
) {
  const shopper = await callerFor(t.db, { email }, app);
  const { cartId } = await shopper.cart.create();
  for (const line of lines) await shopper.cart.setQuantity({ cartId, ...line });
  const cart = await shopper.cart.get({ cartId });
  const placed = await shopper.checkout.placeOrder({
    cartId,
    email,
    name: "Member Test",
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "card", token: extra.token ?? "tok_ok" },
    idempotencyKey: key(),
    redeemPoints: extra.redeemPoints,
  });
  return { placed, cart, shopper };
}

/** Ola (associate in Kraków) prepares and hands over a pickup order. */
async function collect(orderNumber: string, pickupCode: string) {
  const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
  await ola.fulfillment.advance({ orderNumber, to: "picking" });
  await ola.fulfillment.advance({ orderNumber, to: "ready_for_pickup" });
  return ola.pickup.collect({ code: pickupCode });
}

/** A counter sale in Kraków by Ola. */
async function counterSale(
  lines: { sku: string; quantity: number }[],
  input: { memberCard?: string; memberEmail?: string; redeemPoints?: number; payment?: "card" | "cash" },
) {
  const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
  const { cartId } = await ola.cart.create();
  for (const line of lines) await ola.cart.setQuantity({ cartId, ...line });
  const cart = await ola.cart.get({ cartId });
  const sold = await ola.counter.sell({
    storeId: "krakow",
    cartId,
    memberCard: input.memberCard,
    memberEmail: input.memberEmail,
    fulfillment: { type: "take_now" },
    payment: input.payment === "cash" ? { method: "cash" } : { method: "card", token: "tok_ok" },
    redeemPoints: input.redeemPoints,
    idempotencyKey: key(),
  });
  return { sold, cart };
}

const pointsFor = (goodsMinor: number) => Math.floor(goodsMinor / 100);

describe("earning in every channel", () => {
  it("a member earns on a web order, a kiosk order and a counter sale, and gets each channel's bonus once", async () => {
    const member = await newMember();
    const me = await callerFor(t.db, { email: member.email }, "web");

    const web = await memberOrder("web", member.email, [{ sku: skus[0]!, quantity: 1 }]);
    const pendingWeb = await me.loyalty.get();
    expect(pendingWeb.points).toBe(0);
    expect(pendingWeb.pending).toBe(pointsFor(web.cart.totalMinor));
    await collect(web.placed.orderNumber, web.placed.pickupCode!);
    let balance = pointsFor(web.cart.totalMinor) + 50;
    expect((await me.loyalty.get()).points).toBe(balance);

    const kiosk = await memberOrder("kiosk", member.email, [{ sku: skus[1]!, quantity: 1 }]);
    await collect(kiosk.placed.orderNumber, kiosk.placed.pickupCode!);
    balance += pointsFor(kiosk.cart.totalMinor) + 50;
    expect((await me.loyalty.get()).points).toBe(balance);

    // The counter names the member by scanning the card the shop's account page shows.
    const { card } = await me.loyalty.get();
    const counter = await counterSale([{ sku: skus[0]!, quantity: 1 }], { memberCard: card });
    expect(counter.sold).toMatchObject({ status: "collected", pointsEarned: pointsFor(counter.cart.totalMinor) + 50 });
    balance += pointsFor(counter.cart.totalMinor) + 50;

    // A second order in a channel already bought in earns no second bonus.
    const again = await memberOrder("web", member.email, [{ sku: skus[1]!, quantity: 1 }]);
    await collect(again.placed.orderNumber, again.placed.pickupCode!);
    balance += pointsFor(again.cart.totalMinor);

    const summary = await me.loyalty.get();
    expect(summary.points).toBe(balance);
    expect(summary.pending).toBe(0);
    const bonuses = summary.events.filter((e) => e.type === "bonus");
    expect(bonuses.map((b) => b.channel).sort()).toEqual(["kiosk", "store", "web"]);
    expect(bonuses.every((b) => b.points === 50)).toBe(true);
    expect(summary.events.filter((e) => e.type === "earned")).toHaveLength(4);
    // The kiosk shows the same member the same points.
    expect((await (await callerFor(t.db, { email: member.email }, "kiosk")).loyalty.get()).points).toBe(balance);
  });

  it("guests earn nothing and cannot redeem; staff look members up by e-mail", async () => {
    const anon = await callerFor(t.db, "anonymous", "web", "10.9.9.9");
    const { cartId } = await anon.cart.create();
    await anon.cart.setQuantity({ cartId, sku: skus[0]!, quantity: 1 });
    await expect(
      anon.checkout.placeOrder({
        cartId,
        email: "guest@example.com",
        name: "Guest",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: key(),
        redeemPoints: 100,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(anon.loyalty.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.loyalty.lookup({ email: "ada@example.com" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const shopper = await callerFor(t.db, { email: "ada@example.com" }, "web");
    await expect(shopper.loyalty.lookup({ email: "ada@example.com" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    expect(await ola.loyalty.lookup({ email: "ADA@example.com" })).toMatchObject({ email: "ada@example.com" });
    await expect(ola.loyalty.lookup({ email: "nobody@example.com" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

/** Gives a member points through a manager's audited adjustment. */
async function grant(email: string, points: number) {
  const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
  return admin.loyalty.adjust({ email, points, reason: "Test grant" });
}

describe("spending points", () => {
  it("redeems at the counter: points pay part of the goods and the rest earns", async () => {
    const member = await newMember();
    await grant(member.email, 500);
    const { sold, cart } = await counterSale([{ sku: skus[0]!, quantity: 1 }], {
      memberEmail: member.email,
      redeemPoints: 300,
      payment: "cash",
    });
    expect(sold).toMatchObject({ pointsRedeemed: 300, totalMinor: cart.totalMinor, paidMinor: cart.totalMinor - 300 });
    const me = await callerFor(t.db, { email: member.email }, "web");
    const summary = await me.loyalty.get();
    expect(summary.points).toBe(500 - 300 + pointsFor(cart.totalMinor - 300) + 50);
    expect(summary.events.find((e) => e.type === "redeemed")).toMatchObject({
      points: -300,
      orderNumber: sold.orderNumber,
    });
  });

  it("refuses more points than the balance or the goods, and a debit below zero", async () => {
    const member = await newMember();
    await grant(member.email, 100);
    const attempt = (points: number) =>
      memberOrder("web", member.email, [{ sku: skus[0]!, quantity: 1 }], { redeemPoints: points });
    await expect(attempt(101)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(attempt(10_000_000)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(grant(member.email, -101)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const associate = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await expect(associate.loyalty.adjust({ email: member.email, points: 10, reason: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await (await callerFor(t.db, { email: member.email }, "web")).loyalty.get()).points).toBe(100);
    const audit =
      await t.sql`select after from audit_log where action = 'loyalty.adjust' and entity_id = ${member.email}`;
    expect(audit).toHaveLength(1);
  });

  it("a declined card gives the points straight back; a cancelled order gives redeemed points back", async () => {
    const member = await newMember();
    await grant(member.email, 400);
    const me = await callerFor(t.db, { email: member.email }, "web");
    await expect(
      memberOrder("web", member.email, [{ sku: skus[0]!, quantity: 1 }], { redeemPoints: 400, token: "tok_declined" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await me.loyalty.get()).points).toBe(400);

    const { placed } = await memberOrder("web", member.email, [{ sku: skus[0]!, quantity: 1 }], { redeemPoints: 400 });
    expect(placed.pointsRedeemed).toBe(400);
    expect((await me.loyalty.get()).points).toBe(0);
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await ola.fulfillment.cancel({ orderNumber: placed.orderNumber, reason: "Out of stock after all" });
    const after = await me.loyalty.get();
    expect(after.points).toBe(400);
    expect(after.events[0]).toMatchObject({ type: "restored", points: 400, orderNumber: placed.orderNumber });
    // Only money is refunded: the points part of the total never reaches the card.
    const [refunded] = await t.sql`
      select coalesce(sum(p.amount_minor), 0)::int as minor from payments p join orders o on o.id = p.order_id
      where o.number = ${placed.orderNumber} and p.kind = 'refund'`;
    expect(refunded!.minor).toBeLessThanOrEqual(placed.totalMinor - 400);
  });

  it("returning half of an order paid partly with points gives back points and money in proportion", async () => {
    const member = await newMember();
    await grant(member.email, 1000);
    const me = await callerFor(t.db, { email: member.email }, "web");
    const { placed, cart } = await memberOrder("web", member.email, [{ sku: skus[1]!, quantity: 2 }], {
      redeemPoints: 1000,
    });
    await collect(placed.orderNumber, placed.pickupCode!);
    const earned = pointsFor(cart.totalMinor - 1000);
    const balance = earned + 50;
    expect((await me.loyalty.get()).points).toBe(balance);

    const order = await me.orders.get({ orderNumber: placed.orderNumber });
    const ret = await me.returns.create({
      orderNumber: placed.orderNumber,
      lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    // Half the goods: half the points spent come back, and the money is half of what the goods cost less that.
    const half = Math.floor(cart.totalMinor / 2);
    const pointsBack = Math.floor((1000 * half) / cart.totalMinor);
    expect(pointsBack).toBeGreaterThanOrEqual(499);
    expect(ret.refundMinor).toBe(half - pointsBack);
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    const received = await ola.returns.receive({
      returnNumber: ret.returnNumber,
      storeId: "krakow",
      lines: [{ lineId: order.lines[0]!.lineId, condition: "resellable" }],
    });
    expect(received).toMatchObject({ refundMinor: half - pointsBack, pointsRestored: pointsBack });
    const reversed = Math.floor((earned * half) / cart.totalMinor);
    expect(received.pointsReversed).toBe(reversed);
    const after = await me.loyalty.get();
    expect(after.points).toBe(balance + pointsBack - reversed);
    expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(["restored", "reversed"]));
  });
});

describe("the balance under a race", () => {
  it("50 concurrent redemptions on separate connections never take the balance below zero", async () => {
    const member = await newMember();
    await grant(member.email, 1000);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        t.db.transaction(async (tx) => {
          // Each redemption holds its transaction open a moment so that they truly overlap.
          await tx.execute(sql`select pg_sleep(0.01)`);
          await redeemForOrder(
            tx,
            { channel: "web", storeIds: [] },
            {
              userId: member.id,
              points: 30,
              orderId: randomUUID(),
              orderNumber: `RACE-${i}`,
              channel: "web",
            },
          );
        }),
      ),
    );
    const succeeded = results.filter((r) => r.status === "fulfilled").length;
    expect(succeeded).toBe(33);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const [row] = await t.sql`select points from loyalty_members where user_id = ${member.id}`;
    expect(row!.points).toBe(10);
    const [sum] = await t.sql`select sum(points)::int as s from loyalty_entries where user_id = ${member.id}`;
    expect(sum!.s).toBe(10);
    // The ledger is append-only: rewriting an entry is refused by the database.
    await expect(t.sql`update loyalty_entries set points = 1 where user_id = ${member.id}`).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("expiry", () => {
  it("points lapse after the setting's months, spent ones first, with one reminder before", async () => {
    const member = await newMember();
    const credited = new Date("2026-01-10T10:00:00Z");
    // Two credits a month apart; 150 of the first were spent since.
    await t.db.transaction(async (tx) => {
      await lockMember(tx, member.id);
      await tx.execute(sql`update loyalty_members set points = 350 where user_id = ${member.id}`);
      await tx.insert(loyaltyEntries).values([
        { userId: member.id, type: "earned", points: 300, at: credited, expiresAt: new Date("2028-01-10T10:00:00Z") },
        { userId: member.id, type: "bonus", points: 200, at: credited, expiresAt: new Date("2028-02-10T10:00:00Z") },
        { userId: member.id, type: "redeemed", points: -150, at: credited },
      ]);
    });
    const reminders = async () =>
      (await t.sql`select body from outbox where "to" = ${member.email} and template = 'points_expiring'`).length;

    await expirePoints(t.db, new Date("2027-12-01T00:00:00Z"));
    expect(await reminders()).toBe(0);
    await expirePoints(t.db, new Date("2027-12-20T00:00:00Z"));
    expect(await reminders()).toBe(1);
    await expirePoints(t.db, new Date("2027-12-25T00:00:00Z"));
    expect(await reminders()).toBe(1);

    await expirePoints(t.db, new Date("2028-01-11T00:00:00Z"));
    const me = await callerFor(t.db, { email: member.email }, "web");
    let summary = await me.loyalty.get();
    expect(summary.points).toBe(200);
    expect(summary.events[0]).toMatchObject({ type: "adjusted", reason: "expired", points: -150 });
    // Running again changes nothing.
    await expirePoints(t.db, new Date("2028-01-12T00:00:00Z"));
    expect((await me.loyalty.get()).points).toBe(200);
    // The second credit is reminded of once more (a new expiry), then lapses.
    expect(await reminders()).toBe(2);
    await expirePoints(t.db, new Date("2028-02-11T00:00:00Z"));
    summary = await me.loyalty.get();
    expect(summary.points).toBe(0);
    const rows = await t.db.select().from(loyaltyEntries).where(eq(loyaltyEntries.userId, member.id));
    expect(rows.filter((r) => r.type === "expired").map((r) => r.points)).toEqual([-150, -200]);
  });
});
