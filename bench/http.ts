import { spawn } from "node:child_process";
import path from "node:path";

import postgres from "postgres";

import { authSecret, repoRoot } from "../scripts/database";
import { benchDatabase, fmt, percentiles } from "./harness";

/**
 * Catalogue and availability reads OVER HTTP: GET /api/trpc/<procedure> against a production
 * `next start` of the shop, on the demo seed plus 100k variants × 50 extra stores (5.6M stock rows).
 * Needs a production build of the shop first (`pnpm --filter @omni/web build`). Run: `pnpm bench:http`.
 * BENCH_DATABASE_URL reuses a database that already holds the scale seed (seeding takes minutes);
 * BENCH_REQUESTS (default 500) requests per row, at concurrency 1 and 10, to 127.0.0.1 only. The shop runs without
 * its read cache; BENCH_CACHED_ROWS=1 adds the catalogue rows with the cache on (see `startShop`).
 */
const variants = Number(process.env.BENCH_VARIANTS ?? 100_000);
const locations = Number(process.env.BENCH_LOCATIONS ?? 50);
const requests = Number(process.env.BENCH_REQUESTS ?? 500);
/** BENCH_ONLY=search keeps the rows whose name contains it (e.g. only the catalogue rows). */
const only = process.env.BENCH_ONLY;
const port = Number(process.env.BENCH_PORT ?? 3650);
const base = `http://127.0.0.1:${port}`;

let url = process.env.BENCH_DATABASE_URL;
let cleanup = async () => {};
if (!url) {
  const bench = await benchDatabase({ variants, locations });
  url = bench.url;
  cleanup = bench.cleanup;
  console.log(`database: ${url}`);
}
const sql = postgres(url, { max: 1, onnotice: () => {} });
const skus = (await sql`select sku from variants where sku like 'BENCH-%' order by random() limit 500`).map(
  (r) => r.sku as string,
);
await sql.end();
if (skus.length === 0) throw new Error("This database has no scale seed (BENCH-% SKUs).");

/**
 * The shop's production server. Without its read cache (OMNI_READ_CACHE_TTL_MS=0) by default: the text queries
 * repeat a few words, which the per-process cache would answer from memory without SQL after the first call.
 * With BENCH_CACHED_ROWS=1 the catalogue rows are measured again on a second start with the cache on, beside them.
 */
function startShop(readCache: boolean) {
  return spawn("pnpm", ["exec", "next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: path.join(repoRoot, "apps", "web"),
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: authSecret(true),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      ...(readCache ? {} : { OMNI_READ_CACHE_TTL_MS: "0" }),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}
let shop = startShop(false);
const stopShop = () => {
  try {
    if (shop.pid) process.kill(-shop.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
};
async function shopReady() {
  const deadline = Date.now() + 120_000;
  while (
    (await fetch(`${base}/api/trpc/stores.list`)
      .then((r) => r.ok)
      .catch(() => false)) === false
  ) {
    if (Date.now() > deadline)
      throw new Error("The shop did not start (is there a production build? `pnpm --filter @omni/web build`)");
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function get(procedure: string, input: unknown) {
  const response = await fetch(
    `${base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  const body = await response.text();
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${body.slice(0, 200)}`);
}

/** `requests` calls with `concurrency` in flight, after a warm-up; latency percentiles in ms. */
async function measure(concurrency: number, call: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await call(i);
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const start = performance.now();
        await call(i);
        samples.push(performance.now() - start);
      }
    }),
  );
  return { ...percentiles(samples), perSecond: (requests / (performance.now() - started)) * 1000 };
}

const rows: [string, number, Awaited<ReturnType<typeof measure>>][] = [];
try {
  await shopReady();
  const words = ["linen", "wool", "item 42", "denim"];
  // Polish, folded letters, a typo, a prefix and an exact SKU: the queries the search must forgive.
  const forgiving = ["koszula lniana", "welniana kurtka", "kurtla", "jeansow", "zolta kurtka", skus[0]!];
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ["inventory.availability (56 locations)", (i) => get("inventory.availability", { sku: skus[i % skus.length] })],
    ["catalog.search (first page)", () => get("catalog.search", { limit: 20 })],
    ["catalog.search (text query)", (i) => get("catalog.search", { query: words[i % words.length], limit: 20 })],
    [
      "catalog.search (Polish, typo, prefix, SKU)",
      (i) => get("catalog.search", { query: forgiving[i % forgiving.length], limit: 20, locale: "pl" }),
    ],
    ["catalog.suggest (while typing)", (i) => get("catalog.suggest", { query: ["ko", "kosz", "kurt", "jea"][i % 4] })],
    [
      "catalog.facets (text query, store)",
      (i) => get("catalog.facets", { query: words[i % words.length], storeId: "krakow" }),
    ],
    [
      "catalog.search (category, available in store)",
      () => get("catalog.search", { category: "jeans", availableIn: "krakow", limit: 20 }),
    ],
  ];
  const selected = cases.filter(([name]) => !only || name.includes(only));
  const measureAll = async (list: typeof cases, label: string) => {
    for (const [name, call] of list)
      for (const concurrency of [1, 10]) {
        rows.push([`${name}${label}`, concurrency, await measure(concurrency, call)]);
        const r = rows.at(-1)![2];
        console.log(`${name}${label} c=${concurrency}: p50 ${fmt(r.p50)}, p95 ${fmt(r.p95)}, p99 ${fmt(r.p99)}`);
      }
  };
  await measureAll(selected, "");
  const cacheable = selected.filter(([name]) => name.startsWith("catalog."));
  if (process.env.BENCH_CACHED_ROWS === "1" && cacheable.length) {
    stopShop();
    await new Promise((r) => setTimeout(r, 2000));
    shop = startShop(true);
    await shopReady();
    await measureAll(cacheable, " [read cache on]");
  }
} finally {
  stopShop();
  await cleanup();
}

console.log(
  `\n| GET /api/trpc/… (${variants.toLocaleString("en")} variants × ${locations + 6} locations, ${requests} requests) | concurrency | p50 | p95 | p99 | req/s |\n|---|---|---|---|---|---|`,
);
for (const [name, concurrency, r] of rows)
  console.log(
    `| ${name} | ${concurrency} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.perSecond.toFixed(0)} |`,
  );
process.exit(0);
