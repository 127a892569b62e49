import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { setStock } from "@omni/api/checkout-fixtures";
import { freePort } from "@omni/db/embedded";

import { repoRoot } from "../scripts/database";
import { benchCheckout, benchDatabase, spawnShop, startApiProcesses } from "./harness";

/**
 * `pnpm bench:pgbench`: checkout beside what PostgreSQL itself allows. In one run, alternating, on one throwaway
 * embedded PostgreSQL with the demo seed (durable, as production runs it; BENCH_FAST=1 turns fsync off):
 * - pgbench (CLIENTS connections, DURATION seconds, prepared statements) runs the stock transaction of a checkout
 *   bare: lock the stock row, insert the order, its line, the hold, the level change, the movement, the order's
 *   event and the outbox row, on a SKU drawn at random among SKUS (so it does not queue on one row);
 * - our HTTP checkout (`checkout.placeOrder`, courier delivery paid by the test card) is called by CLIENTS
 *   concurrent clients for as long, each on a cart prepared beforehand with one unit of a random SKU of the same set.
 * The shop is the production `next start` (tooling/next-config/serve.mjs) when apps/web has a build, else
 * BENCH_SERVER=testing or no build: packages/api/src/testing-server.ts (the same router over node:http).
 * Both sides get OMNI_BENCH_CHECKOUT_LIMIT so that the per-address checkout limit does not refuse the run.
 * Prints orders/s of each side per round, and the ratio of the sums.
 */
const CLIENTS = Number(process.env.CLIENTS ?? 10);
const DURATION = Number(process.env.DURATION ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const WARMUP = Number(process.env.WARMUP ?? 3);
const SKUS = Number(process.env.SKUS ?? 200);
const PGBENCH = process.env.PGBENCH ?? "/usr/bin/pgbench";
const webBuilt = fs.existsSync(path.join(repoRoot, "apps", "web", ".next", "BUILD_ID"));
const server = process.env.BENCH_SERVER ?? (webBuilt ? "next" : "testing");

const { handle, url, cleanup } = await benchDatabase(undefined, { durable: !process.env.BENCH_FAST });
const skuRows = await handle.sql<{ sku: string; title: string; price_minor: number }[]>`
  select v.sku, p.title || ' – ' || v.title as title, v.price_minor from variants v
  join products p on p.id = v.product_id
  where v.active and p.active and v.price_minor > 0 order by v.sku limit ${SKUS}`;
// Plenty of each in the warehouse, on both sides: no order is refused for stock, none waits on another's SKU row.
for (const row of skuRows) await setStock(handle.db, "online", row.sku, 1_000_000);
// The SKUs pgbench draws from (this database is thrown away after the run).
await handle.sql`create table bench_skus (i int primary key, sku text not null, title text not null, price int not null)`;
await handle.sql`insert into bench_skus ${handle.sql(skuRows.map((r, i) => ({ i: i + 1, sku: r.sku, title: r.title, price: r.price_minor })))}`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "omni-pgbench-"));
const script = path.join(work, "checkout.sql");
// The statements of `placeOrder`'s stock transaction (carts/place-order.ts, orders/create-order.ts,
// inventory/reserve-stock.ts, kernel/outbox.ts), one line of one unit, delivered from the warehouse.
fs.writeFileSync(
  script,
  `\\set i random(1, ${skuRows.length})
SELECT sku, title, price FROM bench_skus WHERE i = :i \\gset
BEGIN;
SELECT on_hand AS on_hand, held AS held, safety_stock FROM stock_levels WHERE location_id = 'online' AND sku = :sku FOR UPDATE \\gset
INSERT INTO orders (number, channel, status, fulfillment_type, location_id, delivery_method, address, email, name, phone,
  locale, currency, subtotal_minor, shipping_minor, total_minor, payment_method, idempotency_key, request_fingerprint)
  VALUES ('OM-' || nextval('order_number_seq')::text, 'web', 'placed', 'delivery', 'online', 'courier',
  '{"line1":"ul. Testowa 1","city":"Warszawa","postalCode":"00-001","country":"PL"}'::jsonb, 'jan@example.com',
  'Jan Kowalski', '+48500000000', 'en', 'PLN', :price, 0, :price, 'card', 'pgbench-' || gen_random_uuid()::text, 'pgbench')
  RETURNING id AS order_id \\gset
INSERT INTO order_lines (order_id, sku, title, quantity, unit_price_minor, vat_rate) VALUES (:order_id, :sku, :title, 1, :price, 23);
INSERT INTO order_events (order_id, type, from_status, to_status, channel, data)
  VALUES (:order_id, 'placed', NULL, 'placed', 'web', '{"paymentMethod":"card"}'::jsonb);
INSERT INTO stock_holds (location_id, sku, quantity, kind, owner_id) VALUES ('online', :sku, 1, 'order', :order_id);
UPDATE stock_levels SET held = :held::int + 1, updated_at = now() WHERE location_id = 'online' AND sku = :sku;
INSERT INTO stock_movements (location_id, sku, reason, on_hand_delta, held_delta, on_hand_before, on_hand_after,
  held_before, held_after, ref_type, ref_id)
  VALUES ('online', :sku, 'order_hold', 0, 1, :on_hand, :on_hand, :held, :held::int + 1, 'order', :order_id);
INSERT INTO outbox ("to", channel, template, subject, body, data)
  VALUES ('jan@example.com', 'email', 'order_placed', 'Your order', 'Thank you for your order.', '{}'::jsonb);
END;
`,
);

