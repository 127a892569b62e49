import fs from "node:fs";

import { setStock } from "@omni/api/checkout-fixtures";
import { callerFor } from "@omni/api/testing";
import { createDb } from "@omni/db";

import { benchCheckout, benchDatabase, percentiles } from "./harness";

/**
 * `OMNI_BENCH_CHECKOUT_LIMIT=1000000 pnpm exec tsx bench/statements.ts` (the limit: many checkouts from one caller): what each step of the peer benchmark's checkout costs through the same
 * procedures the shop's /api/trpc calls (without HTTP and Next): SQL statements per call, and over ROUNDS calls
 * (default 200, one after another) the milliseconds of CPU per call in this process and in PostgreSQL (all of the
 * cluster's processes, from /proc) and the wall time's p50. CPU time moves far less than throughput when the
 * machine is shared, so before/after comparisons of a change can be made on a busy machine. `STATEMENTS_LOG=1`
 * prints each statement of one call; STATEMENTS_TOP=<n> sets how many of the flow's costliest statements
 * (pg_stat_statements) are listed at the end.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 200);
const { handle, url, cleanup } = await benchDatabase(undefined, {
  settings: {
    shared_preload_libraries: "pg_stat_statements",
    "pg_stat_statements.track": "all",
    "pg_stat_statements.track_planning": "on",
  },
});
await handle.sql`create extension if not exists pg_stat_statements`;
let log: string[] = [];
const counting = createDb(url);
// postgres.js reads `debug` from its options on every query: a handle of its own, counted.
(counting.sql.options as unknown as { debug?: (connection: number, query: string) => void }).debug = (
  _connection,
  query,
) => log.push(query.replace(/\s+/g, " ").slice(0, 160));
const db = counting.db;
const skuRows = await handle.sql`select v.sku from variants v join products p on p.id = v.product_id
  where v.active and p.active and v.price_minor > 0 order by v.sku limit 20`;
const skus = skuRows.map((r) => r.sku as string);
for (const sku of skus) await setStock(handle.db, "online", sku, 1_000_000);
const api = await callerFor(db, "anonymous", "web");

const [{ pid }] = await counting.sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
const postmaster = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
const ticks = 100; // USER_HZ on Linux
/** CPU milliseconds used so far by the cluster: the postmaster and every process it started. */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(entry) === postmaster || Number(fields[1]) === postmaster)
        total += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

const placeOrder = (cartId: string) => api.checkout.placeOrder(benchCheckout(cartId, `statements-${cartId}`));

// Statements of one call of each step (the second flow: the first one pays for type look-ups and LISTEN).
for (let round = 0; round < 2; round++) {
  const counted: string[] = [];
  const count = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    log = [];
    const result = await fn();
    counted.push(`${name}: ${log.length} statements`);
    if (round && process.env.STATEMENTS_LOG) counted.push(...log.map((q) => `   ${q}`));
    return result;
  };
  const { cartId } = await count("cart.create", () => api.cart.create({}));
  await count("cart.setQuantity (new line)", () => api.cart.setQuantity({ cartId, sku: skus[round]!, quantity: 1 }));
  await count("cart.setQuantity (more)", () => api.cart.setQuantity({ cartId, sku: skus[round]!, quantity: 2 }));
  await count("checkout.options", () => api.checkout.options({ cartId }));
  await count("checkout.placeOrder", () => placeOrder(cartId));
  if (round) console.log(counted.join("\n"));
}

async function cost(name: string, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn(i);
  const wall: number[] = [];
  const node = process.cpuUsage();
  const pg = postgresCpuMs();
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await fn(i);
    wall.push(performance.now() - started);
  }
  const used = process.cpuUsage(node);
  console.log(
    `${name}: node CPU ${((used.user + used.system) / 1000 / ROUNDS).toFixed(2)} ms, PostgreSQL CPU ${((postgresCpuMs() - pg) / ROUNDS).toFixed(2)} ms, wall p50 ${percentiles(wall).p50.toFixed(2)} ms per call`,
  );
}
log = [];
(counting.sql.options as unknown as { debug?: unknown }).debug = undefined;
await cost("cart.create", () => api.cart.create({}));
const { cartId } = await api.cart.create({});
await cost("cart.setQuantity", (i) => api.cart.setQuantity({ cartId, sku: skus[3]!, quantity: (i % 999) + 1 }));
await handle.sql`select pg_stat_statements_reset()`;
await cost("checkout flow", async (i) => {
  const { cartId } = await api.cart.create({});
  await api.cart.setQuantity({ cartId, sku: skus[i % skus.length]!, quantity: 1 });
  await api.checkout.options({ cartId });
  await placeOrder(cartId);
});
// Where PostgreSQL's time in the flow went (statements inside functions and triggers included).
const top = await handle.sql<
  { calls: string; total: number; mean: number; plans: string; plan: number; query: string }[]
>`
  select calls::text, total_exec_time as total, mean_exec_time as mean, plans::text, total_plan_time as plan, query
  from pg_stat_statements
  where query not ilike '%pg_stat_statements%' order by total_exec_time + total_plan_time desc limit ${Number(process.env.STATEMENTS_TOP ?? 12)}`;
console.log(
  `\nPostgreSQL's time over the flow's ${ROUNDS} rounds, per flow: executing | planning (plans per call) | calls, statement`,
);
for (const s of top)
  console.log(
    `${(s.total / ROUNDS).toFixed(3).padStart(7)} ms | ${(s.plan / ROUNDS).toFixed(3).padStart(6)} ms (${(Number(s.plans) / Number(s.calls)).toFixed(2)}) | ${(Number(s.calls) / ROUNDS).toFixed(1).padStart(4)}× ${s.query.replace(/\s+/g, " ").slice(0, 100)}`,
  );
const [sum] = await handle.sql<{ exec: number; plan: number }[]>`
  select sum(total_exec_time) as exec, sum(total_plan_time) as plan from pg_stat_statements
  where query not ilike '%pg_stat_statements%'`;
console.log(
  `all statements, per flow: executing ${(sum!.exec / ROUNDS).toFixed(2)} ms, planning ${(sum!.plan / ROUNDS).toFixed(2)} ms`,
);
await counting.close();
await cleanup();
process.exit(0);
