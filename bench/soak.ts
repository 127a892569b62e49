import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

import { setStock } from "@omni/api/checkout-fixtures";
import { createDb } from "@omni/db";

import { repoRoot } from "../scripts/database";
import { startRoundRobinProxy } from "../scripts/round-robin-proxy";
import { benchDatabase, fmt, percentiles, spawnShop } from "./harness";
import { cpuMs, machineTicks, statementDrift, watchDatabase, type DatabaseMinute } from "./soak-database";

/**
 * `pnpm bench:soak`: mixed shop traffic for SOAK_MINUTES (default 10) at SOAK_LOAD (default 0.7) of the measured
 * maximum, against SOAK_PROCESSES (default 2) production shop processes (the apps' serve script) behind the
 * round-robin proxy of scripts/round-robin-proxy.ts. The mix, per operation: product list (first page or a
 * category) 30 %, one product 25 %, availability of a SKU 20 %, create a cart and add a unit 23 %, a whole checkout
 * (create, add, options, place the order) 2 %.
 * 1. Maximum: SOAK_CONCURRENCY (default 20) closed-loop workers for SOAK_MAX_SECONDS (default 30) after a warm-up
 *    of the same length; operations per second completed is the maximum.
 * 2. Soak: after SOAK_WARMUP_SECONDS (default 60) at the soak's rate, not counted, operations started at a fixed rate
 *    (open loop: a slow answer does not slow the arrivals); latency per HTTP request by the minute it ends in; at the
 *    end of each minute the resident memory (VmRSS) of every shop process and of the worker, and the CPU time this
 *    minute of each of them, of PostgreSQL and of this load generator (which also runs the proxy).
 * The background worker (scripts/worker.ts: outbox, expiries, sweeps) runs beside the shop as in production;
 * SOAK_WORKER=0 leaves it out. The database side is recorded per minute (bench/soak-database.ts): statement times
 * from pg_stat_statements (preloaded in the throwaway database), table growth, dead rows, sequential scans, vacuums,
 * checkpoints, WAL, and what busy backends waited on; all of it lands in the results JSON.
 * Per SOAK_WINDOW_SECONDS (default 10) window, the run also reports what a climbing p99 is traced with: latency, how
 * late the arrivals were against their schedule, CPU per request of every process, how busy the machine was and how
 * much of its CPU the host stole (/proc/stat), the shops' garbage-collection pauses (node --trace-gc) and the worker's
 * sweeps that ran (their duration, from the worker's log at debug level).
 * Verdict: the median p99 of the last third of the minutes within 1.5× of the first third's, and no shop process's
 * (nor the worker's) median RSS grew by 20 % or more from the first third to the last.
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
/** The background worker (outbox, expiries, sweeps) runs beside the shop, as in production; SOAK_WORKER=0 leaves it out. */
const WORKER = process.env.SOAK_WORKER !== "0";
const WINDOW_SECONDS = Number(process.env.SOAK_WINDOW_SECONDS ?? 10);
/**
 * A fixed soak rate (operations/s) instead of SOAK_LOAD × the measured maximum: two runs compared on a shared machine
 * (before and after a change) then carry the same traffic whatever the maximum measured that time. Not for the verdict.
 */
const FIXED_RATE = process.env.SOAK_RATE ? Number(process.env.SOAK_RATE) : undefined;
/** More node flags for the shop processes (e.g. `--max-semi-space-size=64`), to try a setting of the runtime. */
const SHOP_NODE_FLAGS = (process.env.SOAK_SHOP_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
const PORT = Number(process.env.BENCH_PORT ?? 3970);
const BASE = `http://127.0.0.1:${PORT}`;

let url = process.env.BENCH_DATABASE_URL;
let cleanup = async () => {};
if (!url) {
  // pg_stat_statements lets the run say which statement slowed down, minute by minute (see dbMinute below).
  const bench = await benchDatabase(undefined, {
    durable: true,
    settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "all" },
  });
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
    spawnShop(url, PORT + i, { OMNI_BENCH_CHECKOUT_LIMIT: "1000000" }, [...SHOP_NODE_FLAGS, "--trace-gc"], "pipe"),
  );
