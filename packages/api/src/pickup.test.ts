import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { createTestOrder, skusInStock, stockOf } from "@omni/domain/testing";

import { setStock } from "./checkout-fixtures";
import { callerFor, httpHandler } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const ola = { email: "ola@example.com" }; // associate in krakow
const max = { email: "max@example.com" }; // manager in warszawa
let skus: string[] = [];
/** Other SKUs for the help requests, so that their orders leave the stock of the tests above alone. */
let helpSkus: string[] = [];

beforeAll(async () => {
  skus = await skusInStock(t.db, "krakow", 4, 3);
  helpSkus = (await skusInStock(t.db, "krakow", 4, 6)).slice(3);
});

async function readyOrder(
  input: { payment?: "card" | "pay_in_store"; email?: string; quantities?: number[]; skus?: string[] } = {},
) {
  const quantities = input.quantities ?? [1, 2];
  const order = await createTestOrder(t.db, {
    locationId: "krakow",
    payment: input.payment,
    email: input.email,
    lines: quantities.map((quantity, i) => ({ sku: (input.skus ?? skus)[i]!, quantity })),
  });
  const clerk = await callerFor(t.db, ola, "admin");
  await clerk.fulfillment.advance({ orderNumber: order.number, to: "picking" });
  await clerk.fulfillment.advance({ orderNumber: order.number, to: "ready_for_pickup" });
  return order;
}

