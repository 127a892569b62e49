import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { freePort } from "@omni/db/embedded";
import { createTestDatabase } from "@omni/db/testing";

import { stockedSkus } from "./checkout-fixtures";
import { createTrpcRouteHandler } from "./next";
import { callerFor } from "./testing";

/**
 * The read cache across processes: two shop and two kiosk app processes (each with its own in-memory cache and
 * listener) serve the catalogue; an administrator changes a price, a promotion and stock through the API. Every
 * process must show a price change within one second, and stock (availability) is never answered from memory.
 */
const t = await createTestDatabase({ max: 10 });
const script = fileURLToPath(new URL("./testing-server.ts", import.meta.url));
const children: ChildProcess[] = [];
type App = { name: string; base: string };
const apps: App[] = [];

async function startApp(app: "web" | "kiosk", name: string): Promise<App> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", script, t.url, String(port), app], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stderr!.resume();
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, base: `http://127.0.0.1:${port}` };
}

async function get<T>(app: App, procedure: string, input: unknown): Promise<T> {
  const query = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await fetch(`${app.base}/api/trpc/${procedure}?input=${query}`);
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${app.name} ${procedure}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

async function post<T>(app: App, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${app.base}/api/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${app.name} ${procedure}: ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

type Product = { variants: { sku: string; priceMinor: number; listPriceMinor: number }[] };
type Listing = { items: { slug: string; priceMinor: number }[] };

/** Polls every process until `seen` holds for all of them; the milliseconds that took, per process. */
async function untilAll(check: (app: App) => Promise<boolean>, limitMs = 5_000): Promise<number[]> {
  const started = performance.now();
  return Promise.all(
    apps.map(async (app) => {
      while (!(await check(app))) {
        if (performance.now() - started > limitMs) throw new Error(`${app.name} still stale after ${limitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return performance.now() - started;
    }),
  );
}

let sku: string;
let slug: string;
let category: string;
const priceIn = (product: Product) => product.variants.find((v) => v.sku === sku)!.priceMinor;

beforeAll(async () => {
  apps.push(
    ...(await Promise.all([
      startApp("web", "shop 1"),
      startApp("web", "shop 2"),
      startApp("kiosk", "kiosk 1"),
      startApp("kiosk", "kiosk 2"),
    ])),
  );
  [sku] = await stockedSkus(t.db, "krakow", 1, 3);
  const [row] = await t.sql`select p.slug, p.category_slug from variants v join products p on p.id = v.product_id
    where v.sku = ${sku!}`;
  slug = row!.slug as string;
  category = row!.category_slug as string;
  // The first reads of a process start its listener; from then on its answers are kept.
  for (let round = 0; round < 3; round++) {
    for (const app of apps) {
      await get(app, "catalog.product", { slug });
      await get(app, "catalog.search", { category, limit: 50 });
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await t.close();
});

describe("the read cache with two shop and two kiosk processes", () => {
  it("keeps catalogue answers in memory: a write that announces nothing is not seen", async () => {
    const before = priceIn(await get<Product>(apps[0]!, "catalog.product", { slug }));
    // With replication role "replica" no trigger fires: the price changes in the table without a NOTIFY, which
    // no real writer can do. Every process must go on answering from memory.
    await t.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update variants set price_minor = price_minor + 1 where sku = ${sku}`;
    });
    for (const app of apps) expect(priceIn(await get<Product>(app, "catalog.product", { slug }))).toBe(before);

    // A checkout changes stock, not the catalogue: the process that served it drops only what depends on stock, so
    // its product answers stay in memory (they were all dropped on every order).
    const [other] = (await stockedSkus(t.db, "online", 2)).filter((s) => s !== sku);
    const shop = apps[0]!;
    const { cartId } = await post<{ cartId: string }>(shop, "cart.create", {});
    await post(shop, "cart.setQuantity", { cartId, sku: other, quantity: 1 });
    const order = await post<{ orderNumber?: string }>(shop, "checkout.placeOrder", {
      cartId,
      email: "cache@example.com",
      name: "Jan Kowalski",
      phone: "+48500000000",
      fulfillment: {
        type: "delivery",
        address: { line1: "ul. Testowa 1", city: "Warszawa", postalCode: "00-001", country: "PL" },
      },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: `cache-${cartId}`,
    });
    expect(order.orderNumber).toBeTruthy();
    expect(priceIn(await get<Product>(shop, "catalog.product", { slug }))).toBe(before);
  });

  it("shows a price changed in admin in every shop and kiosk process within one second", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const newPrice = 12_345;
    await admin.products.updateVariant({ sku, priceMinor: newPrice });
    const delays = await untilAll(async (app) => {
      const product = await get<Product>(app, "catalog.product", { slug });
      const listing = await get<Listing>(app, "catalog.search", { category, limit: 50 });
      return priceIn(product) === newPrice && listing.items.some((i) => i.slug === slug && i.priceMinor <= newPrice);
    });
    expect(Math.max(...delays)).toBeLessThan(1_000);
  });

  it("shows a new promotion in every process within one second", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const list = priceIn(await get<Product>(apps[0]!, "catalog.product", { slug }));
    const [product] = await t.sql`select product_id from variants where sku = ${sku}`;
    await admin.promotions.create({
      name: "Cache test",
      kind: "percent",
      value: 50,
      productId: product!.product_id as string,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 3_600_000),
    });
    const delays = await untilAll(
      async (app) =>
        priceIn(await get<Product>(app, "catalog.product", { slug })) === list - Math.round((list * 50) / 100),
    );
    expect(Math.max(...delays)).toBeLessThan(1_000);
  });

  it("never answers availability from memory: each process shows a stock change as soon as it is written", async () => {
    const manager = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    for (const onHand of [7, 0, 4, 11, 2]) {
      await manager.inventory.setOnHand({ storeId: "krakow", sku, onHand, reason: "cycle_count" });
      // No waiting: the first read after the write, in every process.
      const seen = await Promise.all(
        apps.map((app) =>
          get<{ locations: { storeId: string; available: number }[] }>(app, "inventory.availability", {
            sku,
            storeIds: ["krakow"],
          }),
        ),
      );
      for (const answer of seen) expect(answer.locations[0]!.available).toBe(onHand);
    }
  });

  it("shows a store's new hours and picking time in every process's pickup promise within one second", async () => {
    type Availability = { locations: { storeId: string; pickup: { sourcing: string; readyBy?: string } }[] };
    const readyBy = async (app: App) => {
      const answer = await get<Availability>(app, "inventory.availability", { sku, storeIds: ["krakow"] });
      return new Date(answer.locations[0]!.pickup.readyBy!).getTime();
    };
    // Every process reads (and keeps) the stores and settings first.
    for (const app of apps) await readyBy(app);
    // Around the clock, 30 minutes of picking: goods on the shelf are ready 30 minutes from now, whatever the hour.
    await t.sql`update locations set opening_hours = null where id = 'krakow'`;
    await t.sql`insert into settings (key, value) values ('pickup_picking_minutes', '30'::jsonb)
      on conflict (key) do update set value = excluded.value`;
    const delays = await untilAll(async (app) => {
      const asked = Date.now();
      const at = await readyBy(app);
      return at >= asked + 30 * 60_000 && at <= Date.now() + 30 * 60_000;
    });
    expect(Math.max(...delays)).toBeLessThan(1_000);
  });

  it("lets a CDN keep public catalogue GETs briefly, and nothing else", async () => {
    const handle = createTrpcRouteHandler({ app: "web", getUserId: async () => null }, { db: () => t.db });
    const call = (path: string, input: unknown) =>
      handle(
        new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`),
      );
    expect((await call("catalog.product", { slug })).headers.get("cache-control")).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
    expect((await call("inventory.availability", { sku })).headers.get("cache-control")).toMatch(/^private, no-store/);
    expect((await call("catalog.product", { slug: "no-such-product" })).headers.get("cache-control")).toMatch(
      /^private, no-store/,
    );
  });

  it("asks that short answers be sent as they are (no gzip), and lets long ones be compressed", async () => {
    const handle = createTrpcRouteHandler({ app: "web", getUserId: async () => null }, { db: () => t.db });
    const created = await handle(
      new Request("http://localhost/api/trpc/cart.create", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: {} }),
      }),
    );
    expect((await created.clone().text()).length).toBeLessThan(1024);
    expect(created.headers.get("cache-control")).toBe("private, no-store, no-transform");
    const product = await handle(
      new Request(
        `http://localhost/api/trpc/catalog.product?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`,
      ),
    );
    expect((await product.clone().text()).length).toBeGreaterThan(1024);
    expect(product.headers.get("cache-control")).not.toContain("no-transform");
  });

  it("keeps whole answers only for anonymous callers: an API key is still checked after an anonymous read", async () => {
    const handle = createTrpcRouteHandler({ app: "web", getUserId: async () => null }, { db: () => t.db });
    const url = `http://localhost/api/trpc/catalog.product?input=${encodeURIComponent(JSON.stringify({ json: { slug } }))}`;
    const anonymous = [await handle(new Request(url)), await handle(new Request(url))];
    expect(anonymous.map((r) => r.status)).toEqual([200, 200]);
    const [first, second] = await Promise.all(anonymous.map((r) => r.text()));
    expect(second).toBe(first);
    expect(anonymous[0]!.headers.get("x-request-id")).not.toBe(anonymous[1]!.headers.get("x-request-id"));
    const withKey = await handle(new Request(url, { headers: { authorization: "Bearer omni_sk_unknown" } }));
    expect(withKey.status).toBe(401);
  });
});
