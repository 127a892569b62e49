import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { createTestOrder, insertOrderForReturns, skusInStock } from "@omni/domain/testing";

import { callerFor } from "./testing";

/**
 * The attacks: any associate read every store's messages, guest credit and pickup codes included;
 * a shopper's return timeline named the staff who handled it by e-mail.
 */
const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());

let order: Awaited<ReturnType<typeof createTestOrder>>;
beforeAll(async () => {
  const [sku] = await skusInStock(t.db, "warszawa", 2, 1);
  order = await createTestOrder(t.db, {
    locationId: "warszawa",
    email: "warsaw-guest@example.com",
    lines: [{ sku: sku!, quantity: 1 }],
  });
  const max = await callerFor(t.db, { email: "max@example.com" }, "admin"); // manager in warszawa
  await max.fulfillment.advance({ orderNumber: order.number, to: "picking" });
  await max.fulfillment.advance({ orderNumber: order.number, to: "ready_for_pickup" });
});

describe("notifications.list", () => {
  it("shows staff the messages of their own stores only", async () => {
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin"); // associate in krakow
    expect(await ola.notifications.list({ email: "warsaw-guest@example.com" })).toEqual([]);
    expect((await ola.notifications.list({ limit: 200 })).map((m) => m.to)).not.toContain("warsaw-guest@example.com");
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin");
    expect((await max.notifications.list({ email: "warsaw-guest@example.com" })).map((m) => m.template)).toContain(
      "order_ready_for_pickup",
    );
  });

  it("masks pickup codes, for admins too: staff can see a message went out, not collect with it", async () => {
    for (const who of ["max@example.com", "admin@example.com"]) {
      const staff = await callerFor(t.db, { email: who }, "admin");
      const [ready] = (await staff.notifications.list({ email: "warsaw-guest@example.com" })).filter(
        (m) => m.template === "order_ready_for_pickup",
      );
      expect(ready).toBeDefined();
      const everything = JSON.stringify(ready);
      expect(everything).not.toContain(order.pickupCode!);
      expect(ready!.body).toContain(`••${order.pickupCode!.slice(-2)}`);
      expect((ready!.data as { pickupCode: string }).pickupCode).toMatch(/^•+..$/);
    }
  });
});

describe("a shopper's return", () => {
  it("never shows the e-mail of the staff who handled it; the staff view does", async () => {
    const [sku] = await skusInStock(t.db, "krakow", 2, 1);
    const sold = await insertOrderForReturns(t.db, {
      locationId: "krakow",
      email: "returner@example.com",
      lines: [{ sku: sku!, quantity: 1 }],
    });
    const shopper = await callerFor(t.db, "anonymous", "web", "203.0.113.30");
    const created = await shopper.returns.create({
      orderNumber: sold.number,
      email: "returner@example.com",
      lines: [{ lineId: sold.lines[0]!.id, quantity: 1, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: "privacy-return-1",
    });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await ola.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "krakow",
      lines: [{ lineId: sold.lines[0]!.id, condition: "resellable" }],
    });
    const seen = await shopper.returns.get({ returnNumber: created.returnNumber, email: "returner@example.com" });
    expect(seen.events.length).toBeGreaterThan(1);
    expect(JSON.stringify(seen)).not.toContain("ola@example.com");
    const staffView = await ola.returns.lookup({ returnNumber: created.returnNumber });
    expect(JSON.stringify(staffView)).toContain("ola@example.com");
  });
});
