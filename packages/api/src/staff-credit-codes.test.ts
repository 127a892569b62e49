import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { insertOrderForReturns, skusInStock } from "@omni/domain/testing";

import { callerFor } from "./testing";

/**
 * The attack (issue 12): any associate read every store's messages, with the store-credit codes that
 * refunds give guests in them. A credit code is a bearer secret (whoever has it spends it), so a clerk
 * of another store must not see the message at all, and no member of staff may read the code.
 */
const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());

describe("a guest's store-credit code in notifications.list", () => {
  it("is shown to no member of staff, and the message only to its store's staff and admins", async () => {
    const [sku] = await skusInStock(t.db, "krakow", 2, 1);
    const sold = await insertOrderForReturns(t.db, {
      locationId: "krakow",
      email: "credit-guest@example.com",
      lines: [{ sku: sku!, quantity: 1 }],
    });
    const shopper = await callerFor(t.db, "anonymous", "web", "203.0.113.90");
    const created = await shopper.returns.create({
      orderNumber: sold.number,
      email: "credit-guest@example.com",
      lines: [{ lineId: sold.lines[0]!.id, quantity: 1, reason: "wrong_size" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "store_credit",
      idempotencyKey: "credit-code-privacy-1",
    });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin"); // associate in krakow
    const received = await ola.returns.receive({
      returnNumber: created.returnNumber,
      storeId: "krakow",
      lines: [{ lineId: sold.lines[0]!.id, condition: "resellable" }],
    });
    const creditCode = received.creditCode!;
    expect(creditCode).toMatch(/^CR-/);
    // The guest's own e-mail does carry the code: it is the only way they can spend the credit.
    const [mail] = await t.sql`
      select body from outbox where "to" = 'credit-guest@example.com' and template = 'refund_issued'`;
    expect(mail!.body).toContain(creditCode);

    // A clerk of another store does not even see that the message exists.
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin"); // manager in warszawa
    expect(await max.notifications.list({ email: "credit-guest@example.com" })).toEqual([]);
    expect(JSON.stringify(await max.notifications.list({ limit: 200 }))).not.toContain(creditCode);

    // The store's own staff and the admin see it went out, with the code masked.
    for (const staff of [ola, await callerFor(t.db, { email: "admin@example.com" }, "admin")]) {
      const [refund] = (await staff.notifications.list({ email: "credit-guest@example.com" })).filter(
        (m) => m.template === "refund_issued",
      );
      expect(refund).toBeDefined();
      expect(JSON.stringify(refund)).not.toContain(creditCode);
      expect(refund!.body).toContain(`••${creditCode.slice(-2)}`);
      expect((refund!.data as { creditCode: string }).creditCode).toMatch(/^•+..$/);
    }
  });
});