// The worker as `pnpm start` runs it (scripts/worker.ts), started by node itself so that its memory is measured.
const worker = WORKER
  ? spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", LOG_LEVEL: "debug" },
      stdio: ["ignore", "pipe", "inherit"],
      detached: true,
    })
  : undefined;
// What each window reports besides latency: the shops' GC pauses (--trace-gc prints one line per collection) and the
// worker's sweeps (one JSON line per run, with its duration). Times are when the line arrived, to the window.
type Gc = { at: number; shop: number; ms: number; full: boolean };
type SweepRun = { at: number; name: string; ms: number };
const gcPauses: Gc[] = [];
const sweepRuns: SweepRun[] = [];
const GC_LINE =
  /: (Scavenge|Minor Mark-Sweep|Mark-Compact|Mark-Sweep)\b.*? MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms/;
children.forEach((child, shop) =>
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    const gc = GC_LINE.exec(line);
    if (gc) gcPauses.push({ at: Date.now(), shop, ms: Number(gc[2]), full: !gc[1]!.includes("Scavenge") });
  }),
);
if (worker)
  readline.createInterface({ input: worker.stdout! }).on("line", (line) => {
    try {
      const entry = JSON.parse(line) as { sweep?: string; ms?: number; time?: number };
      if (entry.sweep && typeof entry.ms === "number")
        sweepRuns.push({ at: entry.time ?? Date.now(), name: entry.sweep, ms: entry.ms });
    } catch {
      /* not a log line */
    }
  });

