import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor, httpHandler } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("catalogue and stock procedures", () => {
  it("lists the six locations", async () => {
    const api = await callerFor(t.db, "anonymous");
    const stores = await api.stores.list();
    expect(stores.map((s) => s.id).sort()).toEqual(["gdansk", "krakow", "online", "poznan", "warszawa", "wroclaw"]);
    expect(stores.find((s) => s.id === "online")).toMatchObject({
      type: "warehouse",
      pickup: false,
      reservations: false,
    });
  });

  it("searches with a cursor and finds a product with its variants", async () => {
    const api = await callerFor(t.db, "anonymous");
    const first = await api.catalog.search({ limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toBeTruthy();
    const second = await api.catalog.search({ limit: 5, cursor: first.nextCursor });
    expect(second.items.map((i) => i.slug)).not.toContain(first.items[0]!.slug);
    const product = await api.catalog.product({ slug: first.items[0]!.slug });
    expect(product.variants.length).toBeGreaterThan(0);
    expect(product.variants[0]).toMatchObject({ sku: expect.any(String), priceMinor: expect.any(Number) });
    const hits = await api.catalog.search({ query: product.title.split(" ")[2] });
    expect(hits.items.length).toBeGreaterThan(0);
  });

  it("marks final-sale products", async () => {
    const api = await callerFor(t.db, "anonymous");
    const underwear = await api.catalog.search({ category: "underwear", limit: 1 });
    expect((await api.catalog.product({ slug: underwear.items[0]!.slug })).finalSale).toBe(true);
  });

  it("counts availability and lets a manager run a cycle count", async () => {
    const anon = await callerFor(t.db, "anonymous");
    const [row] = await t.sql`select sku from stock_levels where location_id = 'warszawa' order by sku limit 1`;
    const sku = row!.sku as string;
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const result = await manager.inventory.setOnHand({
      storeId: "warszawa",
      sku,
      onHand: 7,
      reason: "Cycle count aisle B",
    });
    expect(result).toEqual({ sku, storeId: "warszawa", onHand: 7, available: 7 });
    const availability = await anon.inventory.availability({ sku, storeIds: ["warszawa"] });
    expect(availability.locations).toEqual([
      {
        storeId: "warszawa",
        available: 7,
        aisle: expect.anything(),
        pickup: { sourcing: "in_store", readyBy: expect.any(Date) },
      },
    ]);
    const [movement] =
      await t.sql`select reason, note, on_hand_after from stock_movements where sku = ${sku} and location_id = 'warszawa' order by id desc limit 1`;
    expect(movement).toMatchObject({ reason: "cycle_count", note: "Cycle count aisle B", on_hand_after: 7 });
  });

  it("answers every store and the warehouse in one read, expired holds given back", async () => {
    const anon = await callerFor(t.db, "anonymous");
    const [row] =
      await t.sql`select sku from stock_levels where location_id = 'krakow' and on_hand >= 4 order by sku limit 1`;
    const sku = row!.sku as string;
    // Two units held in Kraków: one hold still running, one whose deadline passed (not yet released by a job).
    await t.sql`update stock_levels set held = held + 2 where sku = ${sku} and location_id = 'krakow'`;
    await t.sql`insert into stock_holds (location_id, sku, quantity, kind, owner_id, expires_at) values
      ('krakow', ${sku}, 1, 'reservation', gen_random_uuid(), now() + interval '1 hour'),
      ('krakow', ${sku}, 1, 'reservation', gen_random_uuid(), now() - interval '1 minute')`;
    await t.sql`update stock_levels set on_hand = 0, held = 0 where sku = ${sku} and location_id = 'gdansk'`;
    const expected = await t.sql<{ id: string; available: number }[]>`
      select sl.location_id as id, greatest(0, sl.on_hand - sl.held - sl.safety_stock + case when sl.location_id = 'krakow' then 1 else 0 end)::int as available
      from stock_levels sl where sl.sku = ${sku}`;
    const of = (id: string) => expected.find((e) => e.id === id)?.available ?? 0;
    const answer = await anon.inventory.availability({ sku });
    expect(answer.online).toBe(of("online"));
    expect(answer.locations.map((l) => [l.storeId, l.available])).toEqual(
      ["gdansk", "krakow", "poznan", "warszawa", "wroclaw"].map((id) => [id, of(id)]),
    );
    expect(answer.locations.find((l) => l.storeId === "gdansk")!.pickup.sourcing).not.toBe("in_store");
  });

  it("lists what a store is running out of, scarcest first", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const [row] =
      await t.sql`select sku from stock_levels where location_id = 'warszawa' and on_hand > 5 order by sku limit 1`;
    await manager.inventory.setOnHand({ storeId: "warszawa", sku: row!.sku, onHand: 1, reason: "Shelf nearly empty" });
    const low = await manager.inventory.lowStock({ storeId: "warszawa", threshold: 1, limit: 200 });
    const [expected] = await t.sql`
      select count(*)::int n from stock_levels sl join variants v on v.sku = sl.sku join products p on p.id = v.product_id
      where sl.location_id = 'warszawa' and v.active and p.active and sl.on_hand - sl.held - sl.safety_stock <= 1`;
    expect(low).toHaveLength(Math.min(200, expected!.n));
    // The dashboard's count is never capped by the list's page size.
    expect(await manager.inventory.lowStockCount({ storeId: "warszawa", threshold: 1 })).toEqual({
      count: expected!.n,
    });
    expect(low.some((l) => l.available === 0)).toBe(true);
    expect(low.every((l) => l.available <= 1)).toBe(true);
    expect(low.map((l) => l.available)).toEqual([...low.map((l) => l.available)].sort((a, b) => a - b));
  });

  it("refuses a cycle count from staff of another store before looking at the SKU", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(
      manager.inventory.setOnHand({ storeId: "krakow", sku: "NOPE", onHand: 1, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const associate = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await expect(
      associate.inventory.setOnHand({ storeId: "krakow", sku: "NOPE", onHand: 1, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const anon = await callerFor(t.db, "anonymous");
    await expect(
      anon.inventory.setOnHand({ storeId: "krakow", sku: "NOPE", onHand: 1, reason: "x" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers the wire format of the contract", async () => {
    const handle = httpHandler(t.db);
    const ok = await handle(
      new Request(
        `http://x/api/trpc/inventory.availability?input=${encodeURIComponent(JSON.stringify({ json: { sku: "NOPE" } }))}`,
      ),
    );
    expect(ok.status).toBe(404);
    const bad = await handle(
      new Request(
        `http://x/api/trpc/catalog.search?input=${encodeURIComponent(JSON.stringify({ json: { limit: 0 } }))}`,
      ),
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.json.data.zodError).toBeTruthy();
  });

  it("sends a store's goods from where they arrive soonest, a lead time set for that pair of stores included", async () => {
    const anon = await callerFor(t.db, "anonymous");
    const [row] =
      await t.sql`select sku from stock_levels where location_id = 'warszawa' and on_hand >= 2 order by sku desc limit 1`;
    const sku = row!.sku as string;
    // Only the warehouse (24 h to any store) and Warszawa (48 h to other stores, 6 h to Gdańsk) have it; every store
    // works around the clock, so a promise is the arrival plus the picking time (120 minutes).
    await t.sql`update stock_levels set on_hand = 0, held = 0 where sku = ${sku} and location_id not in ('online', 'warszawa')`;
    await t.sql`update stock_levels set on_hand = 5, held = 0, safety_stock = 0
      where sku = ${sku} and location_id in ('online', 'warszawa')`;
    await t.sql`update locations set opening_hours = null where type = 'store'`;
    await t.sql`insert into settings (key, value) values ('transfer_lead_times', '{"pairs": {"warszawa>gdansk": 6}}'::jsonb)
      on conflict (key) do update set value = excluded.value`;
    const hoursAway = (answer: Awaited<ReturnType<typeof anon.inventory.availability>>, asked: number) =>
      Object.fromEntries(
        answer.locations.map((l) => [l.storeId, Math.round((l.pickup.readyBy!.getTime() - asked) / 3_600_000)]),
      );
    // The stores and settings are kept in memory until their change is announced (a moment after the write).
    let seen: Record<string, number> = {};
    for (let i = 0; i < 100 && seen.gdansk !== 8; i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 20));
      const asked = Date.now();
      seen = hoursAway(await anon.inventory.availability({ sku }), asked);
    }
    expect(seen).toEqual({ gdansk: 8, krakow: 26, poznan: 26, warszawa: 2, wroclaw: 26 });
  });
});
