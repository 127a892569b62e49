import { afterAll, afterEach, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { deliverOutbox, setMailSender, type MailMessage } from "@omni/domain/messages";
import { sweeps } from "@omni/domain/worker";

import { cartWith, stockedSkus } from "./checkout-fixtures";
import { callerFor } from "./testing";

const t = await createTestDatabase({ max: 12 });
afterAll(() => t.close());
afterEach(() => setMailSender(undefined));

const [sku] = await stockedSkus(t.db, "krakow", 1, 2);

async function placePickupOrder(email: string) {
  const api = await callerFor(t.db, "anonymous");
  const cartId = await cartWith(api, [{ sku: sku!, quantity: 1 }]);
  return api.checkout.placeOrder({
    cartId,
    email,
    name: "Kasia",
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "pay_in_store" },
    idempotencyKey: `notify-${cartId}`,
  });
}

describe("notifications", () => {
  it("is registered as the deliver-outbox sweep", () => {
    expect(sweeps.map((s) => s.name)).toContain("deliver-outbox");
  });

  it("sends every queued message exactly once when two sweeps run at the same time", async () => {
    const placed = await placePickupOrder("kasia@example.com");
    await t.sql`insert into outbox ("to", template, subject, body)
      select 'bulk' || g || '@example.com', 'order_placed', 'Subject ' || g, 'Body ' || g from generate_series(1, 40) g`;
    const [{ n: queued }] = (await t.sql`select count(*)::int as n from outbox where sent_at is null`) as unknown as [
      { n: number },
    ];
    const sent: MailMessage[] = [];
    setMailSender({
      async sendMail(message) {
        sent.push(message);
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    });
    const now = new Date();
    const [first, second] = await Promise.all([deliverOutbox(t.db, now), deliverOutbox(t.db, now)]);
    expect(first + second).toBe(queued);
    expect(sent).toHaveLength(queued);
    expect(new Set(sent.map((m) => `${JSON.stringify(m.to)} ${m.subject}`)).size).toBe(queued);
    const [left] = await t.sql`select count(*)::int as n from outbox where sent_at is null`;
    expect(left!.n).toBe(0);
    expect(await deliverOutbox(t.db, new Date())).toBe(0);

    const confirmation = sent.find((m) => m.to === "kasia@example.com")!;
    expect(confirmation.subject).toContain(placed.orderNumber);
    expect(confirmation.html).toContain("cid:pickup-code");
    expect(confirmation.attachments?.[0]).toMatchObject({ cid: "pickup-code", contentType: "image/png" });
  });

  it("keeps a message whose sending failed for a later run, with the error", async () => {
    await placePickupOrder("fails@example.com");
    setMailSender({ sendMail: async () => Promise.reject(new Error("SMTP is down")) });
    expect(await deliverOutbox(t.db, new Date())).toBe(0);
    const [row] = await t.sql`select sent_at, attempts, last_error from outbox where "to" = 'fails@example.com'`;
    expect(row).toMatchObject({ sent_at: null, attempts: 1, last_error: "SMTP is down" });
    setMailSender(null);
    // Not tried again before its backoff (30 s after the first failure) has passed.
    expect(await deliverOutbox(t.db, new Date())).toBe(0);
    expect(await deliverOutbox(t.db, new Date(Date.now() + 31_000))).toBe(1);
  });

  it("lists what was sent to a shopper for staff only", async () => {
    const staff = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    const list = await staff.notifications.list({ email: "KASIA@example.com" });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      to: "kasia@example.com",
      channel: "email",
      template: "order_placed",
      subject: expect.any(String),
      body: expect.any(String),
      sentAt: expect.any(Date),
    });
    expect((await staff.notifications.list()).length).toBeGreaterThan(1);
    await expect((await callerFor(t.db, { email: "ada@example.com" })).notifications.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect((await callerFor(t.db, { kiosk: "krakow" })).notifications.list({})).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect((await callerFor(t.db, "anonymous")).notifications.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
