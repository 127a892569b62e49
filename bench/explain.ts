import fs from "node:fs";

import { createDb } from "@omni/db";
import { catalogFacets, searchCatalog } from "@omni/domain/catalog";
import { availabilityPlaces, getAvailability } from "@omni/domain/inventory";

/**
 * `pnpm bench:explain`: the plans of the statements that the catalogue and availability reads run, as PostgreSQL
 * executed them (auto_explain with ANALYZE and BUFFERS, on one connection, each call run twice and the second
 * plan kept, so the figures are of warm caches and a prepared statement). Point BENCH_DATABASE_URL at the scale
 * seed; needs a superuser (LOAD). EXPLAIN_LOG is the server's log file, where auto_explain writes; the plans of
 * this run are printed from it. EXPLAIN_ONLY=<substring> keeps the calls whose name contains it.
 */
const url = process.env.BENCH_DATABASE_URL;
const log = process.env.EXPLAIN_LOG;
if (!url || !log) throw new Error("Set BENCH_DATABASE_URL and EXPLAIN_LOG (the PostgreSQL server's log file).");
const { db, sql, close } = createDb(url, { max: 1 });
await sql`load 'auto_explain'`;
await sql`set auto_explain.log_analyze = on`;
await sql`set auto_explain.log_buffers = on`;
await sql`set auto_explain.log_timing = on`;
await sql`set auto_explain.log_nested_statements = on`;
const [row] = await sql`select sku from variants where sku like 'BENCH-%' order by sku offset 5000 limit 1`;
const sku = (row?.sku as string | undefined) ?? "";
// The apps keep the stores and promise settings in their read cache: a call reads only the stock.
const places = await availabilityPlaces(db);

const calls: [string, () => Promise<unknown>][] = [
  ["availability (one SKU, every location)", () => getAvailability(db, { sku }, places)],
  ["search: first page", () => searchCatalog(db, { limit: 20 })],
  ["search: text 'linen'", () => searchCatalog(db, { query: "linen", limit: 20 })],
  ["search: text 'item 42'", () => searchCatalog(db, { query: "item 42", limit: 20 })],
  ["search: typo 'kurtla'", () => searchCatalog(db, { query: "kurtla", limit: 20, locale: "pl" })],
  ["facets: text 'linen', store krakow", () => catalogFacets(db, { query: "linen", storeId: "krakow" })],
  ["facets: category jeans, store krakow", () => catalogFacets(db, { category: "jeans", storeId: "krakow" })],
];
const only = process.env.EXPLAIN_ONLY;
for (const [name, call] of calls.filter(([name]) => !only || name.includes(only))) {
  await sql`set auto_explain.log_min_duration = -1`;
  await call(); // first run: plans and caches
  await sql`set auto_explain.log_min_duration = 0`;
  const from = fs.statSync(log).size;
  const started = performance.now();
  await call();
  const ms = performance.now() - started;
  await sql`set auto_explain.log_min_duration = -1`;
  await new Promise((r) => setTimeout(r, 200)); // the server's logger flushes
  const text = fs.readFileSync(log, "utf8").slice(from);
  process.stdout.write(`\n===== ${name}: ${ms.toFixed(1)} ms in-process =====\n${text}`);
}
await close();
process.exit(0);
