import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";

import { onTransactionRetry } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";

import { lockStockRows } from "./reserve-stock";

/**
 * Stock rows are locked in one global order, and a deadlock or serialization failure is retried by
 * the transaction itself (packages/db wraps every top-level `db.transaction`) before any caller sees it.
 */
const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());
afterEach(() => onTransactionRetry(undefined));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function twoSkus(): Promise<[string, string]> {
  const rows = await t.sql`select sku from stock_levels where location_id = 'gdansk' order by sku limit 2 offset 7`;
  return [rows[0]!.sku as string, rows[1]!.sku as string];
}

describe("the lock order of stock rows", () => {
  it("locks the rows it is given in (location, SKU) order, whatever order they come in", async () => {
    const [a, b] = await twoSkus();
    // Someone holds A. A transaction asking for [B, A] must wait on A before it takes B.
    const holder = await t.sql.reserve();
    await holder`begin`;
    await holder`select 1 from stock_levels where location_id = 'gdansk' and sku = ${a} for update`;
    const waiting = t.db.transaction((tx) =>
      lockStockRows(tx, [
        { locationId: "gdansk", sku: b },
        { locationId: "gdansk", sku: a },
      ]),
    );
    await pause(300);
    // B is still free: the waiting transaction did not take it before A.
    const probe = await t.sql.reserve();
    try {
      await probe`begin`;
      await expect(
        probe`select 1 from stock_levels where location_id = 'gdansk' and sku = ${b} for update nowait`,
      ).resolves.toHaveLength(1);
      await probe`rollback`;
    } finally {
      probe.release();
    }
    await holder`rollback`;
    holder.release();
    await waiting;
  });
});

describe("a deadlock", () => {
  it("is retried inside the transaction, so both racing writers succeed and no caller sees 40P01", async () => {
    const [a, b] = await twoSkus();
    const retries: string[] = [];
    onTransactionRetry((error) => retries.push(String((error as { cause?: { code?: string } }).cause?.code)));
    let runs = 0;
    // Two writers that lock the same two rows in opposite orders (what the lock order prevents in
    // use-cases), with a pause between, so PostgreSQL detects a deadlock and aborts one of them.
    const writer = (first: string, second: string) =>
      t.db.transaction(async (tx) => {
        runs++;
        await tx.execute(sql`select 1 from stock_levels where location_id = 'gdansk' and sku = ${first} for update`);
        await pause(250);
        await tx.execute(
          sql`update stock_levels set updated_at = now() where location_id = 'gdansk' and sku = ${second}`,
        );
        return first;
      });
    const results = await Promise.allSettled([writer(a, b), writer(b, a)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(retries).toEqual(["40P01"]);
    expect(runs).toBe(3);
  });

  it("does not retry other failures: a unique violation reaches the caller after one run", async () => {
    let runs = 0;
    await expect(
      t.db.transaction(async (tx) => {
        runs++;
        await tx.execute(sql`insert into locations select * from locations where id = 'gdansk'`);
      }),
    ).rejects.toMatchObject({ cause: { code: "23505" } });
    expect(runs).toBe(1);
  });
});
