import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { freePort } from "@omni/db/embedded";
import { createTestDatabase } from "@omni/db/testing";

import { stockedSkus } from "./checkout-fixtures";

/**
 * An app process killed with kill -9 while 50 checkouts stream in over HTTP, then started again, with
 * the shoppers retrying what was not acknowledged (same idempotency key): every order acknowledged to
 * a shopper is in the database, no hold outlives its order, and no order was charged twice.
 */
const t = await createTestDatabase({ max: 10 });
const script = fileURLToPath(new URL("./testing-server.ts", import.meta.url));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await t.close();
});

async function startApp(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script, t.url, String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stderr!.resume();
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`app exited with ${code}`)));
  });
  return child;
}

type Placed = { orderNumber: string; status: string };

describe("an app process killed with kill -9 during 50 checkouts", () => {
  it("keeps every acknowledged order, leaves no orphan hold and charges no order twice", async () => {
    const port = await freePort();
    const call = async <T>(path: string, input: unknown, address: string): Promise<T> => {
      const response = await fetch(`http://127.0.0.1:${port}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-test-address": address },
        body: JSON.stringify({ json: input }),
        signal: AbortSignal.timeout(40_000),
      });
      const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
      if (!body.result) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
      return body.result.data.json;
    };
    let app = await startApp(port);
    const skus = await stockedSkus(t.db, "krakow", 10, 10);
    const shoppers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const address = `192.0.2.${i + 1}`;
        const { cartId } = await call<{ cartId: string }>("cart.create", {}, address);
        await call("cart.setQuantity", { cartId, sku: skus[i % skus.length], quantity: 1 }, address);
        return {
          address,
          request: {
            cartId,
            email: `crash-${i}@example.com`,
            name: "Crash Test",
            fulfillment: { type: "pickup", storeId: "krakow" },
            payment: { method: "card", token: "tok_ok" },
            idempotencyKey: `crash-checkout-${i}`,
          },
        };
      }),
    );

    const acknowledged = new Map<number, Placed>();
    let killed = false;
    const stream = shoppers.map(async (shopper, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 15));
      try {
        acknowledged.set(i, await call<Placed>("checkout.placeOrder", shopper.request, shopper.address));
        if (acknowledged.size >= 15 && !killed) {
          killed = true;
          app.kill("SIGKILL");
        }
      } catch {
        // Connection reset by the kill: the shopper saw no answer and will retry.
      }
    });
    await Promise.all(stream);
    expect(killed).toBe(true);
    const before = new Map(acknowledged);
    expect(before.size).toBeLessThan(50);

    app = await startApp(port);
    // The shoppers who saw no answer retry with the same key. One whose order was committed but whose
    // card answer died with the process waits (up to 10 s) and gets the order as payment pending,
    // which the reconcile sweep settles with the provider later.
    await Promise.all(
      shoppers.map(async (shopper, i) => {
        if (acknowledged.has(i)) return;
        acknowledged.set(i, await call<Placed>("checkout.placeOrder", shopper.request, shopper.address));
      }),
    );
    // An acknowledged order retried with its key answers the same order.
    for (const [i, placed] of before) {
      const again = await call<Placed>("checkout.placeOrder", shoppers[i]!.request, shoppers[i]!.address);
      expect(again.orderNumber).toBe(placed.orderNumber);
    }

    const numbers = [...acknowledged.values()].map((p) => p.orderNumber);
    expect(new Set(numbers).size).toBe(50);
    const stored = await t.sql`select number from orders where number in ${t.sql(numbers)}`;
    expect(stored).toHaveLength(50);
    const byKey = await t.sql`
      select count(*)::int as n from orders where idempotency_key like 'crash-checkout-%'`;
    expect(byKey[0]!.n).toBe(50);
    // No hold outlives its order: every open hold of these SKUs belongs to a live order or reservation.
    const orphans = await t.sql`
      select h.id from stock_holds h left join orders o on o.id = h.owner_id
      where h.released_at is null and h.kind = 'order' and h.sku in ${t.sql(skus)}
        and (o.id is null or o.status in ('cancelled', 'expired'))`;
    expect(orphans).toEqual([]);
    const charged = await t.sql`
      select o.number, count(p.id)::int as charges,
        (select count(*)::int from payment_attempts a where a.order_id = o.id
           and a.status in ('authorized', 'capture_pending', 'captured')) as live_attempts
      from orders o left join payments p on p.order_id = o.id and p.kind = 'charge'
      where o.number in ${t.sql(numbers)} group by o.id, o.number`;
    for (const row of charged) {
      expect(row.charges).toBeLessThanOrEqual(1);
      expect(row.live_attempts).toBeLessThanOrEqual(1);
    }
    const ledger = await t.sql`
      select sl.sku from stock_levels sl where sl.location_id = 'krakow' and sl.sku in ${t.sql(skus)}
        and sl.held <> (select coalesce(sum(h.quantity), 0) from stock_holds h
                        where h.location_id = sl.location_id and h.sku = sl.sku and h.released_at is null)`;
    expect(ledger).toEqual([]);
  }, 90_000);
});
