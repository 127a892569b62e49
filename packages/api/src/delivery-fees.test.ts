import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { skusInStock } from "@omni/domain/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("delivery prices set in admin", () => {
  it("change what checkout offers at once, are audited, and only an admin may set them", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    expect(await manager.shipping.fees()).toEqual({ courierMinor: 1499, lockerMinor: 999, freeFromMinor: 19900 });
    await expect(
      manager.shipping.updateFees({ courierMinor: 1, lockerMinor: 1, freeFromMinor: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      admin.shipping.updateFees({ courierMinor: -1, lockerMinor: 999, freeFromMinor: 19900 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.shipping.fees()).toEqual({ courierMinor: 1499, lockerMinor: 999, freeFromMinor: 19900 });

    await admin.shipping.updateFees({ courierMinor: 1999, lockerMinor: 1299, freeFromMinor: 100_000 });
    const shopper = await callerFor(t.db, "anonymous");
    const { cartId } = await shopper.cart.create();
    const [sku] = await skusInStock(t.db, "online", 2, 1);
    await shopper.cart.setQuantity({ cartId, sku: sku!, quantity: 1 });
    const options = await shopper.checkout.options({ cartId });
    expect(options.freeDeliveryFromMinor).toBe(100_000);
    expect(options.delivery.map((d) => [d.type, d.priceMinor])).toEqual([
      ["courier", 1999],
      ["locker", 1299],
    ]);
    const [audit] = await t.sql`select before, after from audit_log where action = 'shipping.deliveryFees'`;
    expect(audit).toMatchObject({
      before: { courierMinor: 1499 },
      after: { courierMinor: 1999, lockerMinor: 1299, freeFromMinor: 100_000 },
    });
  });
});