/** Every process whose memory is watched: the shop processes, then the worker. */
const watched = [...children, ...(worker ? [worker] : [])];
const watchedNames = [...children.map((_, i) => `shop ${i + 1}`), ...(worker ? ["worker"] : [])];
const cpuNames = [...watchedNames, "PostgreSQL", "load generator"];
const proxy = startRoundRobinProxy(
  children.map((_, i) => `http://127.0.0.1:${PORT + i + 1}`),
  PORT,
);
const stopAll = async () => {
  for (const child of watched)
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  // The database stops only after its clients are gone (a worker mid-sweep would otherwise see it vanish).
  await Promise.all(
    watched.map((child) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : Promise.race([
            new Promise((resolve) => child.once("exit", resolve)),
            new Promise((resolve) => setTimeout(resolve, 10_000)),
          ]),
    ),
  );
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
/** Every sample of the soak (not only the current minute's), for the windows. */
let allSamples: Sample[] = [];
/** How late each arrival was launched against its schedule (ms): an open loop is only as good as its clock. */
let lateness: { at: number; ms: number }[] = [];
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
  const sample = { at: Date.now(), ms: performance.now() - started, ok };
  samples.push(sample);
  allSamples.push(sample);
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
      const now = Date.now();
      for (let i = 0; i < due; i++) {
        launched++;
        lateness.push({ at: now, ms: now - (started + (launched / rate) * 1000) });
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
  rate = FIXED_RATE ?? maximum * LOAD;
  console.log(
    `maximum: ${maximum.toFixed(1)} operations/s = ${requestsAtMax.toFixed(1)} requests/s (${CONCURRENCY} workers, ${PROCESSES} process(es), ${failedAtMax} failed requests); soak at ${rate.toFixed(1)}/s for ${MINUTES} min`,
  );

  // A warm-up at the soak's own rate, not counted: the processes reach the steady state (JIT, prepared statements,
  // the read cache's entries, pools) before the first minutes that the verdict compares with the last.
  await fixedRate(WARMUP_SECONDS * 1000);
  const database = await watchDatabase(url);
  const databaseMinutes: Promise<DatabaseMinute>[] = [];
  samples = [];
  allSamples = [];
  lateness = [];
  gcPauses.length = 0;
  sweepRuns.length = 0;
  checkouts = 0;
  shed = 0;
  type Minute = {
    minute: number;
    requests: number;
    failed: number;
    p50: number;
    p99: number;
    /** Resident memory, MB: the lowest and the highest of the minute's samples (one a second) per process. */
    rss: number[];
    rssPeak: number[];
    /** CPU time this minute, ms: every watched process, then PostgreSQL's server, then this load generator. */
    cpu: number[];
  };
  const minutes: Minute[] = [];
  const cpuNow = () => [...watched.map((c) => cpuMs(c.pid ?? 0, true)), database.cpuMs(), cpuMs(process.pid)];
  let cpuBefore = cpuNow();
  // Memory is sampled every second: one sample lands anywhere between two garbage collections, while the lowest of
  // a minute (just after a collection) is what the process keeps alive, which is what must stay flat.
  let rssLow = watched.map(() => Infinity);
  let rssHigh = watched.map(() => 0);
  const sampleRss = () =>
    watched.forEach((c, i) => {
      const mb = rssMb(c.pid);
      rssLow[i] = Math.min(rssLow[i]!, mb);
      rssHigh[i] = Math.max(rssHigh[i]!, mb);
    });
  const rssTimer = setInterval(sampleRss, 1000);
  let minute = 0;
  const started = Date.now();
  // CPU of every process at each window's end, for CPU per request per window.
  const cpuAtWindow: CpuSnapshot[] = [{ at: started, cpu: cpuNow(), machine: machineTicks() }];
  const windowTimer = setInterval(
    () => cpuAtWindow.push({ at: Date.now(), cpu: cpuNow(), machine: machineTicks() }),
    WINDOW_SECONDS * 1000,
  );
  const closeMinute = () => {
    sampleRss();
    const from = started + minute * 60_000;
    const of = samples.filter((s) => s.at >= from && s.at < from + 60_000);
    samples = samples.filter((s) => s.at >= from + 60_000);
    const p = percentiles(of.map((s) => s.ms));
    const cpu = cpuNow();
    minutes.push({
      minute: minute + 1,
      requests: of.length,
      failed: of.filter((s) => !s.ok).length,
      p50: p.p50,
      p99: p.p99,
      rss: rssLow,
      rssPeak: rssHigh,
      cpu: cpu.map((ms, i) => ms - cpuBefore[i]!),
    });
    cpuBefore = cpu;
    rssLow = watched.map(() => Infinity);
    rssHigh = watched.map(() => 0);
    databaseMinutes.push(database.minute());
    const m = minutes.at(-1)!;
    console.log(
      `minute ${m.minute}: ${m.requests} requests, ${m.failed} failed, p50 ${fmt(m.p50)}, p99 ${fmt(m.p99)}, RSS ${m.rss.map((r, i) => `${r.toFixed(0)}–${m.rssPeak[i]!.toFixed(0)} MB`).join(" / ")}, CPU ms per request ${m.cpu.map((ms) => (ms / m.requests).toFixed(2)).join(" / ")}, shed ${shed}`,
    );
    minute++;
  };
  await fixedRate(MINUTES * 60_000, (elapsed) => {
    if (elapsed >= (minute + 1) * 60_000) closeMinute();
  });
  // The loop's last tick may fall just short of the last boundary (a busy event loop): that minute still counts.
  while (minute < MINUTES) {
    await new Promise((r) => setTimeout(r, Math.max(0, started + (minute + 1) * 60_000 - Date.now())));
    closeMinute();
  }
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
  clearInterval(rssTimer);
  clearInterval(windowTimer);
  const windows = soakWindows(started, MINUTES * 60_000, WINDOW_SECONDS * 1000, cpuAtWindow, PROCESSES);
  const db = await Promise.all(databaseMinutes);
  await database.stop();

  // The first and the last third of the soak are compared by their medians: one minute's p99 is a handful of
  // requests, and even a minute's lowest RSS depends on when the collections fell.
  const third = Math.max(1, Math.floor(minutes.length / 3));
  const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const [first, last] = [minutes.slice(0, third), minutes.slice(-third)];
  const p99Ratio = median(last.map((m) => m.p99)) / median(first.map((m) => m.p99));
  const rssGrowth = watched.map((_, i) => median(last.map((m) => m.rss[i]!)) / median(first.map((m) => m.rss[i]!)) - 1);
  const flatP99 = p99Ratio <= 1.5;
  const flatRss = rssGrowth.every((g) => g < 0.2);
  const failed = minutes.reduce((n, m) => n + m.failed, 0);
  console.log(
    `\n| window (s) | requests | p50 | p99 | max | latest arrival | CPU ms per request: ${cpuNames.join(" / ")} | machine busy / stolen | GC pauses per shop: n, total, longest | sweeps (ms) |\n|---|---|---|---|---|---|---|---|---|---|`,
  );
  for (const w of windows)
    console.log(
      `| ${w.from}–${w.to} | ${w.requests} | ${fmt(w.p50)} | ${fmt(w.p99)} | ${fmt(w.max)} | ${fmt(w.lateMs)} | ${w.cpuPerRequest.map((c) => c.toFixed(2)).join(" / ")} | ${w.machineBusy.toFixed(0)} % / ${w.machineStolen.toFixed(1)} % | ${w.gc.map((g) => `${g.count}, ${g.totalMs.toFixed(0)}, ${g.longestMs.toFixed(0)}${g.full ? ` (${g.full} full)` : ""}`).join(" / ")} | ${w.sweeps.join(", ")} |`,
    );
  console.log(
    `\n| minute | requests | failed | p50 | p99 | ${watchedNames.map((n) => `RSS ${n}`).join(" | ")} | CPU ms per request: ${cpuNames.join(" / ")} |\n|---|---|---|---|---|${watched.map(() => "---|").join("")}---|`,
  );
  for (const m of minutes)
    console.log(
      `| ${m.minute} | ${m.requests} | ${m.failed} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${m.rss.map((r, i) => `${r.toFixed(0)}–${m.rssPeak[i]!.toFixed(0)} MB`).join(" | ")} | ${m.cpu.map((ms) => (ms / m.requests).toFixed(2)).join(" / ")} |`,
    );
  console.log(
    `\nmaximum ${maximum.toFixed(1)} operations/s; soak at ${rate.toFixed(1)}/s (${FIXED_RATE ? "SOAK_RATE" : `${(LOAD * 100).toFixed(0)} %`}) for ${MINUTES} min; ` +
      `${checkouts} orders placed; ${failed} failed requests; ${shed} operations shed; served per process ${proxy.served.join(" / ")}\n` +
      `median p99, last / first ${third} minute(s): ${p99Ratio.toFixed(2)}× (${flatP99 ? "flat" : "NOT flat"}, limit 1.5×); ` +
      `median lowest RSS growth, first → last ${third} minute(s): ${rssGrowth.map((g) => `${(g * 100).toFixed(1)} %`).join(" / ")} (${flatRss ? "flat" : "NOT flat"}, limit 20 %)\n` +
      `verdict: ${flatP99 && flatRss && failed === 0 && shed === 0 ? "PASS" : "FAIL"}`,
  );
  // Where the database's time went: the statements that took the most, minute 1 against the last minute; then,
  // per minute, checkpoints, WAL, what busy backends waited on and the tables read by sequential scans.
  if (database.statementsOn) {
    console.log(
      `\n| statement (pg_stat_statements) | total | calls, minute 1 | mean, minute 1 | calls, last | mean, last |\n|---|---|---|---|---|---|`,
    );
    for (const s of statementDrift(db))
      console.log(
        `| \`${s.query.slice(0, 90)}\` | ${(s.totalMs / 1000).toFixed(1)} s | ${s.first?.calls ?? 0} | ${fmt(s.first?.meanMs ?? 0)} | ${s.last?.calls ?? 0} | ${fmt(s.last?.meanMs ?? 0)} |`,
      );
  }
  console.log(
    `\n| minute | outbox unsent | checkpoints | WAL | waits (backend-seconds) | sequential scans (rows read) | dead rows |\n|---|---|---|---|---|---|---|`,
  );
  db.forEach((m, i) => {
    const tables = Object.entries(m.tables);
    const top = <T>(list: [string, T][], by: (t: T) => number) =>
      list
        .filter(([, t]) => by(t) > 0)
        .sort((a, b) => by(b[1]) - by(a[1]))
        .slice(0, 3);
    console.log(
      `| ${i + 1} | ${m.outboxUnsent} | ${m.checkpoints} | ${m.walMb.toFixed(0)} MB | ${top(
        Object.entries(m.waits),
        (n) => n,
      )
        .map(([w, n]) => `${w} ${n}`)
        .join(", ")} | ${top(tables, (t) => t.seqRows)
        .map(([name, t]) => `${name} ${t.seqScans} (${t.seqRows})`)
        .join(", ")} | ${top(tables, (t) => t.dead)
        .map(([name, t]) => `${name} ${t.dead}`)
        .join(", ")} |`,
    );
  });
  const out = path.join(repoRoot, "bench", "results", `soak-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        maximum,
        rate,
        worker: WORKER,
        processes: watchedNames,
        minutes,
        windows,
        checkouts,
        shed,
        served: proxy.served,
        database: db,
      },
      null,
      2,
    ),
  );
  console.log(`\n${path.relative(repoRoot, out)}`);
} finally {
  await stopAll();
}
process.exit(0);

type CpuSnapshot = { at: number; cpu: number[]; machine: ReturnType<typeof machineTicks> };

/** The share of the machine's ticks between two snapshots that was busy, and that the host stole, in percent. */
function machineShare(before: CpuSnapshot["machine"], after: CpuSnapshot["machine"]) {
  const total = after.total - before.total;
  if (total <= 0) return { machineBusy: 0, machineStolen: 0 };
  return {
    machineBusy: (100 * (after.busy - before.busy)) / total,
    machineStolen: (100 * (after.steal - before.steal)) / total,
  };
}

/** The soak cut in windows of `windowMs`: latency, arrival lateness, CPU per request, GC pauses and sweeps of each. */
function soakWindows(started: number, durationMs: number, windowMs: number, cpuAt: CpuSnapshot[], shops: number) {
  const windows = [];
  for (let from = started; from < started + durationMs; from += windowMs) {
    const to = from + windowMs;
    const inside = <T extends { at: number }>(list: T[]) => list.filter((x) => x.at >= from && x.at < to);
    const of = inside(allSamples);
    const p = percentiles(of.map((s) => s.ms));
    // The CPU snapshots nearest the window's ends (the timer fires about on them).
    const nearest = (at: number) => cpuAt.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a));
    const [before, after] = [nearest(from), nearest(to)];
    const gc = inside(gcPauses);
    windows.push({
      from: (from - started) / 1000,
      to: (to - started) / 1000,
      requests: of.length,
      failed: of.filter((s) => !s.ok).length,
      p50: p.p50 ?? 0,
      p99: p.p99 ?? 0,
      max: Math.max(0, ...of.map((s) => s.ms)),
      lateMs: Math.max(0, ...inside(lateness).map((l) => l.ms)),
      cpuPerRequest: after.cpu.map((ms, i) => (after === before || !of.length ? 0 : (ms - before.cpu[i]!) / of.length)),
      ...machineShare(before.machine, after.machine),
      gc: Array.from({ length: shops }, (_, shop) => {
        const mine = gc.filter((g) => g.shop === shop);
        return {
          count: mine.length,
          full: mine.filter((g) => g.full).length,
          totalMs: mine.reduce((n, g) => n + g.ms, 0),
          longestMs: Math.max(0, ...mine.map((g) => g.ms)),
        };
      }),
      sweeps: inside(sweepRuns)
        .filter((r) => r.ms >= 20)
        .map((r) => `${r.name} ${r.ms}`),
    });
  }
  return windows;
}
