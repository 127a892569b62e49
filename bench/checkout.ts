import { cartWith, setStock, stockedSkus } from "@omni/api/checkout-fixtures";
import { callerFor } from "@omni/api/testing";

import { benchDatabase, fmt, percentiles } from "./harness";

/**
 * Checkout throughput through the real router (in-process) on the demo seed, with 50 database
 * connections: (1) orders spread over many SKUs, (2) everyone racing for one hot SKU.
 * Run: `pnpm bench:checkout`.
 */
const { handle, cleanup } = await benchDatabase();
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const total = Number(process.env.BENCH_ORDERS ?? 400);

async function run(label: string, skuFor: (i: number) => string) {
  const carts: string[] = [];
  for (let i = 0; i < total; i++) {
    const api = await callerFor(handle.db, "anonymous", "web", `10.1.${i >> 8}.${i & 255}`);
    carts.push(await cartWith(api, [{ sku: skuFor(i), quantity: 1 }]));
  }
  const latencies: number[] = [];
  let ok = 0;
  let conflicts = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const api = await callerFor(handle.db, "anonymous", "web", `10.2.${i >> 8}.${i & 255}`);
        const t0 = performance.now();
        try {
          await api.checkout.placeOrder({
            cartId: carts[i]!,
            email: `bench${i}@example.com`,
            name: "Bench",
            idempotencyKey: `bench-${label}-${i}`,
            fulfillment: { type: "pickup", storeId: "krakow" },
            payment: { method: "card", token: "tok_ok" },
          });
          ok++;
        } catch (error) {
          if ((error as { code?: string }).code === "CONFLICT") {
            conflicts++;
            messages.set((error as Error).message, (messages.get((error as Error).message) ?? 0) + 1);
          } else throw error;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const p = percentiles(latencies);
  return `| ${label} | ${total} | ${ok} | ${conflicts} | ${(total / seconds).toFixed(0)}/s | ${fmt(p.p50)} | ${fmt(p.p95)} |`;
}

const messages = new Map<string, number>();
const [hot, ...skus] = await stockedSkus(handle.db, "krakow", 201, 1);
for (const sku of skus) await setStock(handle.db, "krakow", sku, 1000);
const rows = [await run("spread over 200 SKUs", (i) => skus[i % skus.length]!)];
await setStock(handle.db, "krakow", hot!, 50);
rows.push(await run("one hot SKU with 50 units", () => hot!));

console.log(
  `\n| checkout.placeOrder, ${concurrency} concurrent | orders tried | placed | CONFLICT | throughput | p50 | p95 |\n|---|---|---|---|---|---|---|`,
);
for (const row of rows) console.log(row);
console.log("\nCONFLICT messages:", Object.fromEntries(messages));
await cleanup();
process.exit(0);
