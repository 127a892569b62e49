import { Validator } from "@seriousme/openapi-schema-validator";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditLog, rateLimits } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";

import { stockedSkus } from "./checkout-fixtures";
import { openApiDocument } from "./openapi/document";
import { callerFor, restHandler } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const origin = "http://shop.test";
const rest = restHandler(t.db);
const call = (
  method: string,
  path: string,
  options: { body?: unknown; key?: string; headers?: Record<string, string> } = {},
) =>
  rest(
    new Request(`${origin}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === "string"
            ? options.body
            : JSON.stringify(options.body),
    }),
  );

/** The public procedures the contract (shared/API.md) names, each with the REST route that mirrors it. */
const contractPublic = [
  "stores.list",
  "catalog.search",
  "catalog.product",
  "inventory.availability",
  "cart.create",
  "cart.get",
  "cart.setQuantity",
  "cart.handoff",
  "cart.resume",
  "checkout.placeOrder",
  "orders.get",
  "reservations.create",
  "reservations.get",
  "reservations.cancel",
  "returns.eligibility",
  "returns.create",
  "returns.get",
];

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3 document listing every public procedure", async () => {
    const document = openApiDocument(origin);
    const result = await new Validator().validate(
      structuredClone(document) as unknown as Parameters<Validator["validate"]>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\./);
    expect(document.servers?.[0]?.url).toBe(`${origin}/api/v1`);
    const operations = Object.values(document.paths ?? {}).flatMap((item) =>
      Object.values(item as Record<string, { operationId?: string }>).map((operation) => operation.operationId),
    );
    for (const procedure of contractPublic) expect(operations).toContain(procedure.replace(".", "-"));
  });
});

describe("REST routes mirror the procedures", () => {
  let skus: string[];
  beforeAll(async () => {
    skus = await stockedSkus(t.db, "krakow", 2);
  });

  /**
   * JSON has no dates, and a pickup promise counts from the moment of the call ("ready 30 minutes from
   * now"): two calls a few milliseconds apart differ in `readyBy` and must agree in everything else.
   */
  const timeless = (answer: unknown) =>
    JSON.parse(JSON.stringify(answer, (key, value: unknown) => (key === "readyBy" ? undefined : value))) as unknown;

  it("answers the same as the procedure for catalogue and availability", async () => {
    const api = await callerFor(t.db, "anonymous");
    const viaRest = await (
      await call("GET", `/availability/${encodeURIComponent(skus[0]!)}?storeIds=krakow,warszawa`)
    ).json();
    const viaProcedure = await api.inventory.availability({ sku: skus[0]!, storeIds: ["krakow", "warszawa"] });
    expect(timeless(viaRest)).toEqual(timeless(viaProcedure));

    const search = await call("GET", "/products?limit=3&sort=price_asc");
    expect(search.status).toBe(200);
    const page = await search.json();
    expect(page).toEqual(await api.catalog.search({ limit: 3, sort: "price_asc" }));
    const product = await (await call("GET", `/products/${page.items[0].slug}`)).json();
    expect(product).toEqual(JSON.parse(JSON.stringify(await api.catalog.product({ slug: page.items[0].slug }))));
    expect(timeless(await (await call("GET", "/stores")).json())).toEqual(timeless(await api.stores.list()));
  });

  it("runs a cart through REST and reads it back through the procedure", async () => {
    const created = await call("POST", "/carts", { body: {} });
    expect(created.status).toBe(200);
    const { cartId } = await created.json();
    const set = await call("PUT", `/carts/${cartId}/lines/${encodeURIComponent(skus[1]!)}`, { body: { quantity: 2 } });
    expect(set.status).toBe(200);
    const api = await callerFor(t.db, "anonymous");
    expect(await set.json()).toEqual(JSON.parse(JSON.stringify(await api.cart.get({ cartId }))));
  });

  it("maps errors to HTTP statuses and never answers 500 for bad input", async () => {
    const bad = await call("GET", "/products?limit=0");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: "BAD_REQUEST",
      issues: [expect.objectContaining({ path: ["limit"] })],
    });
    expect((await call("GET", "/products/no-such-product")).status).toBe(404);
    expect((await call("POST", "/carts", { body: "{not json" })).status).toBe(400);
    expect((await call("POST", "/carts", { body: "[1]" })).status).toBe(400);
    expect((await call("POST", "/carts", { body: "{}", headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect((await call("PUT", "/carts/x/lines/y", { body: { quantity: "many" } })).status).toBe(400);
    expect((await call("GET", "/no/such/route")).status).toBe(404);
    expect((await call("DELETE", "/carts")).status).toBe(405);
    expect((await call("GET", "/orders/%E0%A4%A")).status).toBe(400);
    // A staff procedure: not signed in is 401, before the store or SKU is looked at.
    const anonymous = await call("PUT", "/stores/krakow/stock/NOPE", { body: { onHand: 1, reason: "count" } });
    expect(anonymous.status).toBe(401);
  });
});

describe("API keys", () => {
  let admin: Awaited<ReturnType<typeof callerFor>>;
  let sku: string;
  beforeAll(async () => {
    admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    [sku] = await stockedSkus(t.db, "krakow", 1);
  });

  it("are made by admins only, shown once and kept hashed", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(manager.apiKeys.create({ name: "ERP", scopes: ["catalog:read"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const created = await admin.apiKeys.create({ name: "ERP", scopes: ["catalog:read"] });
    expect(created.key).toMatch(/^omni_sk_/);
    const [row] = await t.db.execute<{ token_hash: string }>(
      sql`select token_hash from api_keys where id = ${created.id}`,
    );
    expect(row!.token_hash).not.toContain(created.key);
    const listed = await admin.apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("act with their scopes only: a key without the scope is refused with 403", async () => {
    const { key } = await admin.apiKeys.create({ name: "Feed", scopes: ["catalog:read"] });
    expect((await call("GET", `/availability/${encodeURIComponent(sku)}`, { key })).status).toBe(200);
    const refused = await call("PUT", `/stores/krakow/stock/${encodeURIComponent(sku)}`, {
      key,
      body: { onHand: 7, reason: "ERP sync" },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toContain("stock:write");
    // Procedures without a REST scope are closed to keys, even public ones.
    const viaTrpc = await callerFor(t.db, { deviceToken: key }, "web");
    await expect(viaTrpc.catalog.facets({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("tied to a store write stock there and nowhere else, and every use is audited", async () => {
    const { key, id } = await admin.apiKeys.create({ name: "POS Kraków", scopes: ["stock:write"], storeId: "krakow" });
    const ok = await call("PUT", `/stores/krakow/stock/${encodeURIComponent(sku)}`, {
      key,
      body: { onHand: 7, reason: "POS sync" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ sku, storeId: "krakow", onHand: 7 });
    const elsewhere = await call("PUT", `/stores/warszawa/stock/${encodeURIComponent(sku)}`, {
      key,
      body: { onHand: 7, reason: "POS sync" },
    });
    expect(elsewhere.status).toBe(403);
    const uses = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorApiKeyId, id), eq(auditLog.action, "apiKeys.use")));
    expect(uses.map((use) => use.entityId)).toEqual(["inventory.setOnHand", "inventory.setOnHand"]);
    const [change] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorApiKeyId, id), eq(auditLog.action, "inventory.setOnHand")));
    expect(change).toMatchObject({ actorRole: "api_key", storeId: "krakow" });
  });

  it("are rate-limited and stop working once revoked", async () => {
    const { key, id } = await admin.apiKeys.create({ name: "Busy", scopes: ["catalog:read"] });
    // The key's minute is used up: rate-limiter-flexible keeps one row per bucket and key.
    await t.db.insert(rateLimits).values({ key: `apiKey:api-key:${id}`, points: 300, expire: Date.now() + 60_000 });
    expect((await call("GET", "/stores", { key })).status).toBe(429);
    await admin.apiKeys.revoke({ id });
    const revoked = await call("GET", "/stores", { key });
    expect(revoked.status).toBe(401);
    expect((await call("GET", "/stores", { key: "omni_sk_made-up" })).status).toBe(401);
  });

  it("place an order over REST (the README's curl session) and read it back without the shopper's e-mail", async () => {
    const { key } = await admin.apiKeys.create({ name: "Marketplace", scopes: ["carts:write", "orders:write"] });
    const { key: reader } = await admin.apiKeys.create({ name: "ERP orders", scopes: ["orders:read"] });
    const { cartId } = await (await call("POST", "/carts", { key, body: {} })).json();
    await call("PUT", `/carts/${cartId}/lines/${encodeURIComponent(sku)}`, { key, body: { quantity: 1 } });
    const placed = await call("POST", "/orders", {
      key,
      body: {
        cartId,
        email: "buyer@example.com",
        name: "Marketplace buyer",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: "marketplace-order-0001",
      },
    });
    expect(placed.status, await placed.clone().text()).toBe(200);
    const order = await placed.json();
    expect(order).toMatchObject({ status: "placed", pickupCode: expect.any(String) });
    // Writing keys cannot read, reading keys cannot write.
    expect((await call("GET", `/orders/${order.orderNumber}`, { key })).status).toBe(403);
    const answer = await call("GET", `/orders/${order.orderNumber}`, { key: reader });
    expect(answer.status, await answer.clone().text()).toBe(200);
    expect(await answer.json()).toMatchObject({ orderNumber: order.orderNumber, lines: [{ sku, quantity: 1 }] });
  });
});
