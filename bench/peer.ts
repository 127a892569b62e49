import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import autocannon from "autocannon";

import { setStock } from "@omni/api/checkout-fixtures";

import { repoRoot } from "../scripts/database";
import { benchCheckout, benchDatabase, percentiles, spawnShop } from "./harness";

/**
 * `pnpm bench:peer`: the peer's five store operations (autocannon, CONNECTIONS=10, DURATION=20 s after a WARMUP=10 s
 * run that is discarded) and CHECKOUTS=50 sequential full checkouts, against our shop (a production `next start`
 * through the apps' start script, one process, on a durable embedded PostgreSQL with the demo seed) and, when the
 * peer is installed (PEER_DIR, default /work/peer/medusa, set up by ../shared/peer-medusa/RECIPE.sh), against
 * Medusa in the same run: each operation runs on both sides back to back, the side that goes first alternating,
 * and the checkouts interleave one by one. Needs a production build of the shop (`pnpm --filter @omni/web build`).
 * The shop process gets OMNI_BENCH_CHECKOUT_LIMIT (benchmarks only) so 50 checkouts from one address are allowed.
 *
 * For work on our side: OMNI_BENCH_ONLY_OURS=1 leaves the peer out even when it is installed (nothing of Medusa is
 * started), ONLY=add_line_item,checkout picks operations, and BENCH_CPU_PROF=<dir> runs the shop under
 * `node --cpu-prof` (NODE_OPTIONS refuses it), which writes its profile to <dir> when the run ends.
 */
const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const WARMUP = Number(process.env.WARMUP ?? 10);
const CHECKOUTS = Number(process.env.CHECKOUTS ?? 50);
const PEER_DIR = process.env.PEER_DIR ?? "/work/peer/medusa";
const PORT = Number(process.env.BENCH_PORT ?? 3940);
const ONLY = process.env.ONLY?.split(",");
const OURS = `http://127.0.0.1:${PORT}`;
const ONLY_OURS = process.env.OMNI_BENCH_ONLY_OURS === "1";
const CPU_PROF = process.env.BENCH_CPU_PROF;

type Row = { reqPerSec: number; p50: number; p99: number; non2xx: number; errors: number; total: number };
type Side = {
  name: string;
  list: () => autocannon.Options;
  product: () => autocannon.Options;
  createCart: () => autocannon.Options;
  addItem: () => Promise<autocannon.Options>;
  createThenAdd: () => autocannon.Options;
  /** One full checkout: the whole flow's and the final step's milliseconds, and whether an order was made. */
  checkout: (
    i: number,
  ) => Promise<{ totalMs: number; completeMs: number; ok: boolean; stepsMs?: Record<string, number> }>;
};

const run = (options: autocannon.Options, duration: number) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ connections: CONNECTIONS, ...options, duration }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    ),
  );

async function measure(options: autocannon.Options): Promise<Row> {
  await run(options, WARMUP);
  const r = await run(options, DURATION);
  return {
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    total: r.requests.total,
  };
}

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} -> ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

