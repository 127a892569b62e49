import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

/** Numbers are never silently capped: a busy store's open queue comes whole, history a page at a time. */
const t = await createTestDatabase();
afterAll(() => t.close());

describe("the fulfilment queue", () => {
  it("shows every open order of a store, however many, and pages the finished ones", async () => {
    // More open orders than the old cap of 500, written in one statement for speed.
    await t.sql`
      insert into orders (number, channel, status, fulfillment_type, location_id, email, name,
                          subtotal_minor, total_minor, payment_method)
      select 'OM-Q' || lpad(n::text, 6, '0'), 'web', case when n % 2 = 0 then 'placed' else 'collected' end,
             'pickup', 'wroclaw', 'queue' || n || '@example.com', 'Queue ' || n, 1000, 1000, 'card'
      from generate_series(1, 1300) n`;
    const [{ open }] = (await t.sql`
      select count(*)::int as open from orders
      where location_id = 'wroclaw' and status in ('placed', 'picking', 'ready_for_pickup', 'shipped')`) as unknown as [
      { open: number },
    ];
    expect(open).toBeGreaterThanOrEqual(650);
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    expect(await admin.fulfillment.queue({ storeId: "wroclaw" })).toHaveLength(open);

    const first = await admin.fulfillment.queue({ storeId: "wroclaw", status: "collected", limit: 400 });
    const second = await admin.fulfillment.queue({ storeId: "wroclaw", status: "collected", limit: 400, offset: 400 });
    expect(first).toHaveLength(400);
    expect(second.length).toBeGreaterThan(200);
    expect(new Set([...first, ...second].map((o) => o.orderNumber)).size).toBe(first.length + second.length);
  });
});
