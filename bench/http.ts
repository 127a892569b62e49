import fs from "node:fs";
import path from "node:path";

import postgres from "postgres";

import { startRoundRobinProxy } from "../scripts/round-robin-proxy";
import { benchDatabase, fmt, percentiles, spawnShop } from "./harness";

/**
 * Catalogue and availability reads OVER HTTP: GET /api/trpc/<procedure> against a production
 * `next start` of the shop, on the demo seed plus 100k variants × 50 extra stores (5.6M stock rows).
 * Needs a production build of the shop first (`pnpm --filter @omni/web build`). Run: `pnpm bench:http`.
 * BENCH_DATABASE_URL reuses a database that already holds the scale seed (seeding takes minutes);
 * BENCH_REQUESTS (default 500) requests per row, at concurrency 1 and 10, to 127.0.0.1 only. The shop runs without
 * its read cache; BENCH_CACHED_ROWS=1 adds the catalogue rows with the cache on (see `startShop`).
 * BENCH_PROCESSES (default 1) shop processes, behind the round-robin proxy of scripts/round-robin-proxy.ts when more
 * than one (production runs two per app on two cores); BENCH_CPU_PROF=<folder> writes each shop process's CPU profile
 * there when it stops (`node --cpu-prof`).
 */
const variants = Number(process.env.BENCH_VARIANTS ?? 100_000);
const locations = Number(process.env.BENCH_LOCATIONS ?? 50);
const requests = Number(process.env.BENCH_REQUESTS ?? 500);
const warmup = Number(process.env.BENCH_WARMUP ?? 300);
/** BENCH_ONLY=search keeps the rows whose name contains it (e.g. only the catalogue rows). */
const only = process.env.BENCH_ONLY;
const port = Number(process.env.BENCH_PORT ?? 3650);
const base = `http://127.0.0.1:${port}`;
const processes = Number(process.env.BENCH_PROCESSES ?? 1);
const cpuProfiles = process.env.BENCH_CPU_PROF;

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
 * The shop's production server (the apps' start script, tooling/next-config/serve.mjs), one process or `processes`
 * behind the round-robin proxy on `port`. The catalogue rows run without its read cache (OMNI_READ_CACHE_TTL_MS=0):
 * the text queries repeat a few words, which the per-process cache would answer from memory without SQL after the
 * first call. With BENCH_CACHED_ROWS=1 they are measured again on a second start with the cache on, beside them.
 * Availability is measured on that second start, as it runs in production: its answer is never cached, but the
 * stores' hours and the promise settings it needs are kept by the read cache (see `cachedAvailabilityPlaces`).
 */
function startShop(readCache: boolean) {
  const ports = processes > 1 ? Array.from({ length: processes }, (_, i) => port + 1 + i) : [port];
  const children = ports.map((p) =>
    spawnShop(
      url!,
      p,
      readCache ? {} : { OMNI_READ_CACHE_TTL_MS: "0" },
      cpuProfiles ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfiles)}`] : [],
    ),
  );
  const proxy =
    processes > 1
      ? startRoundRobinProxy(
          ports.map((p) => `http://127.0.0.1:${p}`),
          port,
        )
      : null;
  return { children, proxy };
}
const words = ["linen", "wool", "item 42", "denim"];
// Polish, folded letters, a typo, a prefix and an exact SKU: the queries the search must forgive.
const forgiving = ["koszula lniana", "welniana kurtka", "kurtla", "jeansow", "zolta kurtka", skus[0]!];
const cases: [string, (i: number) => Promise<unknown>][] = [
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
const availability: (typeof cases)[number] = [
  "inventory.availability (56 locations)",
  (i) => get("inventory.availability", { sku: skus[i % skus.length] }),
];
const selected = cases.filter(([name]) => !only || name.includes(only));
const cachedRows = [
  ...(!only || availability[0].includes(only) ? [availability] : []),
  ...(process.env.BENCH_CACHED_ROWS === "1" ? selected : []),
];
let shop = startShop(selected.length === 0);
/** Stops the shop processes and waits for them to exit (a CPU profile is written on the way out). */
const stopShop = async () => {
  await shop.proxy?.close();
  await Promise.all(
    shop.children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || !child.pid) return resolve();
          child.once("exit", () => resolve());
          try {
            process.kill(-child.pid, "SIGTERM");
          } catch {
            resolve();
          }
        }),
    ),
  );
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

/**
 * CPU time (user + system, ms) the shop processes have used so far, from /proc (Linux; NaN elsewhere): CPU per request
 * is steadier than latency on a shared machine, where the other engineers' work stretches every wait.
 */
function shopCpuMs(): number {
  let ticks = 0;
  for (const child of shop.children) {
    try {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return NaN;
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Runs `count` calls with `concurrency` in flight; each call's milliseconds. */
async function run(count: number, concurrency: number, call: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const start = performance.now();
        await call(i);
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples;
}

/**
 * `requests` calls with `concurrency` in flight, after BENCH_WARMUP (default 300) untimed calls the same way, as the
 * peer benchmark warms up for 10 s: a process that just started runs its code unoptimised for its first few hundred
 * calls. Latency percentiles in ms, shop CPU per call.
 */
async function measure(concurrency: number, call: (i: number) => Promise<unknown>) {
  await run(warmup, concurrency, call);
  const cpuBefore = shopCpuMs();
  const started = performance.now();
  const samples = await run(requests, concurrency, call);
  return {
    ...percentiles(samples),
    perSecond: (requests / (performance.now() - started)) * 1000,
    cpuPerCall: (shopCpuMs() - cpuBefore) / requests,
  };
}

const rows: [string, number, Awaited<ReturnType<typeof measure>>][] = [];
const measureAll = async (list: typeof cases, label: (name: string) => string) => {
  for (const [name, call] of list)
    for (const concurrency of [1, 10]) {
      rows.push([label(name), concurrency, await measure(concurrency, call)]);
      const r = rows.at(-1)![2];
      console.log(
        `${label(name)} c=${concurrency}: p50 ${fmt(r.p50)}, p95 ${fmt(r.p95)}, p99 ${fmt(r.p99)}, shop CPU ${fmt(r.cpuPerCall)} per call`,
      );
    }
};
try {
  await shopReady();
  if (selected.length) {
    await measureAll(selected, (name) => name);
    if (cachedRows.length) {
      await stopShop();
      shop = startShop(true);
      await shopReady();
    }
  }
  await measureAll(cachedRows, (name) => (name.startsWith("catalog.") ? `${name} [read cache on]` : name));
} finally {
  await stopShop();
  await cleanup();
}

console.log(
  `\n| GET /api/trpc/… (${variants.toLocaleString("en")} variants × ${locations + 6} locations, ${requests} requests, ${processes} shop process${processes > 1 ? "es" : ""}) | concurrency | p50 | p95 | p99 | req/s | shop CPU per call |\n|---|---|---|---|---|---|---|`,
);
for (const [name, concurrency, r] of rows)
  console.log(
    `| ${name} | ${concurrency} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.perSecond.toFixed(0)} | ${fmt(r.cpuPerCall)} |`,
  );
process.exit(0);