// ---- our side: the shop's /api/trpc, as the kiosk and any API client call it --------------------------------
const trpcGet = (p: string, input: unknown) =>
  `${OURS}/api/trpc/${p}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const trpcBody = (input: unknown) => JSON.stringify({ json: input });
// A function, not a shared object: autocannon writes `content-length` into the headers object it is given.
const jsonHeaders = () => ({ "content-type": "application/json" });
async function trpcPost<T>(p: string, input: unknown): Promise<T> {
  const body = await json<{ result: { data: { json: T } } }>(`${OURS}/api/trpc/${p}`, {
    method: "POST",
    headers: jsonHeaders(),
    body: trpcBody(input),
  });
  return body.result.data.json;
}

async function oursSide(skus: string[], slug: string): Promise<Side> {
  const post = (p: string, input: unknown): autocannon.Options => ({
    url: `${OURS}/api/trpc/${p}`,
    method: "POST",
    headers: jsonHeaders(),
    body: trpcBody(input),
  });
  return {
    name: "omni",
    list: () => ({ url: trpcGet("catalog.search", { limit: 20 }) }),
    product: () => ({ url: trpcGet("catalog.product", { slug }) }),
    createCart: () => post("cart.create", {}),
    addItem: async () => {
      // One cart per connection, each adding one more unit of its own SKU on every request (as the peer's run does).
      const carts = await Promise.all(
        Array.from({ length: CONNECTIONS }, () => trpcPost<{ cartId: string }>("cart.create", {})),
      );
      let next = 0;
      return {
        url: OURS,
        requests: [
          {
            method: "POST",
            setupRequest: (request, context: { k?: number; n?: number }) => {
              context.k ??= next++ % CONNECTIONS;
              context.n = ((context.n ?? 0) % 999) + 1;
              return {
                ...request,
                path: "/api/trpc/cart.setQuantity",
                headers: jsonHeaders(),
                body: trpcBody({ cartId: carts[context.k]!.cartId, sku: skus[context.k * 4], quantity: context.n }),
              };
            },
          },
        ],
      };
    },
    createThenAdd: () => ({
      url: OURS,
      requests: [
        {
          method: "POST",
          path: "/api/trpc/cart.create",
          headers: jsonHeaders(),
          body: trpcBody({}),
          onResponse: (_status, body, context: { cart?: string }) => {
            try {
              context.cart = (
                JSON.parse(body) as { result: { data: { json: { cartId: string } } } }
              ).result.data.json.cartId;
            } catch {
              /* counted as non-2xx by autocannon */
            }
          },
        },
        {
          method: "POST",
          setupRequest: (request, context: { cart?: string }) => ({
            ...request,
            path: "/api/trpc/cart.setQuantity",
            headers: jsonHeaders(),
            body: trpcBody({ cartId: context.cart, sku: skus[(Math.random() * skus.length) | 0], quantity: 1 }),
          }),
        },
      ],
    }),
    checkout: async (i) => {
      const started = performance.now();
      const { cartId } = await trpcPost<{ cartId: string }>("cart.create", {});
      const created = performance.now();
      await trpcPost("cart.setQuantity", { cartId, sku: skus[(i * 7) % skus.length], quantity: 1 });
      const added = performance.now();
      await json(trpcGet("checkout.options", { cartId }));
      const completeFrom = performance.now();
      const order = await trpcPost<{ orderNumber?: string }>(
        "checkout.placeOrder",
        benchCheckout(cartId, `peer-bench-${cartId}`),
      );
      const done = performance.now();
      return {
        totalMs: done - started,
        completeMs: done - completeFrom,
        ok: !!order.orderNumber,
        // Each step of our flow, for work on it (the peer's flow has other steps).
        stepsMs: { create: created - started, setQuantity: added - created, options: completeFrom - added },
      };
    },
  };
}

// ---- the peer: Medusa's store API, as ../shared/peer-medusa/bench/lib.mjs calls it ----------------------------
type PeerSeed = {
  publishable_key: string;
  region_id: string;
  product_id: string;
  variant_ids: string[];
  shipping_option_id: string;
};

function medusaSide(seed: PeerSeed, base: string): Side {
  const key = seed.publishable_key;
  const api = <T>(method: string, p: string, body?: unknown) =>
    json<T>(`${base}${p}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const q = `region_id=${seed.region_id}`;
  const headers = () => ({ "content-type": "application/json", "x-publishable-api-key": key });
  const address = {
    first_name: "Jan",
    last_name: "Kowalski",
    address_1: "ul. Testowa 1",
    city: "Warszawa",
    country_code: "pl",
    postal_code: "00-001",
    phone: "+48500000000",
  };
  return {
    name: "medusa",
    list: () => ({ url: `${base}/store/products?limit=20&${q}`, headers: headers() }),
    product: () => ({ url: `${base}/store/products/${seed.product_id}?${q}`, headers: headers() }),
    createCart: () => ({
      url: `${base}/store/carts`,
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ region_id: seed.region_id }),
    }),
    addItem: async () => {
      const carts = await Promise.all(
        Array.from({ length: CONNECTIONS }, () =>
          api<{ cart: { id: string } }>("POST", "/store/carts", { region_id: seed.region_id }),
        ),
      );
      let next = 0;
      return {
        url: base,
        headers: headers(),
        requests: [
          {
            method: "POST",
            setupRequest: (request, context: { k?: number }) => {
              context.k ??= next++ % CONNECTIONS;
              return {
                ...request,
                path: `/store/carts/${carts[context.k]!.cart.id}/line-items`,
                body: JSON.stringify({
                  variant_id: seed.variant_ids[(context.k * 4) % seed.variant_ids.length],
                  quantity: 1,
                }),
              };
            },
          },
        ],
      };
    },
    createThenAdd: () => ({
      url: base,
      headers: headers(),
      requests: [
        {
          method: "POST",
          path: "/store/carts",
          body: JSON.stringify({ region_id: seed.region_id }),
          onResponse: (_status, body, context: { cart?: string }) => {
            try {
              context.cart = (JSON.parse(body) as { cart: { id: string } }).cart.id;
            } catch {
              /* counted as non-2xx by autocannon */
            }
          },
        },
        {
          method: "POST",
          setupRequest: (request, context: { cart?: string }) => ({
            ...request,
            path: `/store/carts/${context.cart}/line-items`,
            body: JSON.stringify({
              variant_id: seed.variant_ids[(Math.random() * seed.variant_ids.length) | 0],
              quantity: 1,
            }),
          }),
        },
      ],
    }),
    checkout: async (i) => {
      const started = performance.now();
      const { cart } = await api<{ cart: { id: string } }>("POST", "/store/carts", { region_id: seed.region_id });
      const variant = seed.variant_ids[(i * 7) % seed.variant_ids.length];
      await api("POST", `/store/carts/${cart.id}/line-items`, { variant_id: variant, quantity: 1 });
      await api("POST", `/store/carts/${cart.id}`, {
        email: "jan@example.com",
        shipping_address: address,
        billing_address: address,
      });
      const { shipping_options } = await api<{ shipping_options: { id: string }[] }>(
        "GET",
        `/store/shipping-options?cart_id=${cart.id}`,
      );
      const option = shipping_options.find((o) => o.id === seed.shipping_option_id) ?? shipping_options[0]!;
      await api("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id });
      const { payment_collection } = await api<{ payment_collection: { id: string } }>(
        "POST",
        "/store/payment-collections",
        { cart_id: cart.id },
      );
      await api("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
        provider_id: "pp_system_default",
      });
      const completeFrom = performance.now();
      const result = await api<{ type: string }>("POST", `/store/carts/${cart.id}/complete`);
      const done = performance.now();
      return { totalMs: done - started, completeMs: done - completeFrom, ok: result.type === "order" };
    },
  };
}

