import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { setStock } from "@omni/api/checkout-fixtures";
import { createDb } from "@omni/db";

import { authSecret, repoRoot } from "../scripts/database";
import { startRoundRobinProxy } from "../scripts/round-robin-proxy";
import { benchDatabase, fmt, percentiles } from "./harness";

/**
 * `pnpm bench:soak`: mixed shop traffic for SOAK_MINUTES (default 10) at SOAK_LOAD (default 0.7) of the measured
 * maximum, against SOAK_PROCESSES (default 2) production shop processes (the apps' serve script) behind the
 * round-robin proxy of scripts/round-robin-proxy.ts. The mix, per operation: product list (first page or a
 * category) 30 %, one product 25 %, availability of a SKU 20 %, create a cart and add a unit 23 %, a whole checkout
 * (create, add, options, place the order) 2 %.
 * 1. Maximum: SOAK_CONCURRENCY (default 20) closed-loop workers for SOAK_MAX_SECONDS (default 30) after a warm-up
 *    of the same length; operations per second completed is the maximum.
 * 2. Soak: after SOAK_WARMUP_SECONDS (default 60) at the soak's rate, not counted, operations started at a fixed rate (open loop: a slow answer does not slow the arrivals), latency per
 *    HTTP request by minute of its start, the resident memory (VmRSS) of every shop process at the end of each minute.
 * Verdict: the median p99 of the last third of the minutes within 1.5× of the first third's, and no shop process's
 * median RSS grew by 20 % or more from the first third to the last.
 * BENCH_DATABASE_URL reuses a migrated, seeded database (e.g. the scale seed); without it a throwaway durable
 * embedded PostgreSQL with the demo seed is made. Needs a production build of the shop (`pnpm --filter @omni/web build`).
 * The shop processes get OMNI_BENCH_CHECKOUT_LIMIT (benchmarks only): every checkout comes from one address.
 */
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const LOAD = Number(process.env.SOAK_LOAD ?? 0.7);
const PROCESSES = Number(process.env.SOAK_PROCESSES ?? 2);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 20);
const MAX_SECONDS = Number(process.env.SOAK_MAX_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 60);
/** Arrivals beyond this many operations in flight are counted as shed, not sent: the run must not snowball. */
const MAX_IN_FLIGHT = Number(process.env.SOAK_MAX_IN_FLIGHT ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3970);
const BASE = `http://127.0.0.1:${PORT}`;

let url = process.env.BENCH_DATABASE_URL;
let cleanup = async () => {};
if (!url) {
  const bench = await benchDatabase(undefined, { durable: true });
  url = bench.url;
  cleanup = bench.cleanup;
}

// What the traffic reads and buys: the listing's products, their SKUs, categories; plenty of stock in the
// warehouse for the SKUs that are bought, so no checkout is refused for stock.
const setup = createDb(url, { max: 2 });
const slugs = (
  await setup.sql`select slug from products where active and has_active_variant order by featured desc, slug limit 200`
).map((r) => r.slug as string);
const skus = (
  await setup.sql`select v.sku from variants v join products p on p.id = v.product_id
    where v.active and p.active and v.price_minor > 0 order by v.sku limit 200`
).map((r) => r.sku as string);
const categories = (await setup.sql`select slug from categories order by slug`).map((r) => r.slug as string);
for (const sku of skus.slice(0, 50)) await setStock(setup.db, "online", sku, 1_000_000);
await setup.close();

const children: ChildProcess[] = [];
for (let i = 1; i <= PROCESSES; i++)
  children.push(
    spawn(
      process.execPath,
      ["../../tooling/next-config/serve.mjs", "--port", String(PORT + i), "--hostname", "127.0.0.1"],
      {
        cwd: path.join(repoRoot, "apps", "web"),
        env: {
          ...process.env,
          DATABASE_URL: url,
          AUTH_SECRET: authSecret(true),
          AUTH_TRUST_HOST: "true",
          NEXT_TELEMETRY_DISABLED: "1",
          NODE_ENV: "production",
          OMNI_BENCH_CHECKOUT_LIMIT: "1000000",
        },
        stdio: ["ignore", "ignore", "inherit"],
        detached: true,
      },
    ),
  );
