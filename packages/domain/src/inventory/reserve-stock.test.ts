import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { systemActor } from "../kernel";
import { adjustOnHand, endHolds, reserveStock } from "./reserve-stock";

const t = await createTestDatabase({ max: 10 });
afterAll(() => t.close());

async function level(sku: string) {
  const [row] = await t.sql`select on_hand, held from stock_levels where location_id = 'krakow' and sku = ${sku}`;
  return { onHand: row!.on_hand as number, held: row!.held as number };
}

let picked = 40;
async function someSku() {
  const [row] =
    await t.sql`select sku from stock_levels where location_id = 'krakow' order by sku offset ${picked++} limit 1`;
  const sku = row!.sku as string;
  await t.db.transaction((tx) =>
    adjustOnHand(tx, { locationId: "krakow", sku, setTo: 5, reason: "cycle_count", actor: systemActor }),
  );
  return sku;
}

describe("the one place where stock changes", () => {
  it("does not count a lapsed hold out twice when its owner ends it while another shopper's reservation releases it", async () => {
    const sku = await someSku();
    const owner = randomUUID();
    await t.db.transaction((tx) =>
      reserveStock(tx, {
        locationId: "krakow",
        sku,
        quantity: 2,
        kind: "reservation",
        ownerId: owner,
        expiresAt: new Date(Date.now() + 200),
        actor: systemActor,
      }),
    );
    await new Promise((r) => setTimeout(r, 300)); // the hold lapses
    expect(await level(sku)).toEqual({ onHand: 5, held: 2 });

    // A new reservation takes the row lock and releases the lapsed hold, but has not committed yet…
    let commitFirst!: () => void;
    const firstHoldsLock = new Promise<void>((resolve) => {
      void t.db.transaction(async (tx) => {
        await reserveStock(tx, {
          locationId: "krakow",
          sku,
          quantity: 1,
          kind: "reservation",
          ownerId: randomUUID(),
          expiresAt: null,
          actor: systemActor,
        });
        resolve();
        await new Promise<void>((r) => (commitFirst = r));
      });
    });
    await firstHoldsLock;
    // …while the expiry of the first reservation ends its holds: it waits for the lock, then must find nothing left to end.
    const ending = t.db.transaction((tx) =>
      endHolds(tx, { ownerId: owner, mode: "release", reason: "reservation_expired", actor: systemActor }),
    );
    await new Promise((r) => setTimeout(r, 200));
    commitFirst();
    await ending;
    expect(await level(sku)).toEqual({ onHand: 5, held: 1 });
    const [ledger] =
      await t.sql`select sum(held_delta)::int held from stock_movements where location_id = 'krakow' and sku = ${sku}`;
    expect(ledger!.held).toBe(1);
  });

  it("refuses more than is available and names the SKU", async () => {
    const sku = await someSku();
    await expect(
      t.db.transaction((tx) =>
        reserveStock(tx, {
          locationId: "krakow",
          sku,
          quantity: 6,
          kind: "order",
          ownerId: randomUUID(),
          actor: systemActor,
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { sku, available: 5 } });
    expect(await level(sku)).toEqual({ onHand: 5, held: 0 });
  });
});