describe("click-and-collect from checkout to the counter", () => {
  it("places an order at checkout, checks in at the kiosk and collects with a declined line, paying in store", async () => {
    const shopper = await callerFor(t.db, "anonymous");
    const { cartId } = await shopper.cart.create();
    await shopper.cart.setQuantity({ cartId, sku: skus[0]!, quantity: 1 });
    await shopper.cart.setQuantity({ cartId, sku: skus[1]!, quantity: 2 });
    const before = [await stockOf(t.db, "krakow", skus[0]!), await stockOf(t.db, "krakow", skus[1]!)];
    const placed = await shopper.checkout.placeOrder({
      cartId,
      email: "collector@example.com",
      name: "Zofia Collector",
      idempotencyKey: "pickup-journey-1",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "pay_in_store" },
    });
    expect(placed.pickupCode!.length).toBeGreaterThanOrEqual(6);

    const clerk = await callerFor(t.db, ola, "admin");
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });

    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const checkedIn = await kiosk.pickup.checkIn({ code: placed.pickupCode!.toLowerCase() });
    expect(checkedIn).toMatchObject({
      orderNumber: placed.orderNumber,
      customerName: "Zofia Collector",
      storeName: "Omni Kraków Galeria",
      pickupPoint: expect.stringContaining("Niebieska lada"),
      status: "ready_for_pickup",
    });
    const queue = await clerk.fulfillment.queue({ storeId: "krakow" });
    expect(queue[0]).toMatchObject({ orderNumber: placed.orderNumber, checkedIn: true });

    const atCounter = await clerk.pickup.get({ code: placed.pickupCode! });
    const declined = atCounter.lines.find((l) => l.sku === skus[1])!;
    const kept = atCounter.lines.find((l) => l.sku === skus[0])!;
    const dueMinor = kept.unitPriceMinor * kept.quantity;
    const handover = { code: placed.pickupCode!, declineLineIds: [declined.lineId] };
    // Nothing leaves the counter until the payment is recorded, and short cash is refused: neither changes anything.
    await expect(clerk.pickup.collect(handover)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { details: { reason: "payment_required" } },
    });
    await expect(
      clerk.pickup.collect({ ...handover, payment: { method: "cash", tenderedMinor: dueMinor - 1 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { details: { reason: "cash_short" } } });
    expect((await clerk.pickup.get({ code: placed.pickupCode! })).status).toBe("ready_for_pickup");
    const collected = await clerk.pickup.collect({
      ...handover,
      payment: { method: "cash", tenderedMinor: dueMinor + 1_000 },
    });
    expect(collected).toMatchObject({
      orderNumber: placed.orderNumber,
      status: "collected",
      fulfillment: { type: "pickup", storeId: "krakow" },
      handoverPayment: { method: "cash", amountMinor: dueMinor, changeMinor: 1_000 },
    });
    expect(collected.events.find((e) => e.type === "paid_in_store")).toBeDefined();
    expect(collected.lines.find((l) => l.lineId === declined.lineId)!.declinedQuantity).toBe(2);
    expect(collected.paidMinor).toBe(dueMinor);
    expect(collected.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["checked_in", "ready_for_pickup", "collected", "lines_declined"]),
    );
    // The kept unit left the store; the declined units are back on sale.
    expect(await stockOf(t.db, "krakow", skus[0]!)).toEqual({ onHand: before[0]!.onHand - 1, held: before[0]!.held });
    expect(await stockOf(t.db, "krakow", skus[1]!)).toEqual(before[1]);
    await expect(clerk.pickup.collect({ code: placed.pickupCode! })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("store credit at the counter", () => {
  it("gives back as store credit what was paid in credit for lines the shopper declines", async () => {
    const [ada] = await t.sql`select id from users where email = 'ada@example.com'`;
    await t.sql`insert into store_credit_entries (holder, amount_minor, reason) values (${`user:${ada!.id}`}, 1000000, 'adjustment')`;
    // Units of its own, so that the tests after this one find the stock they expect.
    for (const sku of [skus[0]!, skus[2]!])
      await setStock(t.db, "krakow", sku, (await stockOf(t.db, "krakow", sku)).onHand + 1);
    const shopper = await callerFor(t.db, { email: "ada@example.com" });
    const { cartId } = await shopper.cart.create();
    await shopper.cart.setQuantity({ cartId, sku: skus[0]!, quantity: 1 });
    await shopper.cart.setQuantity({ cartId, sku: skus[2]!, quantity: 1 });
    const cart = await shopper.cart.get({ cartId });
    const placed = await shopper.checkout.placeOrder({
      cartId,
      email: "ada@example.com",
      name: "Ada",
      idempotencyKey: "pickup-credit-1",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "pay_in_store", storeCreditMinor: cart.totalMinor - 100 },
    });
    const before = (await shopper.account.me()).storeCreditMinor;
    const clerk = await callerFor(t.db, ola, "admin");
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await clerk.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    const atCounter = await clerk.pickup.get({ code: placed.pickupCode! });
    const declined = atCounter.lines.find((l) => l.sku === skus[2])!;
    const collected = await clerk.pickup.collect({ code: placed.pickupCode!, declineLineIds: [declined.lineId] });
    // Credit paid all but 1.00 zł; declining a line leaves credit beyond what is kept, which comes back.
    expect(collected.paidMinor).toBe(0);
    expect((await shopper.account.me()).storeCreditMinor).toBe(before + declined.unitPriceMinor - 100);
  });
});

describe("pickup.collect", () => {
  it("restocks a declined line at the store and refunds it to the card", async () => {
    const before = await stockOf(t.db, "krakow", skus[1]!);
    const order = await readyOrder({ email: "decline@example.com" });
    const clerk = await callerFor(t.db, ola, "admin");
    const declined = order.lines.find((l) => l.sku === skus[1])!;
    const collected = await clerk.pickup.collect({ code: order.pickupCode!, declineLineIds: [declined.id] });
    expect(collected.status).toBe("collected");
    expect(await stockOf(t.db, "krakow", skus[1]!)).toEqual(before);
    const refunds = await t.sql`select amount_minor from payments where order_id = ${order.id} and kind = 'refund'`;
    expect(refunds.map((r) => r.amount_minor)).toEqual([declined.quantity * declined.unitPriceMinor]);
    const [movement] =
      await t.sql`select reason, held_delta, on_hand_delta from stock_movements where ref_id = ${order.id} and sku = ${skus[1]!} order by id desc limit 1`;
    expect(movement).toEqual({ reason: "order_release", held_delta: -2, on_hand_delta: 0 });
    const [audit] =
      await t.sql`select action from audit_log where entity_id = ${order.number} order by id desc limit 1`;
    expect(audit!.action).toBe("pickup.collect");
  });

  it("refuses staff of another store, customers, kiosks, orders not ready and lines of other orders", async () => {
    const order = await readyOrder();
    await expect(
      (await callerFor(t.db, max, "admin")).pickup.collect({ code: order.pickupCode! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, { email: "ada@example.com" })).pickup.collect({ code: order.pickupCode! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, { kiosk: "krakow" })).pickup.collect({ code: order.pickupCode! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const clerk = await callerFor(t.db, ola, "admin");
    await expect(
      clerk.pickup.collect({ code: order.pickupCode!, declineLineIds: ["not-a-line"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const notReady = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku: skus[2]!, quantity: 1 }] });
    await expect(clerk.pickup.collect({ code: notReady.pickupCode! })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await clerk.pickup.get({ code: order.pickupCode! })).status).toBe("ready_for_pickup");
  });
});

describe("pickup.checkIn", () => {
  it("refuses the kiosk of another store and orders not yet picked, and keeps the first check-in", async () => {
    const order = await readyOrder();
    await expect(
      (await callerFor(t.db, { kiosk: "warszawa" })).pickup.checkIn({ code: order.pickupCode! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, ola, "admin")).pickup.checkIn({ code: order.pickupCode! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const first = await kiosk.pickup.checkIn({ code: order.pickupCode! });
    const second = await kiosk.pickup.checkIn({ code: order.pickupCode! });
    expect(second.checkedInAt).toEqual(first.checkedInAt);
    const [events] =
      await t.sql`select count(*)::int as n from order_events where order_id = ${order.id} and type = 'checked_in'`;
    expect(events!.n).toBe(1);
    const [audit] =
      await t.sql`select actor_role from audit_log where action = 'pickup.checkIn' and entity_id = ${order.number}`;
    expect(audit!.actor_role).toBe("kiosk");
    const placed = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku: skus[2]!, quantity: 1 }] });
    await expect(kiosk.pickup.checkIn({ code: placed.pickupCode! })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("not ready yet"),
    });
  });
});

describe("pickup.askForHelp", () => {
  it("puts a not-ready order at the top of its store's board until a clerk answers, once however often asked", async () => {
    const older = await readyOrder({ skus: helpSkus, quantities: [1] });
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    await kiosk.pickup.checkIn({ code: older.pickupCode! });
    const waiting = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku: helpSkus[1]!, quantity: 1 }] });
    await expect(kiosk.pickup.checkIn({ code: waiting.pickupCode! })).rejects.toMatchObject({ code: "CONFLICT" });

    await expect(
      (await callerFor(t.db, { kiosk: "warszawa" })).pickup.askForHelp({ code: waiting.pickupCode! }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const first = await kiosk.pickup.askForHelp({ code: waiting.pickupCode! });
    const again = await kiosk.pickup.askForHelp({ code: waiting.pickupCode!.toLowerCase() });
    expect(again.requestedAt).toEqual(first.requestedAt);
    expect(first).toMatchObject({ orderNumber: waiting.number, storeName: "Omni Kraków Galeria" });

    const clerk = await callerFor(t.db, ola, "admin");
    const board = await clerk.fulfillment.queue({ storeId: "krakow" });
    // Asked for help beats checked in, which beats the rest.
    expect(board[0]).toMatchObject({ orderNumber: waiting.number, helpRequestedAt: first.requestedAt });
    const olderAt = board.findIndex((o) => o.orderNumber === older.number);
    expect(olderAt).toBeGreaterThan(0);
    expect(board.slice(1, olderAt + 1).every((o) => o.checkedIn && !o.helpRequestedAt)).toBe(true);
    const [asked] =
      await t.sql`select count(*)::int as n from order_events where order_id = ${waiting.id} and type = 'help_requested'`;
    expect(asked!.n).toBe(1);

    await expect(
      (await callerFor(t.db, max, "admin")).fulfillment.answerHelp({ orderNumber: waiting.number }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await clerk.fulfillment.answerHelp({ orderNumber: waiting.number });
    const after = await clerk.fulfillment.queue({ storeId: "krakow" });
    expect(after.find((o) => o.orderNumber === waiting.number)?.helpRequestedAt).toBeNull();
    expect(after[0]!.orderNumber).not.toBe(waiting.number);
  });

  it("has nothing to wait for once the order is collected", async () => {
    const order = await readyOrder({ skus: helpSkus.slice(2), quantities: [1] });
    await (await callerFor(t.db, ola, "admin")).pickup.collect({ code: order.pickupCode! });
    await expect(
      (await callerFor(t.db, { kiosk: "krakow" })).pickup.askForHelp({ code: order.pickupCode! }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("wrong codes", () => {
  it("are NOT_FOUND, and from the 11th in 15 minutes TOO_MANY_REQUESTS, per kiosk", async () => {
    const order = await readyOrder({ quantities: [1] });
    await t.sql`update orders set location_id = 'gdansk' where id = ${order.id}`;
    const kiosk = await callerFor(t.db, { kiosk: "gdansk" });
    const wrong = [
      "",
      "ZZZZZZZZ",
      "x".repeat(64),
      "💥",
      "' or 1=1 --",
      "NOPE-NOPE",
      "12345678",
      "abcdefgh",
      "QQQQ",
      "WWWW",
    ];
    for (const code of wrong) await expect(kiosk.pickup.checkIn({ code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(kiosk.pickup.checkIn({ code: "AAAAAAA1" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(kiosk.pickup.checkIn({ code: order.pickupCode! })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(kiosk.pickup.checkIn({ code: "x".repeat(65) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another caller is not affected.
    await expect(
      (await callerFor(t.db, { kiosk: "poznan" })).pickup.checkIn({ code: "ZZZZZZZZ" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(t.db, ola, "admin")).pickup.get({ code: "ZZZZZZZZ" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the wire format", () => {
  const post = (path: string, json: unknown, headers: Record<string, string> = {}) =>
    new Request(`http://x/api/trpc/${path}`, {
      method: "POST",
      body: JSON.stringify({ json }),
      headers: { "content-type": "application/json", ...headers },
    });
  const get = (path: string, json: unknown) =>
    new Request(`http://x/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json }))}`);

  it("answers with the contract's status codes", async () => {
    const kioskApp = httpHandler(t.db, "kiosk");
    const unknown = await kioskApp(post("pickup.checkIn", { code: "NOPE1234" }), { deviceToken: "dev-kiosk-wroclaw" });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.json.message).toContain("pickup code");
    const malformed = await kioskApp(post("pickup.checkIn", { code: 42 }), { deviceToken: "dev-kiosk-wroclaw" });
    expect(malformed.status).toBe(400);

    const web = httpHandler(t.db, "web");
    const badEmail = await web(get("reservations.get", { code: "NOPE", email: "not-an-email" }));
    expect(badEmail.status).toBe(400);
    expect((await badEmail.json()).error.json.data.zodError).toBeTruthy();
    const admin = httpHandler(t.db, "admin");
    expect((await admin(get("fulfillment.queue", { storeId: "krakow" }))).status).toBe(401);
    const [ada] = await t.sql`select id from users where email = 'ada@example.com'`;
    expect((await admin(get("fulfillment.queue", { storeId: "krakow" }), { userId: ada!.id as string })).status).toBe(
      403,
    );
    const [olaUser] = await t.sql`select id from users where email = 'ola@example.com'`;
    const queue = await admin(get("fulfillment.queue", { storeId: "krakow" }), { userId: olaUser!.id as string });
    expect(queue.status).toBe(200);
    expect(Array.isArray((await queue.json()).result.data.json)).toBe(true);
  });

  it("names a refusal's reason and its plain parameters so that each app words it in its language", async () => {
    const placed = await createTestOrder(t.db, { locationId: "krakow", lines: [{ sku: helpSkus[0]!, quantity: 1 }] });
    const refused = await httpHandler(t.db, "kiosk")(post("pickup.checkIn", { code: placed.pickupCode }), {
      deviceToken: "dev-kiosk-krakow",
    });
    expect(refused.status).toBe(409);
    const { data } = (await refused.json()).error.json;
    expect(data).toMatchObject({ code: "CONFLICT", reason: "order_not_ready" });
    expect(data.params).toEqual({ order: placed.number, status: "placed" });
  });
});
