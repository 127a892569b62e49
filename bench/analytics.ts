import { callerFor } from "@omni/api/testing";
import { createDb, runMigrations } from "@omni/db";
import { calendarDay, computeKpis, recomputeForecasts, refreshAnalytics } from "@omni/domain/analytics";

import { benchDatabase, fmt, measure } from "./harness";

/**
 * `pnpm bench:analytics`: `analytics.kpis` for the whole chain over 90 days (and for one store), called as an
 * admin through the router, on the scale seed: 100,000 variants × 56 locations and a year of orders.
 * BENCH_DATABASE_URL reuses a database that already holds the scale seed (`pnpm db:seed --scale` prints its
 * URL's port); otherwise a throwaway one is seeded first (minutes). BENCH_REQUESTS (200), BENCH_ORDERS_PER_DAY (1000).
 */
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
let url = process.env.BENCH_DATABASE_URL;
let cleanup = async () => {};
if (!url) {
  const bench = await benchDatabase({
    variants: Number(process.env.BENCH_VARIANTS ?? 100_000),
    locations: Number(process.env.BENCH_LOCATIONS ?? 50),
    ordersPerDay: Number(process.env.BENCH_ORDERS_PER_DAY ?? 1000),
  });
  url = bench.url;
  await bench.handle.close();
  cleanup = bench.cleanup;
} else {
  await runMigrations(url);
}
const handle = createDb(url, { max: 10 });
type Size = { orders: number; lines: number; variants: number; locations: number; stock: number; first: Date };
const [size] = await handle.sql<Size[]>`
  select (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as lines,
         (select count(*) from variants)::int as variants, (select count(*) from locations)::int as locations,
         (select count(*) from stock_levels)::int as stock, (select min(created_at) from orders) as first`;
console.log(
  `data: ${size!.orders.toLocaleString("en")} orders, ${size!.lines.toLocaleString("en")} lines since ${new Date(size!.first).toISOString().slice(0, 10)}, ` +
    `${size!.variants.toLocaleString("en")} variants × ${size!.locations} locations (${size!.stock.toLocaleString("en")} stock rows)`,
);

let started = performance.now();
await refreshAnalytics(handle.db, { full: true });
console.log(`worker: full rebuild of the aggregates ${fmt(performance.now() - started)}`);
started = performance.now();
await refreshAnalytics(handle.db);
console.log(`worker: incremental refresh (nothing new) ${fmt(performance.now() - started)}`);
started = performance.now();
const forecasts = await recomputeForecasts(handle.db, new Date(), { force: true });
console.log(`worker: nightly forecast of ${forecasts.toLocaleString("en")} series ${fmt(performance.now() - started)}`);
await handle.sql`analyze`;

const admin = await callerFor(handle.db, { email: "admin@example.com" }, "admin");
const to = calendarDay(new Date());
const from = calendarDay(new Date(Date.now() - 89 * 86_400_000));
const rows: string[] = [];
const run = async (label: string, fn: () => Promise<unknown>) => {
  const p = await measure(requests, fn);
  rows.push(`| ${label} | ${fmt(p.p50)} | ${fmt(p.p95)} | ${fmt(p.p99)} | ${p.n} |`);
  console.log(`${label}: p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}  p99 ${fmt(p.p99)}  (n=${p.n})`);
};
const sample = await admin.analytics.kpis({ from, to });
console.log(
  `chain, 90 days: ${sample.totals.orders.toLocaleString("en")} orders, ${sample.byStore.length} locations compared`,
);
await run("`analytics.kpis` chain, 90 days", () => admin.analytics.kpis({ from, to }));
// Without the answer cache: what the first view after each refresh of the aggregates costs.
await run("aggregates read (no cache) chain, 90 days", () => computeKpis(handle.db, { from, to, days: 90 }));
await run("aggregates read (no cache) one store, 90 days", () =>
  computeKpis(handle.db, { storeId: "bench-7", from, to, days: 90 }),
);
await run("`analytics.kpis` one store, 90 days", () => admin.analytics.kpis({ storeId: "bench-7", from, to }));
await run("`analytics.kpis` chain, 365 days", () =>
  admin.analytics.kpis({ from: calendarDay(new Date(Date.now() - 364 * 86_400_000)), to }),
);
await run("`analytics.forecast` one store, 50 rows", () => admin.analytics.forecast({ storeId: "bench-7", limit: 50 }));
console.log(["| call | p50 | p95 | p99 | n |", "|---|---|---|---|---|", ...rows].join("\n"));
await handle.close();
await cleanup();
process.exit(0);
