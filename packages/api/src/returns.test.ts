import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { codeHolder, creditBalance, spendCredit, userHolder } from "@omni/domain/payments";
import { insertOrderForReturns, onHandAt, returnableSkus } from "@omni/domain/testing";

import { callerFor, httpHandler } from "./testing";

const t = await createTestDatabase({ max: 50 });
afterAll(() => t.close());

const DAY = 86_400_000;
let skus: string[] = [];
let finalSaleSku = "";

beforeAll(async () => {
  skus = await returnableSkus(t.db, { count: 4 });
  [finalSaleSku] = await returnableSkus(t.db, { finalSale: true, count: 1 });
});

const key = () => `ret-${randomUUID()}`;
const guest = () =>
  callerFor(t.db, "anonymous", "web", `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
const clerk = (email: "max@example.com" | "ola@example.com" | "admin@example.com") =>
  callerFor(t.db, { email }, "admin");

async function messagesTo(email: string, template: string) {
  return t.sql`select subject, body, data from outbox where "to" = ${email.toLowerCase()} and template = ${template} order by id`;
}

async function refundedOnOrder(orderId: string): Promise<number> {
  const [card] =
    await t.sql`select coalesce(sum(amount_minor), 0)::int as n from payments where order_id = ${orderId} and kind = 'refund'`;
  const [credit] =
    await t.sql`select coalesce(sum(amount_minor), 0)::int as n from store_credit_entries where ref_type = 'order' and ref_id = ${orderId} and reason = 'refund'`;
  return (card!.n as number) + (credit!.n as number);
}

describe("returns.eligibility", () => {
  it("lists every line with what may be returned and why not", async () => {
    const order = await insertOrderForReturns(t.db, {
      lines: [
        { sku: skus[0]!, quantity: 3 },
        { sku: finalSaleSku, quantity: 1 },
        { sku: skus[1]!, quantity: 2, declinedQuantity: 2 },
        { sku: skus[2]!, quantity: 2, declinedQuantity: 1 },
      ],
    });
    const result = await (
      await guest()
    ).returns.eligibility({ orderNumber: order.number, email: order.email.toUpperCase() });
    expect(result.deadline).toBeInstanceOf(Date);
    expect(result.lines).toHaveLength(4);
    const bySku = new Map(result.lines.map((l) => [l.sku, l]));
    expect(bySku.get(skus[0]!)).toMatchObject({ quantity: 3, returnableQuantity: 3 });
    expect(bySku.get(skus[0]!)!.reason).toBeUndefined();
    expect(bySku.get(finalSaleSku)).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "final_sale",
      reason: expect.stringMatching(/^Final sale: underwear/),
    });
    expect(bySku.get(skus[1]!)).toMatchObject({ returnableQuantity: 0, reasonCode: "declined_at_pickup" });
    expect(bySku.get(skus[2]!)).toMatchObject({ returnableQuantity: 1 });
  });

  it("refuses an order not yet collected, and one whose window has passed", async () => {
    const waiting = await insertOrderForReturns(t.db, {
      status: "ready_for_pickup",
      lines: [{ sku: skus[0]!, quantity: 1 }],
    });
    const api = await guest();
    const early = await api.returns.eligibility({ orderNumber: waiting.number, email: waiting.email });
    expect(early.deadline).toBeNull();
    expect(early.lines[0]).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "not_completed",
      reason: expect.stringContaining("not been collected or delivered"),
    });

    const old = await insertOrderForReturns(t.db, {
      status: "delivered",
      fulfillment: "delivery",
      locationId: "online",
      completedAt: new Date(Date.now() - 40 * DAY),
      lines: [{ sku: skus[0]!, quantity: 1 }],
    });
    const late = await api.returns.eligibility({ orderNumber: old.number, email: old.email });
    expect(late.lines[0]).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "window_passed",
      reason: expect.stringMatching(/^The 30-day return window ended on \d+ \w+/),
    });
    await expect(
      api.returns.create({
        orderNumber: old.number,
        email: old.email,
        lines: [{ lineId: old.lines[0]!.id, quantity: 1, reason: "changed_mind" }],
        method: { type: "mail" },
        refundTo: "original",
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("return window ended") });
  });

  it("answers NOT_FOUND for a wrong e-mail and lets a signed-in owner leave it out", async () => {
    const order = await insertOrderForReturns(t.db, {
      ownerEmail: "ada@example.com",
      lines: [{ sku: skus[0]!, quantity: 1 }],
    });
    await expect(
      (await guest()).returns.eligibility({ orderNumber: order.number, email: "someone@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await guest()).returns.eligibility({ orderNumber: order.number })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    for (const malformed of ["OM-1'; drop table orders; --", "OM\u0000100001", "😀"]) {
      await expect(
        (await guest()).returns.eligibility({ orderNumber: malformed, email: order.email }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect((await guest()).returns.get({ returnNumber: malformed, email: order.email })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(
        (await clerk("admin@example.com")).returns.lookup({ returnNumber: malformed }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    expect((await ada.returns.eligibility({ orderNumber: order.number })).lines[0]!.returnableQuantity).toBe(1);
  });
});

describe("returns.create", () => {
  it("returns 1 of 3, then 2 more, then refuses a fourth", async () => {
    const order = await insertOrderForReturns(t.db, { lines: [{ sku: skus[0]!, quantity: 3, unitPriceMinor: 5000 }] });
    const api = await guest();
    const lineId = order.lines[0]!.id;
    const create = (quantity: number) =>
      api.returns.create({
        orderNumber: order.number,
        email: order.email,
        lines: [{ lineId, quantity, reason: "wrong_size" }],
        method: { type: "in_store", storeId: "krakow" },
        refundTo: "original",
        idempotencyKey: key(),
      });

    const first = await create(1);
    expect(first).toMatchObject({
      returnNumber: expect.stringMatching(/^RT-\d+$/),
      status: "requested",
      refundMinor: 5000,
    });
    expect(
      (await api.returns.eligibility({ orderNumber: order.number, email: order.email })).lines[0]!.returnableQuantity,
    ).toBe(2);
    await expect(create(3)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 2"),
    });
    expect((await create(2)).refundMinor).toBe(10000);
    const none = await api.returns.eligibility({ orderNumber: order.number, email: order.email });
    expect(none.lines[0]).toMatchObject({ returnableQuantity: 0, reasonCode: "already_returned" });
    await expect(create(1)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("already been returned"),
    });
  });

  it("refuses more than was bought, final sale, a line of another order and a store that takes no returns", async () => {
    const order = await insertOrderForReturns(t.db, {
      lines: [
        { sku: skus[0]!, quantity: 2 },
        { sku: finalSaleSku, quantity: 1 },
      ],
    });
    const other = await insertOrderForReturns(t.db, { lines: [{ sku: skus[1]!, quantity: 1 }] });
    const api = await guest();
    const base = {
      orderNumber: order.number,
      email: order.email,
      method: { type: "mail" as const },
      refundTo: "original" as const,
    };
    await expect(
      api.returns.create({
        ...base,
        lines: [{ lineId: order.lines[0]!.id, quantity: 3, reason: "other" }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 2"),
    });
    await expect(
      api.returns.create({
        ...base,
        lines: [{ lineId: order.lines[1]!.id, quantity: 1, reason: "other" }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Final sale"),
    });
    await expect(
      api.returns.create({
        ...base,
        lines: [{ lineId: other.lines[0]!.id, quantity: 1, reason: "other" }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.returns.create({
        ...base,
        method: { type: "in_store", storeId: "online" },
        lines: [{ lineId: order.lines[0]!.id, quantity: 1, reason: "other" }],
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("does not take returns") });
    await expect(api.returns.create({ ...base, lines: [], idempotencyKey: key() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const [count] = await t.sql`select count(*)::int as n from returns where order_id = ${order.id}`;
    expect(count!.n).toBe(0);
  });

  it("is idempotent by key, records the channel and sends the slip with the return number for the QR code", async () => {
    const order = await insertOrderForReturns(t.db, { lines: [{ sku: skus[0]!, quantity: 2, unitPriceMinor: 4000 }] });
    const kiosk = await callerFor(t.db, { kiosk: "gdansk" });
    const input = {
      orderNumber: order.number.toLowerCase(),
      email: order.email,
      lines: [{ lineId: order.lines[0]!.id, quantity: 1, reason: "not_as_described" as const }],
      method: { type: "in_store" as const, storeId: "gdansk" },
      refundTo: "original" as const,
      idempotencyKey: key(),
    };
    const first = await kiosk.returns.create(input);
    const again = await kiosk.returns.create(input);
    expect(again).toMatchObject({ returnNumber: first.returnNumber, refundMinor: first.refundMinor });
    const rows = await t.sql`select channel, method, store_id from returns where order_id = ${order.id}`;
    expect(rows).toEqual([{ channel: "kiosk", method: "in_store", store_id: "gdansk" }]);
    const [slip] = await messagesTo(order.email, "return_created");
    expect(slip!.data).toMatchObject({
      returnNumber: first.returnNumber,
      qr: first.returnNumber,
      method: "in_store",
      storeId: "gdansk",
      storeName: expect.stringContaining("Gdańsk"),
    });
    expect(await messagesTo(order.email, "return_created")).toHaveLength(1);
  });

  it("lets only one of two returns started at once take the last unit", async () => {
    const order = await insertOrderForReturns(t.db, { lines: [{ sku: skus[3]!, quantity: 1 }] });
    const [a, b] = [await guest(), await guest()];
    const input = () => ({
      orderNumber: order.number,
      email: order.email,
      lines: [{ lineId: order.lines[0]!.id, quantity: 1, reason: "changed_mind" as const }],
      method: { type: "mail" as const },
      refundTo: "original" as const,
      idempotencyKey: key(),
    });
    const results = await Promise.allSettled([a.returns.create(input()), b.returns.create(input())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("shares an order discount over the units and lets a shopper cancel while requested", async () => {
    // 2 × 3000 + 1 × 4000 = 10000, 1000 off the basket: 10% off every unit.
    const order = await insertOrderForReturns(t.db, {
      discountMinor: 1000,
      lines: [
        { sku: skus[0]!, quantity: 2, unitPriceMinor: 3000 },
        { sku: skus[1]!, quantity: 1, unitPriceMinor: 4000 },
      ],
    });
    const api = await guest();
    const created = await api.returns.create({
      orderNumber: order.number,
      email: order.email,
      lines: [
        { lineId: order.lines[0]!.id, quantity: 1, reason: "changed_mind" },
        { lineId: order.lines[1]!.id, quantity: 1, reason: "damaged" },
      ],
      method: { type: "mail" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    expect(created.refundMinor).toBe(2700 + 3600);
    const cancelled = await api.returns.cancel({ returnNumber: created.returnNumber, email: order.email });
    expect(cancelled.status).toBe("cancelled");
    await expect(api.returns.cancel({ returnNumber: created.returnNumber, email: order.email })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(
      (await api.returns.eligibility({ orderNumber: order.number, email: order.email })).lines
        .map((l) => l.returnableQuantity)
        .sort(),
    ).toEqual([1, 2]);
  });
});

describe("returns.receive", () => {
  async function requestReturn(input: {
    storeId?: string;
    quantity?: number;
    ownerEmail?: string;
    refundTo?: "original" | "store_credit";
    locationId?: string;
  }) {
    const order = await insertOrderForReturns(t.db, {
      locationId: input.locationId ?? "krakow",
      ownerEmail: input.ownerEmail,
      lines: [
        { sku: skus[0]!, quantity: 3, unitPriceMinor: 2500 },
        { sku: skus[1]!, quantity: 1, unitPriceMinor: 6000 },
      ],
    });
    const api = input.ownerEmail ? await callerFor(t.db, { email: input.ownerEmail }) : await guest();
    const created = await api.returns.create({
      orderNumber: order.number,
      email: order.email,
      lines: [
        { lineId: order.lines[0]!.id, quantity: input.quantity ?? 2, reason: "wrong_size" },
        { lineId: order.lines[1]!.id, quantity: 1, reason: "damaged" },
      ],
      method: { type: "in_store", storeId: input.storeId ?? "warszawa" },
      refundTo: input.refundTo ?? "original",
      idempotencyKey: key(),
    });
    return { order, created };
  }

  it("restocks a Kraków pickup order returned in Warszawa into Warszawa, writes off damaged goods and refunds the card", async () => {
    const { order, created } = await requestReturn({});
    const [resellable, damaged] = [order.lines[0]!, order.lines[1]!];
    const before = {
      waw: await onHandAt(t.db, "warszawa", resellable.sku),
      krk: await onHandAt(t.db, "krakow", resellable.sku),
      dmg: await onHandAt(t.db, "warszawa", damaged.sku),
    };

    const received = await (
      await clerk("max@example.com")
    ).returns.receive({
      returnNumber: created.returnNumber.toLowerCase(),
      storeId: "warszawa",
      lines: [
        { lineId: resellable.id, condition: "resellable" },
        { lineId: damaged.id, condition: "damaged" },
      ],
    });
    expect(received).toMatchObject({
      returnNumber: created.returnNumber,
      status: "refunded",
      refundMinor: 2 * 2500 + 6000,
    });
    expect(received.creditCode).toBeUndefined();

    expect(await onHandAt(t.db, "warszawa", resellable.sku)).toBe(before.waw + 2);
    expect(await onHandAt(t.db, "krakow", resellable.sku)).toBe(before.krk);
    expect(await onHandAt(t.db, "warszawa", damaged.sku)).toBe(before.dmg);
    const movements =
      await t.sql`select location_id, sku, reason, on_hand_delta from stock_movements where ref_type = 'return' and ref_id = ${created.returnNumber} order by id`;
    expect(movements).toHaveLength(3);
    expect(movements).toEqual(
      expect.arrayContaining([
        { location_id: "warszawa", sku: resellable.sku, reason: "return_restock", on_hand_delta: 2 },
        { location_id: "warszawa", sku: damaged.sku, reason: "return_restock", on_hand_delta: 1 },
        { location_id: "warszawa", sku: damaged.sku, reason: "return_writeoff", on_hand_delta: -1 },
      ]),
    );

    const refunds =
      await t.sql`select amount_minor, return_id from payments where order_id = ${order.id} and kind = 'refund'`;
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount_minor).toBe(11000);
    expect(await messagesTo(order.email, "return_received")).toHaveLength(1);
    expect((await messagesTo(order.email, "refund_issued"))[0]!.data).toMatchObject({
      returnNumber: created.returnNumber,
      refundMinor: 11000,
      toCardMinor: 11000,
    });
    const [audit] =
      await t.sql`select actor_email, store_id from audit_log where action = 'returns.receive' and entity_id = ${created.returnNumber}`;
    expect(audit).toMatchObject({ actor_email: "max@example.com", store_id: "warszawa" });

    const view = await (await guest()).returns.get({ returnNumber: created.returnNumber, email: order.email });
    expect(view).toMatchObject({
      status: "refunded",
      refundMinor: 11000,
      orderNumber: order.number,
      method: { type: "in_store", storeId: "warszawa" },
      storeId: "warszawa",
      receivedStoreId: "warszawa",
    });
    expect(view.events.map((e) => [e.toStatus, e.channel])).toEqual([
      ["requested", "web"],
      ["received", "store"],
      ["refunded", "store"],
    ]);
    expect(view.lines.map((l) => l.condition).sort()).toEqual(["damaged", "resellable"]);
    await expect(
      (await guest()).returns.get({ returnNumber: created.returnNumber, email: "nope@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is CONFLICT the second time", async () => {
    const { order, created } = await requestReturn({ storeId: "krakow" });
    const ola = await clerk("ola@example.com");
    const lines = order.lines.map((l) => ({ lineId: l.id, condition: "resellable" as const }));
    await ola.returns.receive({ returnNumber: created.returnNumber, storeId: "krakow", lines });
    await expect(
      ola.returns.receive({ returnNumber: created.returnNumber, storeId: "krakow", lines }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already been received"),
    });
    expect(await refundedOnOrder(order.id)).toBe(created.refundMinor);
  });

  it("lets exactly one of two clerks receiving at the same moment succeed, and refunds once", async () => {
    const { order, created } = await requestReturn({ storeId: "warszawa" });
    const lines = order.lines.map((l) => ({ lineId: l.id, condition: "resellable" as const }));
    const sku = order.lines[0]!.sku;
    const before = await onHandAt(t.db, "warszawa", sku);
    const [max, admin] = [await clerk("max@example.com"), await clerk("admin@example.com")];
    const results = await Promise.allSettled([
      max.returns.receive({ returnNumber: created.returnNumber, storeId: "warszawa", lines }),
      admin.returns.receive({ returnNumber: created.returnNumber, storeId: "warszawa", lines }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: "CONFLICT" });
    const refunds =
      await t.sql`select count(*)::int as n from payments where order_id = ${order.id} and kind = 'refund'`;
    expect(refunds[0]!.n).toBe(1);
    expect(await onHandAt(t.db, "warszawa", sku)).toBe(before + 2);
  });

  it("refuses staff of another store, customers and kiosks before looking the return up", async () => {
    const input = {
      returnNumber: "RT-1",
      storeId: "warszawa",
      lines: [{ lineId: randomUUID(), condition: "resellable" as const }],
    };
    await expect((await clerk("ola@example.com")).returns.receive(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await callerFor(t.db, { email: "ada@example.com" }, "admin")).returns.receive(input),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(t.db, { kiosk: "warszawa" })).returns.receive(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect((await guest()).returns.receive(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await clerk("max@example.com")).returns.receive(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a location that takes no returns for an in-store return, and pays a till-paid order back as credit when it comes by mail", async () => {
    const { order, created } = await requestReturn({ storeId: "warszawa" });
    const lines = order.lines.map((l) => ({ lineId: l.id, condition: "resellable" as const }));
    const admin = await clerk("admin@example.com");
    await expect(
      admin.returns.receive({ returnNumber: created.returnNumber, storeId: "online", lines }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("does not take returns") });

    const tillPaid = await insertOrderForReturns(t.db, {
      payment: "pay_in_store",
      lines: [{ sku: skus[3]!, quantity: 1, unitPriceMinor: 1999 }],
    });
    const mailed = await (
      await guest()
    ).returns.create({
      orderNumber: tillPaid.number,
      email: tillPaid.email,
      lines: [{ lineId: tillPaid.lines[0]!.id, quantity: 1, reason: "other" }],
      method: { type: "mail" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    const received = await admin.returns.receive({
      returnNumber: mailed.returnNumber,
      storeId: "online",
      lines: [{ lineId: tillPaid.lines[0]!.id, condition: "resellable" }],
    });
    expect(received).toMatchObject({
      refundMinor: 1999,
      toTillMinor: 0,
      toCreditMinor: 1999,
      creditCode: expect.stringMatching(/^CR-/),
    });
  });

  it("asks for the condition of every item", async () => {
    const { order, created } = await requestReturn({ storeId: "warszawa" });
    await expect(
      (await clerk("max@example.com")).returns.receive({
        returnNumber: created.returnNumber,
        storeId: "warszawa",
        lines: [{ lineId: order.lines[0]!.id, condition: "resellable" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("resellable or damaged") });
    const [row] = await t.sql`select status from returns where number = ${created.returnNumber}`;
    expect(row!.status).toBe("requested");
  });

  it("gives a guest a credit code, and a signed-in shopper credit they can spend on a later order", async () => {
    const max = await clerk("max@example.com");
    const guestReturn = await requestReturn({ refundTo: "store_credit", quantity: 1 });
    const guestReceived = await max.returns.receive({
      returnNumber: guestReturn.created.returnNumber,
      storeId: "warszawa",
      lines: guestReturn.order.lines.map((l) => ({ lineId: l.id, condition: "resellable" as const })),
    });
    expect(guestReceived.creditCode).toMatch(/^CR-/);
    expect(await creditBalance(t.db, codeHolder(guestReceived.creditCode!))).toBe(2500 + 6000);
    expect((await messagesTo(guestReturn.order.email, "refund_issued"))[0]!.body).toContain(guestReceived.creditCode);
    expect(
      await t.sql`select 1 from payments where order_id = ${guestReturn.order.id} and kind = 'refund'`,
    ).toHaveLength(0);

    const [ada] = await t.sql`select id from users where email = 'ada@example.com'`;
    const holder = userHolder(ada!.id as string);
    const start = await creditBalance(t.db, holder);
    const owned = await requestReturn({ refundTo: "store_credit", ownerEmail: "ada@example.com", quantity: 1 });
    const received = await max.returns.receive({
      returnNumber: owned.created.returnNumber,
      storeId: "warszawa",
      lines: owned.order.lines.map((l) => ({ lineId: l.id, condition: "resellable" as const })),
    });
    expect(received.creditCode).toBeUndefined();
    expect(await creditBalance(t.db, holder)).toBe(start + 8500);
    await t.db.transaction((tx) =>
      spendCredit(tx, { holder, amountMinor: 8500, refType: "order", refId: randomUUID() }),
    );
    expect(await creditBalance(t.db, holder)).toBe(start);
  });
});

describe("refunds never exceed what was paid", () => {
  it("across several returns of a discounted order with a declined line", async () => {
    // 3 × 3333 + 2 × 1001 (1 declined) = 12001; 1001 off the basket.
    const order = await insertOrderForReturns(t.db, {
      discountMinor: 1001,
      lines: [
        { sku: skus[0]!, quantity: 3, unitPriceMinor: 3333 },
        { sku: skus[1]!, quantity: 2, unitPriceMinor: 1001, declinedQuantity: 1 },
      ],
    });
    const api = await guest();
    const max = await clerk("max@example.com");
    const returnOne = async (lines: { lineId: string; quantity: number }[]) => {
      const created = await api.returns.create({
        orderNumber: order.number,
        email: order.email,
        lines: lines.map((l) => ({ ...l, reason: "changed_mind" as const })),
        method: { type: "in_store", storeId: "warszawa" },
        refundTo: "original",
        idempotencyKey: key(),
      });
      return max.returns.receive({
        returnNumber: created.returnNumber,
        storeId: "warszawa",
        lines: lines.map((l) => ({ lineId: l.lineId, condition: "resellable" as const })),
      });
    };
    await returnOne([{ lineId: order.lines[0]!.id, quantity: 1 }]);
    await returnOne([
      { lineId: order.lines[0]!.id, quantity: 1 },
      { lineId: order.lines[1]!.id, quantity: 1 },
    ]);
    await returnOne([{ lineId: order.lines[0]!.id, quantity: 1 }]);
    const refunded = await refundedOnOrder(order.id);
    expect(refunded).toBeLessThanOrEqual(order.paidMinor);
    // Everything came back, one way or another: all that was paid went back, to the minor unit.
    expect(refunded).toBe(order.paidMinor);
    const eligibility = await api.returns.eligibility({ orderNumber: order.number, email: order.email });
    expect(eligibility.lines.every((l) => l.returnableQuantity === 0)).toBe(true);
  });
});

describe("staff look-ups", () => {
  it("finds a return by its slip number, lists a store's returns and rejects one", async () => {
    const order = await insertOrderForReturns(t.db, { lines: [{ sku: skus[2]!, quantity: 1 }] });
    const created = await (
      await guest()
    ).returns.create({
      orderNumber: order.number,
      email: order.email,
      lines: [{ lineId: order.lines[0]!.id, quantity: 1, reason: "other" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: key(),
    });
    const ola = await clerk("ola@example.com");
    const found = await ola.returns.lookup({ returnNumber: created.returnNumber.replace("RT-", "rt ") });
    expect(found).toMatchObject({
      returnNumber: created.returnNumber,
      status: "requested",
      email: order.email,
      orderNumber: order.number,
    });
    const listed = await ola.returns.list({ storeId: "krakow", status: "requested" });
    expect(listed.map((r) => r.returnNumber)).toContain(created.returnNumber);
    await expect(ola.returns.list({ storeId: "warszawa" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await guest()).returns.lookup({ returnNumber: created.returnNumber })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });

    const rejected = await ola.returns.reject({
      returnNumber: created.returnNumber,
      storeId: "krakow",
      reason: "Not bought from us",
    });
    expect(rejected.status).toBe("rejected");
    const [message] =
      await t.sql`select subject, body from outbox where template = 'return_rejected' and data->>'returnNumber' = ${created.returnNumber}`;
    expect(message!.body).toContain("Not bought from us");
    await expect(
      ola.returns.receive({
        returnNumber: created.returnNumber,
        storeId: "krakow",
        lines: [{ lineId: order.lines[0]!.id, condition: "resellable" }],
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("rate-limits wrong return numbers and e-mails", async () => {
    const api = await callerFor(t.db, "anonymous", "web", "10.9.9.9");
    for (let i = 0; i < 10; i++) {
      await expect(api.returns.get({ returnNumber: `RT-${900000 + i}`, email: "x@example.com" })).rejects.toMatchObject(
        { code: "NOT_FOUND" },
      );
    }
    await expect(api.returns.get({ returnNumber: "RT-999999", email: "x@example.com" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});

describe("wire format", () => {
  it("serves eligibility as a GET query and create as a POST mutation, with contract status codes", async () => {
    const order = await insertOrderForReturns(t.db, { lines: [{ sku: skus[0]!, quantity: 1, unitPriceMinor: 1234 }] });
    const handle = httpHandler(t.db);
    const query = (input: unknown) =>
      new Request(`http://x/api/trpc/returns.eligibility?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    const ok = await handle(query({ orderNumber: order.number, email: order.email }));
    expect(ok.status).toBe(200);
    expect((await ok.json()).result.data.json.lines[0]).toMatchObject({
      lineId: order.lines[0]!.id,
      returnableQuantity: 1,
    });
    expect((await handle(query({ orderNumber: order.number, email: "wrong@example.com" }))).status).toBe(404);

    const post = (input: unknown) =>
      new Request("http://x/api/trpc/returns.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      });
    const base = {
      orderNumber: order.number,
      email: order.email,
      method: { type: "mail" },
      refundTo: "original",
      idempotencyKey: key(),
    };
    const bad = await handle(
      post({ ...base, lines: [{ lineId: order.lines[0]!.id, quantity: 1, reason: "because" }] }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.json.data.zodError).toBeTruthy();
    const created = await handle(
      post({ ...base, lines: [{ lineId: order.lines[0]!.id, quantity: 1, reason: "other" }] }),
    );
    expect(created.status).toBe(200);
    expect((await created.json()).result.data.json).toMatchObject({ status: "requested", refundMinor: 1234 });
  });
});
