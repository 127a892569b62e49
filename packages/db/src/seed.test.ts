import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("demo seed", () => {
  it("has the six locations of the contract", async () => {
    const rows = await t.sql`select id, type from locations order by id`;
    expect(rows.map((r) => r.id)).toEqual(["gdansk", "krakow", "online", "poznan", "warszawa", "wroclaw"]);
    expect(rows.find((r) => r.id === "online")!.type).toBe("warehouse");
  });

  it("has at least 200 products with variants and varied stock", async () => {
    const [p] = await t.sql`select count(*)::int n from products`;
    expect(p!.n).toBeGreaterThanOrEqual(200);
    const [outEverywhere] = await t.sql`
      select count(*)::int n from (select sku from stock_levels group by sku having sum(on_hand) = 0) x`;
    const [onlineOnly] = await t.sql`
      select count(*)::int n from (select sku from stock_levels group by sku
        having sum(on_hand) filter (where location_id = 'online') > 0 and sum(on_hand) filter (where location_id <> 'online') = 0) x`;
    const [oneStore] = await t.sql`
      select count(*)::int n from (select sku from stock_levels where location_id <> 'online' and on_hand > 0 group by sku having count(*) = 1) x`;
    const [low] = await t.sql`select count(*)::int n from stock_levels where on_hand between 1 and 3`;
    expect(outEverywhere!.n).toBeGreaterThan(0);
    expect(onlineOnly!.n).toBeGreaterThan(0);
    expect(oneStore!.n).toBeGreaterThan(0);
    expect(low!.n).toBeGreaterThan(0);
  });

  it("keeps the ledger equal to the stock", async () => {
    const mismatches = await t.db.execute(sql`
      select l.location_id, l.sku from stock_levels l
      left join (select location_id, sku, sum(on_hand_delta) d from stock_movements group by 1, 2) m using (location_id, sku)
      where l.on_hand <> coalesce(m.d, 0)`);
    expect(mismatches.length).toBe(0);
  });

  it("refuses negative stock and holds above on hand", async () => {
    await expect(
      t.sql`update stock_levels set on_hand = -1 where location_id = 'krakow' and sku = (select sku from variants limit 1)`,
    ).rejects.toThrow(/check constraint "stock_/);
    await expect(
      t.sql`update stock_levels set held = on_hand + 1 where location_id = 'krakow' and sku = (select sku from variants limit 1)`,
    ).rejects.toThrow(/stock_held_le_on_hand/);
  });
});
