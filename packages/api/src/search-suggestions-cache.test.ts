import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { createTrpcRouteHandler } from "./next";
import { readCacheOf } from "./read-cache";
import { callerFor } from "./testing";

/**
 * The shop's search suggestions as the header asks for them: one unbatched GET of `catalog.suggest` that a CDN may
 * keep briefly and the app answers from memory, until a product's title changes.
 */
const t = await createTestDatabase();
const handle = createTrpcRouteHandler({ app: "web", getUserId: async () => null }, { db: () => t.db });
let productId: string;

const suggest = (query: string) =>
  handle(
    new Request(
      `http://localhost/api/trpc/catalog.suggest?input=${encodeURIComponent(JSON.stringify({ json: { query, limit: 6, locale: "en" } }))}`,
    ),
  );
const titles = async (query: string) => {
  const body = (await (await suggest(query)).json()) as { result: { data: { json: { items: { title: string }[] } } } };
  return body.result.data.json.items.map((item) => item.title);
};

beforeAll(async () => {
  const [product] = await t.sql`
    insert into products (slug, title, title_pl, description, description_pl, category_slug)
    values ('suggest-cache-test', 'Quokka Parka', 'Kurtka kwokka', 'A parka.', 'Kurtka.', 'jackets')
    returning id`;
  productId = product!.id as string;
  await t.sql`insert into variants (sku, ean, product_id, title, options, price_minor)
    values ('TEST-QUOKKA-M', '5901234123464', ${productId}, 'Green / M', '{"size":"M","colour":"Green"}', 29900)`;
  await t.sql`insert into stock_levels (location_id, sku, on_hand) values ('krakow', 'TEST-QUOKKA-M', 3)`;
  // The first read starts this process's listener; from then on its answers are kept.
  await suggest("quokka");
  const started = Date.now();
  while (!readCacheOf(t.db.$client)?.serving) {
    if (Date.now() - started > 5_000) throw new Error("the read cache never started serving");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
afterAll(() => t.close());

describe("search suggestions over GET", () => {
  it("are public for a CDN, a batch including a private read is not", async () => {
    const answer = await suggest("quokka");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+/);
    const input = encodeURIComponent(
      JSON.stringify({ 0: { json: { query: "quokka" } }, 1: { json: { sku: "TEST-QUOKKA-M" } } }),
    );
    const batch = await handle(
      new Request(`http://localhost/api/trpc/catalog.suggest,inventory.availability?batch=1&input=${input}`),
    );
    expect(batch.headers.get("cache-control")).toMatch(/^private, no-store/);
  });

  it("are answered from memory, and dropped as soon as a product's title changes", async () => {
    expect(await titles("quokka")).toEqual(["Quokka Parka"]);
    // A write that announces nothing (no trigger fires as a "replica") is not seen: the answer is kept.
    await t.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update products set title = 'Quokka Anorak' where id = ${productId}`;
    });
    expect(await titles("quokka")).toEqual(["Quokka Parka"]);

    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    await admin.products.update({ productId, title: "Quokka Raincoat" });
    // The process that made the change drops its catalogue answers at once; the NOTIFY does it for the others.
    expect(await titles("quokka")).toEqual(["Quokka Raincoat"]);
  });
});