// ---- the run ---------------------------------------------------------------------------------------------------
const peerInstalled =
  !ONLY_OURS &&
  fs.existsSync(path.join(PEER_DIR, "seed-out.json")) &&
  fs.existsSync(path.join(PEER_DIR, "app/.medusa/server"));
const recipe = (step: string) =>
  spawnSync(path.join(PEER_DIR, "RECIPE.sh"), [step], {
    stdio: "inherit",
    env: { ...process.env, PEER_ROOT: PEER_DIR },
  });
const peerWasRunning = peerInstalled && fs.existsSync(path.join(PEER_DIR, "server.pid"));

const { handle, url, cleanup } = await benchDatabase(undefined, { durable: true });
const skuRows = await handle.sql`select v.sku from variants v join products p on p.id = v.product_id
  where v.active and p.active and v.price_minor > 0 order by v.sku limit 200`;
const skus = skuRows.map((r) => r.sku as string);
// As the peer's seed: plenty of every benchmarked SKU in the warehouse, so no request is refused for stock.
for (const sku of skus) await setStock(handle.db, "online", sku, 1_000_000);
const [product] = await handle.sql`select p.slug from products p where p.active and p.has_active_variant
  order by p.featured desc, p.slug limit 1`;

const shop = spawnShop(
  url,
  PORT,
  { OMNI_BENCH_CHECKOUT_LIMIT: "1000000" },
  CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROF)}`] : [],
);
const stop = () => {
  try {
    if (shop.pid) process.kill(-shop.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  if (peerInstalled && !peerWasRunning) recipe("stop");
};

const report: Record<string, Record<string, unknown>> = {};
try {
  for (const deadline = Date.now() + 120_000; ;) {
    if (
      await fetch(trpcGet("stores.list", {})).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline)
      throw new Error("The shop did not start: is there a build? `pnpm --filter @omni/web build`");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const sides: Side[] = [await oursSide(skus, product!.slug as string)];
  if (peerInstalled) {
    recipe("pg-start");
    recipe("start");
    const seed = JSON.parse(fs.readFileSync(path.join(PEER_DIR, "seed-out.json"), "utf8")) as PeerSeed;
    sides.push(medusaSide(seed, `http://127.0.0.1:${process.env.PEER_PORT ?? 9000}`));
  } else {
    console.log(
      ONLY_OURS
        ? "OMNI_BENCH_ONLY_OURS: our side only."
        : `No peer at ${PEER_DIR} (run ../shared/peer-medusa/RECIPE.sh there): our side only.`,
    );
  }

  const operations: [string, (side: Side) => Promise<autocannon.Options> | autocannon.Options][] = [
    ["list_products_limit20", (s) => s.list()],
    ["get_product_by_id", (s) => s.product()],
    ["create_cart", (s) => s.createCart()],
    ["add_line_item", (s) => s.addItem()],
    ["create_cart_then_add_item_pair", (s) => s.createThenAdd()],
  ];
  for (const [index, [name, options]] of operations.entries()) {
    if (ONLY && !ONLY.includes(name)) continue;
    // The side that goes first alternates, so neither always meets the machine after the other's load.
    const order = index % 2 ? [...sides].reverse() : sides;
    report[name] = {};
    for (const side of order) {
      const row = await measure(await options(side));
      report[name][side.name] = row;
      console.log(
        `${name} ${side.name}: ${row.reqPerSec.toFixed(1)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, non2xx ${row.non2xx}, errors ${row.errors}`,
      );
    }
  }

  if (!ONLY || ONLY.includes("checkout")) {
    const samples = Object.fromEntries(
      sides.map((s) => [
        s.name,
        { total: [] as number[], complete: [] as number[], steps: {} as Record<string, number[]>, ok: 0, wallMs: 0 },
      ]),
    );
    for (let i = 0; i < 3; i++) for (const side of sides) await side.checkout(1000 + i); // warm-up, discarded
    for (let i = 0; i < CHECKOUTS; i++) {
      for (const side of i % 2 ? [...sides].reverse() : sides) {
        const r = await side.checkout(i);
        const s = samples[side.name]!;
        s.total.push(r.totalMs);
        s.complete.push(r.completeMs);
        for (const [step, ms] of Object.entries(r.stepsMs ?? {})) (s.steps[step] ??= []).push(ms);
        s.wallMs += r.totalMs;
        if (r.ok) s.ok++;
      }
    }
    report.checkout = {};
    for (const side of sides) {
      const s = samples[side.name]!;
      const row = {
        orders: s.ok,
        ordersPerSec: s.ok / (s.wallMs / 1000),
        flowP50: percentiles(s.total).p50,
        flowP95: percentiles(s.total).p95,
        completeP50: percentiles(s.complete).p50,
        ...(Object.keys(s.steps).length
          ? { stepsP50: Object.fromEntries(Object.entries(s.steps).map(([k, v]) => [k, percentiles(v).p50])) }
          : {}),
      };
      report.checkout[side.name] = row;
      console.log(
        `checkout ${side.name}: ${row.orders}/${CHECKOUTS} orders, ${row.ordersPerSec.toFixed(2)}/s, flow p50 ${row.flowP50.toFixed(1)} ms, final step p50 ${row.completeP50.toFixed(1)} ms${
          row.stepsP50
            ? ` (${Object.entries(row.stepsP50)
                .map(([k, v]) => `${k} ${v.toFixed(1)}`)
                .join(", ")} ms)`
            : ""
        }`,
      );
    }
  }
} finally {
  stop();
  await cleanup();
}