const { hostname, port, pathname } = new URL(url);
function runPgbench(seconds: number): number {
  const result = spawnSync(
    PGBENCH,
    [
      "-n",
      "-M",
      "prepared",
      "-c",
      String(CLIENTS),
      "-j",
      "2",
      "-T",
      String(seconds),
      "-f",
      script,
      "-h",
      hostname,
      "-p",
      port,
      "-U",
      "postgres",
      pathname.slice(1),
    ],
    { encoding: "utf8" },
  );
  const tps = /tps = ([\d.]+)/.exec(result.stdout);
  if (result.status !== 0 || !tps) throw new Error(`pgbench failed: ${result.stderr}${result.stdout}`);
  const failed = /number of failed transactions: (\d+)/.exec(result.stdout);
  if (failed && failed[1] !== "0") throw new Error(`pgbench: ${failed[1]} failed transactions\n${result.stdout}`);
  return Number(tps[1]);
}

// ---- our side: carts made beforehand (set-up, not timed), then CLIENTS concurrent placeOrder calls ----------------
let children: ChildProcess | null = null;
let stopApps = () => {};
let base: string;
process.env.OMNI_BENCH_CHECKOUT_LIMIT = "1000000";
if (server === "next") {
  const webPort = await freePort();
  // OMNI_BENCH_CHECKOUT_LIMIT reaches it through process.env, as it reaches the testing server below.
  children = spawnShop(url, webPort);
  stopApps = () => {
    try {
      if (children?.pid) process.kill(-children.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  base = `http://127.0.0.1:${webPort}`;
  for (const deadline = Date.now() + 120_000; ;) {
    const up = await fetch(`${base}/api/trpc/stores.list`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error("The shop did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
} else {
  const apps = await startApiProcesses(url, 1);
  stopApps = apps.stop;
  base = apps.bases[0]!;
}

let cartSerial = 0;
/** `count` open guest carts, each holding one unit of a random SKU of the set, written straight to the tables. */
async function prepareCarts(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `bench-cart-${cartSerial++}-${crypto.randomUUID()}`);
  await handle.sql`insert into carts (id) select unnest(${ids}::text[])`;
  const skus = ids.map(() => skuRows[Math.floor(Math.random() * skuRows.length)]!.sku);
  await handle.sql`insert into cart_lines (cart_id, sku, quantity)
    select unnest(${ids}::text[]), unnest(${skus}::text[]), 1`;
  return ids;
}

async function runHttp(seconds: number): Promise<{ perSecond: number; refused: Map<string, number> }> {
  // Enough carts for 400 orders/s; the run stops early rather than reuse a cart.
  const carts = await prepareCarts(Math.max(200, Math.ceil(seconds * 400)));
  let next = 0;
  let placed = 0;
  const refused = new Map<string, number>();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until && next < carts.length) {
        const cartId = carts[next++]!;
        const response = await fetch(`${base}/api/trpc/checkout.placeOrder`, {
          method: "POST",
          // Each order from its own shopper (testing-server.ts reads the address from this header; `next start` sees
          // the socket address, 127.0.0.1, for all of them).
          headers: { "content-type": "application/json", "x-test-address": `10.9.${(next >> 8) & 255}.${next & 255}` },
          body: JSON.stringify({ json: benchCheckout(cartId, `pgbench-http-${cartId}`) }),
        });
        const body = (await response.json()) as { result?: unknown; error?: { json: { message: string } } };
        if (body.result) placed++;
        else {
          const message = body.error?.json.message ?? String(response.status);
          refused.set(message, (refused.get(message) ?? 0) + 1);
        }
      }
    }),
  );
  return { perSecond: placed / ((performance.now() - started) / 1000), refused };
}

const rows: { round: number; pgbench: number; http: number }[] = [];
try {
  console.log(
    `server: ${server === "next" ? "the shop's production `next start`" : "packages/api/src/testing-server.ts"}; ` +
      `${CLIENTS} clients, ${DURATION} s per side per round, ${ROUNDS} rounds, ${skuRows.length} SKUs, ` +
      `${process.env.BENCH_FAST ? "fsync off" : "durable (fsync on)"}`,
  );
  // Warm-up of both sides (prepared statements, JIT, the shop's caches), discarded.
  runPgbench(WARMUP);
  await runHttp(WARMUP);
  for (let round = 1; round <= ROUNDS; round++) {
    // The side that goes first alternates, so neither always meets the machine after the other's load.
    const row = { round, pgbench: 0, http: 0 };
    for (const side of round % 2 ? (["pgbench", "http"] as const) : (["http", "pgbench"] as const)) {
      if (side === "pgbench") row.pgbench = runPgbench(DURATION);
      else {
        const result = await runHttp(DURATION);
        row.http = result.perSecond;
        if (result.refused.size) console.log("refused:", Object.fromEntries(result.refused));
      }
      console.log(`round ${round} ${side}: ${(side === "pgbench" ? row.pgbench : row.http).toFixed(1)} orders/s`);
    }
    rows.push(row);
  }
} finally {
  stopApps();
  await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
}

const sum = (key: "pgbench" | "http") => rows.reduce((s, r) => s + r[key], 0);
console.log(`\n| round | pgbench orders/s | HTTP checkout orders/s | ratio |\n|---|---|---|---|`);
for (const r of rows)
  console.log(`| ${r.round} | ${r.pgbench.toFixed(1)} | ${r.http.toFixed(1)} | ${(r.http / r.pgbench).toFixed(2)}× |`);
console.log(
  `| all | ${(sum("pgbench") / rows.length).toFixed(1)} | ${(sum("http") / rows.length).toFixed(1)} | **${(sum("http") / sum("pgbench")).toFixed(2)}×** |`,
);
process.exit(0);
