import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { webhookDeliveries, webhookSubscriptions } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";
import { createWebhook, deliverWebhooks, retryDelayMs } from "@omni/domain/integrations";
import { systemActor } from "@omni/domain/kernel";

import { cartWith, stockedSkus } from "./checkout-fixtures";
import { callerFor } from "./testing";

const t = await createTestDatabase();
const demo = { allowPrivateAddresses: true };
const production = { allowPrivateAddresses: false };

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A local receiver that answers the given statuses in turn (the last one from then on). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      response.end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
  await t.close();
});

let skus: string[];
beforeAll(async () => {
  skus = await stockedSkus(t.db, "krakow", 3);
});

async function placePickupOrder(sku: string, token = "tok_ok") {
  const shopper = await callerFor(t.db, "anonymous");
  const cartId = await cartWith(shopper, [{ sku, quantity: 1 }]);
  return shopper.checkout.placeOrder({
    cartId,
    email: "hook@example.com",
    name: "Hook",
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "card", token },
    idempotencyKey: `hook-${sku}-${token}-${Math.random()}`,
  });
}

describe("webhooks", () => {
  it("creates a subscription with a whsec_ secret (admins only)", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(
      manager.webhooks.create({ url: "https://hooks.example.com/omni", events: ["order.placed"] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // 8.8.8.8 is public, so it passes the guard without a DNS lookup.
    const created = await admin.webhooks.create({ url: "https://8.8.8.8/omni", events: ["order.placed"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice(6), "base64")).toHaveLength(32);
    expect(JSON.stringify(await admin.webhooks.list())).not.toContain(created.secret);
    await admin.webhooks.delete({ id: created.id });
  });

  it("delivers a signed event; a receiver that fails twice gets it on the third try with the same webhook-id", async () => {
    const hook = await receiver([500, 503, 200]);
    closers.push(hook.close);
    const { id, secret } = await createWebhook(t.db, systemActor, { url: hook.url, events: ["order.placed"] }, demo);

    const declined = placePickupOrder(skus[0]!, "tok_declined");
    await expect(declined).rejects.toBeTruthy();
    const order = await placePickupOrder(skus[0]!);
    // Written in the order's transaction: one event for the order that was placed, none for the declined one.
    const queued = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(queued).toHaveLength(1);

    let now = new Date();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverWebhooks(t.db, now, demo)).toBe(1);
      expect(hook.received).toHaveLength(attempt);
      // Nothing is due again until the backoff has passed.
      expect(await deliverWebhooks(t.db, new Date(now.getTime() + retryDelayMs(attempt) - 1000), demo)).toBe(0);
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    const ids = hook.received.map((request) => request.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(/^msg_/);
    const last = hook.received[2]!;
    const verified = new Webhook(secret).verify(last.body, last.headers as Record<string, string>) as {
      type: string;
      data: { orderNumber: string };
    };
    expect(verified).toMatchObject({ type: "order.placed", data: { orderNumber: order.orderNumber } });
    expect(() =>
      new Webhook(secret).verify(last.body.replace(order.orderNumber, "X"), last.headers as Record<string, string>),
    ).toThrow();

    // The delivery log shows the attempts; "send again" repeats the same message.
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const log = await admin.webhooks.get({ id });
    expect(log.deliveries).toEqual([
      expect.objectContaining({ status: "succeeded", attempts: 3, lastStatusCode: 200 }),
    ]);
    await admin.webhooks.redeliver({ deliveryId: log.deliveries[0]!.id });
    expect(await deliverWebhooks(t.db, new Date(), demo)).toBe(1);
    expect(hook.received[3]!.headers["webhook-id"]).toBe(ids[0]);
    await admin.webhooks.delete({ id });
  });

  it("sends stock, ready-for-pickup, collected and return-received events from the changes that cause them", async () => {
    const hook = await receiver([204]);
    closers.push(hook.close);
    const { id } = await createWebhook(
      t.db,
      systemActor,
      { url: hook.url, events: ["stock.changed", "order.ready_for_pickup", "order.collected", "return.received"] },
      demo,
    );
    const order = await placePickupOrder(skus[1]!);
    const clerk = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await clerk.fulfillment.advance({ orderNumber: order.orderNumber, to: "picking" });
    await clerk.fulfillment.advance({ orderNumber: order.orderNumber, to: "ready_for_pickup" });
    await clerk.pickup.collect({ code: order.pickupCode! });
    const shopper = await callerFor(t.db, "anonymous");
    const { lines } = await shopper.orders.get({ orderNumber: order.orderNumber, email: "hook@example.com" });
    const { returnNumber } = await shopper.returns.create({
      orderNumber: order.orderNumber,
      email: "hook@example.com",
      lines: [{ lineId: lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: `hook-return-${order.orderNumber}`,
    });
    await clerk.returns.receive({
      returnNumber,
      storeId: "krakow",
      lines: [{ lineId: lines[0]!.lineId, condition: "resellable" }],
    });
    await deliverWebhooks(t.db, new Date(), demo);
    const types = hook.received.map((request) => (JSON.parse(request.body) as { type: string }).type);
    expect(types).toContain("stock.changed");
    expect(types).toContain("order.ready_for_pickup");
    expect(types).toContain("order.collected");
    expect(types).toContain("return.received");
    const stock = hook.received
      .map((request) => JSON.parse(request.body) as { type: string; data: Record<string, unknown> })
      .find((event) => event.type === "stock.changed");
    expect(stock!.data).toMatchObject({ storeId: "krakow", sku: skus[1] });
    await t.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  });

  it("disables a subscription after a day of failures", async () => {
    const hook = await receiver([500]);
    closers.push(hook.close);
    const { id } = await createWebhook(t.db, systemActor, { url: hook.url, events: ["order.placed"] }, demo);
    await placePickupOrder(skus[2]!);
    const start = new Date();
    await deliverWebhooks(t.db, start, demo);
    await deliverWebhooks(t.db, new Date(start.getTime() + 23 * 3600_000), demo);
    let [subscription] = await t.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    expect(subscription!.enabled).toBe(true);
    await deliverWebhooks(t.db, new Date(start.getTime() + 24 * 3600_000 + 1000), demo);
    [subscription] = await t.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    expect(subscription).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("day") });
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(delivery).toMatchObject({ status: "failed", attempts: 3 });
    await t.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  });

  it("outside the demo refuses private and loopback addresses (server-side request forgery)", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://localhost/hook",
      "http://10.0.0.7/hook",
      "http://192.168.1.1/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/hook",
      "http://[::ffff:127.0.0.1]/hook",
      "file:///etc/passwd",
    ]) {
      await expect(admin.webhooks.create({ url, events: ["order.placed"] }), url).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    // A subscription made in the demo is not sent to a private address once the demo setting is off.
    const hook = await receiver([200]);
    closers.push(hook.close);
    const { id } = await createWebhook(t.db, systemActor, { url: hook.url, events: ["order.placed"] }, demo);
    await placePickupOrder(skus[2]!);
    expect(await deliverWebhooks(t.db, new Date(), production)).toBe(1);
    expect(hook.received).toHaveLength(0);
    const [delivery] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));
    expect(delivery).toMatchObject({ status: "pending", lastError: expect.stringContaining("public") });
  });
});