const out = path.join(repoRoot, "bench", "results", `peer-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify({ duration: DURATION, connections: CONNECTIONS, warmup: WARMUP, report }, null, 2),
);
console.log(`\n| operation | omni req/s | medusa req/s | ratio |\n|---|---|---|---|`);
for (const [name, bySide] of Object.entries(report)) {
  if (name === "checkout") continue;
  const ours = bySide.omni as Row | undefined;
  const peer = bySide.medusa as Row | undefined;
  console.log(
    `| ${name} | ${ours?.reqPerSec.toFixed(1)} | ${peer?.reqPerSec.toFixed(1) ?? "-"} | ${ours && peer ? `${(ours.reqPerSec / peer.reqPerSec).toFixed(1)}×` : "-"} |`,
  );
}
const co = report.checkout as
  Record<string, { ordersPerSec: number; flowP50: number; completeP50: number }> | undefined;
if (co?.omni && co.medusa)
  console.log(
    `| 50 sequential checkouts (orders/s; flow p50; final step p50) | ${co.omni.ordersPerSec.toFixed(2)}; ${co.omni.flowP50.toFixed(0)} ms; ${co.omni.completeP50.toFixed(0)} ms | ${co.medusa.ordersPerSec.toFixed(2)}; ${co.medusa.flowP50.toFixed(0)} ms; ${co.medusa.completeP50.toFixed(0)} ms | ${(co.omni.ordersPerSec / co.medusa.ordersPerSec).toFixed(1)}× orders/s; ${(co.medusa.completeP50 / co.omni.completeP50).toFixed(1)}× final step |`,
  );
console.log(`results: ${path.relative(repoRoot, out)}`);
process.exit(0);