const proxy = startRoundRobinProxy(
  children.map((_, i) => `http://127.0.0.1:${PORT + i + 1}`),
  PORT,
);
const stopAll = async () => {
  for (const child of children)
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  await proxy.close();
  await cleanup();
};

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

// ---- the operations ---------------------------------------------------------------------------------------------
type Sample = { at: number; ms: number; ok: boolean };
let samples: Sample[] = [];
const pick = <T>(list: T[]) => list[(Math.random() * list.length) | 0]!;
const trpcGet = (p: string, input: unknown) =>
  `${BASE}/api/trpc/${p}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** One HTTP request, timed; its answer's `json` field on success. */
async function call<T>(url: string, body?: unknown): Promise<T | undefined> {
  const started = performance.now();
  let ok = false;
  let data: T | undefined;
  try {
    const response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify({ json: body }),
    });
    const text = await response.text();
    ok = response.ok;
    if (ok) data = (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
  } catch {
    ok = false;
  }
  samples.push({ at: Date.now(), ms: performance.now() - started, ok });
  return data;
}
const post = <T>(p: string, input: unknown) => call<T>(`${BASE}/api/trpc/${p}`, input);

async function cartWithUnit() {
  const cart = await post<{ cartId: string }>("cart.create", {});
  if (cart) await post("cart.setQuantity", { cartId: cart.cartId, sku: pick(skus.slice(0, 50)), quantity: 1 });
  return cart?.cartId;
}
let checkouts = 0;
async function checkout() {
  const cartId = await cartWithUnit();
  if (!cartId) return;
  await call(trpcGet("checkout.options", { cartId }));
  const order = await post<{ orderNumber?: string }>("checkout.placeOrder", {
    cartId,
    email: "soak@example.com",
    name: "Jan Kowalski",
    phone: "+48500000000",
    fulfillment: {
      type: "delivery",
      address: { line1: "ul. Testowa 1", city: "Warszawa", postalCode: "00-001", country: "PL" },
    },
    payment: { method: "card", token: "tok_ok" },
    idempotencyKey: `soak-${cartId}`,
  });
  if (order?.orderNumber) checkouts++;
}
const mix: [number, () => Promise<unknown>][] = [
  [0.15, () => call(trpcGet("catalog.search", { limit: 20 }))],
  [0.15, () => call(trpcGet("catalog.search", { category: pick(categories), limit: 20 }))],
  [0.25, () => call(trpcGet("catalog.product", { slug: pick(slugs) }))],
  [0.2, () => call(trpcGet("inventory.availability", { sku: pick(skus) }))],
  [0.23, cartWithUnit],
  [0.02, checkout],
];
function operation() {
  let r = Math.random();
  for (const [weight, op] of mix) if ((r -= weight) < 0) return op();
  return mix[0]![1]();
}

// ---- the run ----------------------------------------------------------------------------------------------------
try {
  const deadline = Date.now() + 120_000;
  for (let i = 1; i <= PROCESSES; i++)
    while (
      !(await fetch(`http://127.0.0.1:${PORT + i}/api/trpc/stores.list`)
        .then((r) => r.ok)
        .catch(() => false))
    ) {
      if (Date.now() > deadline) throw new Error("The shop did not start (`pnpm --filter @omni/web build` first?)");
      await new Promise((r) => setTimeout(r, 500));
    }

  /** Operations started at `rate` per second for `ms` (open loop: a slow answer does not delay the next start). */
  const fixedRate = async (ms: number, onTick?: (elapsed: number) => void) => {
    const started = Date.now();
    let launched = 0;
    while (Date.now() - started < ms) {
      const elapsed = Date.now() - started;
      const due = Math.floor((elapsed / 1000) * rate) - launched;
      for (let i = 0; i < due; i++) {
        launched++;
        if (inFlight >= MAX_IN_FLIGHT) {
          shed++;
          continue;
        }
        inFlight++;
        void operation().finally(() => inFlight--);
      }
      onTick?.(elapsed);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  let inFlight = 0;
  let shed = 0;
  let rate = 0;
  const closedLoop = async (seconds: number) => {
    let operations = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < until) {
          await operation();
          operations++;
        }
      }),
    );
    return operations / seconds;
  };
  await closedLoop(MAX_SECONDS); // warm-up: JIT, prepared statements, caches
  samples = [];
  const maximum = await closedLoop(MAX_SECONDS);
  const failedAtMax = samples.filter((s) => !s.ok).length;
  const requestsAtMax = samples.length / MAX_SECONDS;
  rate = maximum * LOAD;
  console.log(
    `maximum: ${maximum.toFixed(1)} operations/s = ${requestsAtMax.toFixed(1)} requests/s (${CONCURRENCY} workers, ${PROCESSES} process(es), ${failedAtMax} failed requests); soak at ${rate.toFixed(1)}/s for ${MINUTES} min`,
  );

  // A warm-up at the soak's own rate, not counted: the processes reach the steady state (JIT, prepared statements,
  // the read cache's entries, pools) before the first minutes that the verdict compares with the last.
  await fixedRate(WARMUP_SECONDS * 1000);
  samples = [];
  checkouts = 0;
  shed = 0;
  const minutes: { minute: number; requests: number; failed: number; p50: number; p99: number; rss: number[] }[] = [];
  let minute = 0;
  const started = Date.now();
  await fixedRate(MINUTES * 60_000 + 50, (elapsed) => {
    if (elapsed < (minute + 1) * 60_000) return;
    const from = started + minute * 60_000;
    const of = samples.filter((s) => s.at >= from && s.at < from + 60_000);
    samples = samples.filter((s) => s.at >= from + 60_000);
    const p = percentiles(of.map((s) => s.ms));
    minutes.push({
      minute: minute + 1,
      requests: of.length,
      failed: of.filter((s) => !s.ok).length,
      p50: p.p50,
      p99: p.p99,
      rss: children.map((c) => rssMb(c.pid)),
    });
    const m = minutes.at(-1)!;
    console.log(
      `minute ${m.minute}: ${m.requests} requests, ${m.failed} failed, p50 ${fmt(m.p50)}, p99 ${fmt(m.p99)}, RSS ${m.rss.map((r) => `${r.toFixed(0)} MB`).join(" / ")}, shed ${shed}`,
    );
    minute++;
  });
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));

  // The first and the last third of the soak are compared by their medians: one minute's p99 is a handful of
  // requests, and one RSS sample lands anywhere between two garbage collections.
  const third = Math.max(1, Math.floor(minutes.length / 3));
  const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const [first, last] = [minutes.slice(0, third), minutes.slice(-third)];
  const p99Ratio = median(last.map((m) => m.p99)) / median(first.map((m) => m.p99));
  const rssGrowth = children.map(
    (_, i) => median(last.map((m) => m.rss[i]!)) / median(first.map((m) => m.rss[i]!)) - 1,
  );
  const flatP99 = p99Ratio <= 1.5;
  const flatRss = rssGrowth.every((g) => g < 0.2);
  const failed = minutes.reduce((n, m) => n + m.failed, 0);
  console.log(
    `\n| minute | requests | failed | p50 | p99 | ${children.map((_, i) => `RSS shop ${i + 1}`).join(" | ")} |\n|---|---|---|---|---|${children.map(() => "---|").join("")}`,
  );
  for (const m of minutes)
    console.log(
      `| ${m.minute} | ${m.requests} | ${m.failed} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${m.rss.map((r) => `${r.toFixed(0)} MB`).join(" | ")} |`,
    );
  console.log(
    `\nmaximum ${maximum.toFixed(1)} operations/s; soak at ${rate.toFixed(1)}/s (${(LOAD * 100).toFixed(0)} %) for ${MINUTES} min; ` +
      `${checkouts} orders placed; ${failed} failed requests; ${shed} operations shed; served per process ${proxy.served.join(" / ")}\n` +
      `median p99, last / first ${third} minute(s): ${p99Ratio.toFixed(2)}× (${flatP99 ? "flat" : "NOT flat"}, limit 1.5×); ` +
      `median RSS growth, first → last ${third} minute(s): ${rssGrowth.map((g) => `${(g * 100).toFixed(1)} %`).join(" / ")} (${flatRss ? "flat" : "NOT flat"}, limit 20 %)\n` +
      `verdict: ${flatP99 && flatRss && failed === 0 && shed === 0 ? "PASS" : "FAIL"}`,
  );
  const out = path.join(repoRoot, "bench", "results", `soak-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(out, JSON.stringify({ maximum, rate, minutes, checkouts, shed, served: proxy.served }, null, 2));
} finally {
  await stopAll();
}
process.exit(0);
