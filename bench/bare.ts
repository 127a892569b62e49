import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import autocannon from "autocannon";
import postgres from "postgres";

import { authSecret, repoRoot } from "../scripts/database";
import { benchDatabase } from "./harness";

/**
 * `pnpm bench:bare`: the framework's cost. The shop's production server (`next start` through the apps' serve
 * script, one process) against a bare node:http + postgres.js server (bench/bare-server.ts, one process) that calls
 * the same domain functions, so the same SQL, for the product list (`catalog.search`, first page of 20) and one
 * product, on the same database, in one run. autocannon, CONNECTIONS=10, DURATION=20 s after a WARMUP=5 s run that
 * is discarded; for each operation both sides back to back, the side going first alternating. The shop runs twice:
 * with its read cache (the default, which answers repeated reads from memory without SQL) and without it
 * (OMNI_READ_CACHE_TTL_MS=0: every request runs the SQL, as the bare server's do).
 * BENCH_DATABASE_URL reuses a migrated, seeded database (e.g. the scale seed); without it a throwaway embedded
 * PostgreSQL with the demo seed is made. Needs a production build of the shop (`pnpm --filter @omni/web build`).
 */
const DURATION = Number(process.env.DURATION ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const SHOP_PORT = Number(process.env.BENCH_PORT ?? 3960);
const BARE_PORT = SHOP_PORT + 1;

let url = process.env.BENCH_DATABASE_URL;
let cleanup = async () => {};
if (!url) {
  const bench = await benchDatabase(undefined, { durable: true });
  url = bench.url;
  cleanup = bench.cleanup;
}
const sql = postgres(url, { max: 1, onnotice: () => {} });
const [product] = await sql`select p.slug from products p where p.active and p.has_active_variant
  order by p.featured desc, p.slug limit 1`;
await sql.end();
const slug = product!.slug as string;

const children: ChildProcess[] = [];
function start(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  return child;
}
function stop(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}
async function ready(probe: string) {
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(probe)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`${probe} did not answer (is there a production build of the shop?)`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const startShop = async (cacheTtlMs?: string) => {
  const shop = start(
    process.execPath,
    ["../../tooling/next-config/serve.mjs", "--port", String(SHOP_PORT), "--hostname", "127.0.0.1"],
    path.join(repoRoot, "apps", "web"),
    {
      AUTH_SECRET: authSecret(true),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(cacheTtlMs === undefined ? {} : { OMNI_READ_CACHE_TTL_MS: cacheTtlMs }),
    },
  );
  await ready(`http://127.0.0.1:${SHOP_PORT}/api/trpc/stores.list`);
  return shop;
};

const trpc = (procedure: string, input: unknown) =>
  `http://127.0.0.1:${SHOP_PORT}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const operations = {
  list: { shop: trpc("catalog.search", { limit: 20 }), bare: `http://127.0.0.1:${BARE_PORT}/list` },
  product: {
    shop: trpc("catalog.product", { slug }),
    bare: `http://127.0.0.1:${BARE_PORT}/product?slug=${encodeURIComponent(slug)}`,
  },
};

const run = (target: string, duration: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url: target, connections: CONNECTIONS, duration }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    ),
  );
async function measure(target: string) {
  await run(target, WARMUP);
  const r = await run(target, DURATION);
  if (r.non2xx || r.errors) throw new Error(`${target}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { reqPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
}

type Row = {
  operation: string;
  cache: "on" | "off";
  shop: Awaited<ReturnType<typeof measure>>;
  bare: Awaited<ReturnType<typeof measure>>;
};
const rows: Row[] = [];
try {
  const bare = start(process.execPath, ["--import", "tsx", "bench/bare-server.ts"], repoRoot, {
    PORT: String(BARE_PORT),
  });
  await ready(operations.list.bare);
  let shopFirst = true;
  for (const cache of ["on", "off"] as const) {
    const shop = await startShop(cache === "off" ? "0" : undefined);
    for (const [operation, targets] of Object.entries(operations)) {
      const sides = shopFirst ? (["shop", "bare"] as const) : (["bare", "shop"] as const);
      shopFirst = !shopFirst;
      const measured: Partial<Record<"shop" | "bare", Awaited<ReturnType<typeof measure>>>> = {};
      for (const side of sides) measured[side] = await measure(targets[side]);
      rows.push({ operation, cache, shop: measured.shop!, bare: measured.bare! });
      const r = rows.at(-1)!;
      console.log(
        `${operation}, read cache ${cache}: shop ${r.shop.reqPerSec.toFixed(1)} req/s, bare ${r.bare.reqPerSec.toFixed(1)} req/s, ratio ${(r.shop.reqPerSec / r.bare.reqPerSec).toFixed(2)}×`,
      );
    }
    stop(shop);
    await new Promise((r) => setTimeout(r, 1000));
  }
  stop(bare);
} finally {
  for (const child of children) stop(child);
  await cleanup();
}

console.log(
  `\n| operation (${CONNECTIONS} connections, ${DURATION} s) | shop read cache | shop req/s | bare req/s | **shop / bare** | shop p50 / p99 | bare p50 / p99 |\n|---|---|---|---|---|---|---|`,
);
for (const r of rows)
  console.log(
    `| ${r.operation} | ${r.cache} | ${r.shop.reqPerSec.toFixed(1)} | ${r.bare.reqPerSec.toFixed(1)} | **${(r.shop.reqPerSec / r.bare.reqPerSec).toFixed(2)}×** | ${r.shop.p50} / ${r.shop.p99} ms | ${r.bare.p50} / ${r.bare.p99} ms |`,
  );
const out = path.join(repoRoot, "bench", "results", `bare-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ duration: DURATION, connections: CONNECTIONS, slug, rows }, null, 2));
process.exit(0);
