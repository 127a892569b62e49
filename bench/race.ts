import { setStock, stockedSkus } from "@omni/api/checkout-fixtures";

import { benchDatabase, startApiProcesses, trpc } from "./harness";

/**
 * The race for the last units, over HTTP, across two app processes: BENCH_RACERS (1,000) shoppers, each from its
 * own address with its own cart holding one unit of a SKU of which only BENCH_UNITS (10) exist (all in Warszawa),
 * check out at the same moment, alternately through each process. Exactly BENCH_UNITS orders must be placed, every
 * other shopper must get CONFLICT, and nothing else (no deadlock, no 500) may reach a shopper.
 * Run: `pnpm bench:race` (a throwaway embedded database with the demo seed).
 */
const racers = Number(process.env.BENCH_RACERS ?? 1000);
const units = Number(process.env.BENCH_UNITS ?? 10);

const { handle, url, cleanup } = await benchDatabase();
const apps = await startApiProcesses(url, 2);
let failed = false;
try {
  const [sku] = await stockedSkus(handle.db, "warszawa", 1, 1);
  // Only Warszawa has it: otherwise a shopper could be served from another location (ship-to-store).
  for (const location of ["krakow", "gdansk", "wroclaw", "poznan", "online"])
    await setStock(handle.db, location, sku!, 0);
  await setStock(handle.db, "warszawa", sku!, units);

  const address = (i: number) => `10.${30 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
  const baseOf = (i: number) => apps.bases[i % apps.bases.length]!;
  const carts: string[] = [];
  // Carts are filled 20 at a time (this is set-up, not the race).
  for (let from = 0; from < racers; from += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, racers - from) }, async (_, k) => {
        const i = from + k;
        const created = await trpc<{ cartId: string }>(baseOf(i), "cart.create", {}, { address: address(i) });
        if (!created.ok) throw new Error(`cart.create: ${created.code} ${created.message}`);
        const line = await trpc(
          baseOf(i),
          "cart.setQuantity",
          { cartId: created.data.cartId, sku, quantity: 1 },
          {
            address: address(i),
          },
        );
        if (!line.ok) throw new Error(`cart.setQuantity: ${line.code} ${line.message}`);
        return created.data.cartId;
      }),
    );
    carts.push(...batch);
  }

  const started = performance.now();
  const results = await Promise.all(
    carts.map((cartId, i) =>
      trpc<{ orderNumber: string }>(
        baseOf(i),
        "checkout.placeOrder",
        {
          cartId,
          email: `racer${i}@example.com`,
          name: `Racer ${i}`,
          fulfillment: { type: "pickup", storeId: "warszawa" },
          payment: { method: "card", token: "tok_ok" },
          idempotencyKey: `race-${cartId}`,
        },
        { address: address(i) },
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const placed = results.filter((r) => r.ok).length;
  const byCode = new Map<string, number>();
  for (const r of results) if (!r.ok) byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
  const deadlocks = results.filter((r) => !r.ok && /deadlock/i.test(r.message)).length;
  const [db] = await handle.sql`
    select (select count(distinct o.id)::int from orders o join order_lines l on l.order_id = o.id
            where l.sku = ${sku!} and o.email like 'racer%@example.com') as orders,
           (select held from stock_levels where location_id = 'warszawa' and sku = ${sku!}) as held,
           (select on_hand from stock_levels where location_id = 'warszawa' and sku = ${sku!}) as on_hand`;
  const conflicts = byCode.get("CONFLICT") ?? 0;
  console.log(
    `${racers} shoppers, ${units} units, 2 app processes: ${placed} placed, ${conflicts} CONFLICT, ` +
      `other answers ${JSON.stringify(Object.fromEntries([...byCode].filter(([code]) => code !== "CONFLICT")))}, ` +
      `deadlocks surfaced ${deadlocks}; database: ${db!.orders} orders, held ${db!.held} of ${db!.on_hand}; ` +
      `race took ${seconds.toFixed(1)} s`,
  );
  failed =
    placed !== units || conflicts !== racers - units || deadlocks > 0 || db!.orders !== units || db!.held !== units;
  if (failed) console.error("RACE FAILED");
} finally {
  apps.stop();
  await cleanup();
}
process.exit(failed ? 1 : 0);
