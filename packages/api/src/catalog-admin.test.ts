import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const admin = () => callerFor(t.db, { email: "admin@example.com" }, "admin");

describe("admin catalogue", () => {
  it("creates a category named in Polish and English, and a product in it with variants", async () => {
    const api = await admin();
    const category = await api.categories.create({
      slug: "raincoats",
      name: "Raincoats",
      namePl: "Płaszcze przeciwdeszczowe",
    });
    expect(category.position).toBeGreaterThan(0);
    const shopper = await callerFor(t.db, "anonymous");
    expect((await shopper.catalog.categories({ locale: "pl" })).find((c) => c.slug === "raincoats")?.label).toBe(
      "Płaszcze przeciwdeszczowe",
    );

    const product = await api.products.create({
      title: "Harbour Raincoat",
      titlePl: "Płaszcz Przystań",
      description: "Keeps the Baltic out.",
      descriptionPl: "Chroni przed Bałtykiem.",
      categorySlug: "raincoats",
      vatRate: 23,
      variants: [
        {
          sku: "RAIN-NAVY-M",
          ean: "5901234123457",
          options: { size: "M", colour: "Navy" },
          priceMinor: 45900,
          unitCostMinor: 18000,
        },
      ],
    });
    expect(product).toMatchObject({ slug: "harbour-raincoat", active: false, titlePl: "Płaszcz Przystań" });
    expect(product.variants[0]).toMatchObject({ title: "Navy / M", unitCostMinor: 18000, ean: "5901234123457" });
    // Withdrawn until activated: the shop does not show it yet.
    await expect(shopper.catalog.product({ slug: "harbour-raincoat" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await api.products.createVariant({
      productId: product.id,
      sku: "RAIN-NAVY-L",
      options: { size: "L", colour: "Navy" },
      priceMinor: 45900,
    });
    await api.products.update({ productId: product.id, active: true });
    const shown = await shopper.catalog.product({ slug: "harbour-raincoat", locale: "pl" });
    expect(shown).toMatchObject({ title: "Płaszcz Przystań", categoryLabel: "Płaszcze przeciwdeszczowe", vatRate: 23 });
    expect(shown.variants.map((v) => v.sku)).toEqual(["RAIN-NAVY-M", "RAIN-NAVY-L"]);
    expect((await shopper.catalog.search({ query: "plaszcz przystan", locale: "pl" })).items[0]?.slug).toBe(
      "harbour-raincoat",
    );

    // Search keeps a "has an active variant" flag on the product (triggers): it follows the variants' switches.
    const found = async () =>
      (await shopper.catalog.search({ query: "plaszcz przystan", locale: "pl" })).items.map((i) => i.slug);
    await api.products.updateVariant({ sku: "RAIN-NAVY-M", active: false });
    await api.products.updateVariant({ sku: "RAIN-NAVY-L", active: false });
    expect(await found()).not.toContain("harbour-raincoat");
    await api.products.updateVariant({ sku: "RAIN-NAVY-L", active: true });
    expect(await found()).toContain("harbour-raincoat");

    // The same title again gets a slug of its own.
    const twin = await api.products.create({
      title: "Harbour Raincoat",
      titlePl: "Płaszcz Przystań",
      categorySlug: "raincoats",
    });
    expect(twin.slug).toBe("harbour-raincoat-2");

    await api.products.update({ productId: product.id, active: false });
    await expect(shopper.catalog.product({ slug: "harbour-raincoat" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit =
      await t.sql`select action from audit_log where entity_id in (${product.id}, 'RAIN-NAVY-L', 'raincoats') order by id`;
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["categories.create", "products.create", "products.createVariant", "products.update"]),
    );
  });

  it("refuses bad codes and duplicates with a clear error and changes nothing", async () => {
    const api = await admin();
    const base = { title: "Bad Coat", titlePl: "Zły płaszcz", categorySlug: "jackets" };
    await expect(
      api.products.create({ ...base, variants: [{ sku: "BAD-1", ean: "5901234123450", priceMinor: 100 }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.products.create({ ...base, categorySlug: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [taken] = await t.sql`select sku, ean from variants where ean is not null limit 1`;
    await expect(
      api.products.create({ ...base, variants: [{ sku: "BAD-2", ean: taken!.ean, priceMinor: 100 }] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(taken!.ean) });
    await expect(
      api.products.create({ ...base, variants: [{ sku: taken!.sku, priceMinor: 100 }] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(api.products.create({ ...base, variants: [{ sku: "BAD-3", priceMinor: -1 }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await t.sql`select count(*)::int n from products where title = 'Bad Coat'`)[0]!.n).toBe(0);
    await expect(api.categories.create({ slug: "jackets", name: "J", namePl: "K" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("edits a variant's EAN, options, price and unit cost", async () => {
    const api = await admin();
    const [v] = await t.sql`select sku from variants order by sku limit 1`;
    const after = await api.products.updateVariant({
      sku: v!.sku,
      ean: "4006381333931",
      options: { size: "XL", colour: "Olive" },
      priceMinor: 12345,
      unitCostMinor: 5000,
    });
    expect(after).toMatchObject({
      ean: "4006381333931",
      options: { size: "XL", colour: "Olive" },
      priceMinor: 12345,
      unitCostMinor: 5000,
    });
  });

  it("changes prices in bulk with one audit entry, or not at all", async () => {
    const api = await admin();
    const before = await t.sql`select v.sku, v.price_minor from variants v join products p on p.id = v.product_id
      where p.category_slug = 'hoodies' order by v.sku`;
    const result = await api.products.bulkPrice({
      categorySlug: "hoodies",
      change: { kind: "percent", percent: 10 },
      reason: "Autumn prices",
    });
    expect(result.changed).toBe(before.length);
    const after = await t.sql`select v.sku, v.price_minor from variants v join products p on p.id = v.product_id
      where p.category_slug = 'hoodies' order by v.sku`;
    expect(after.map((r) => r.price_minor)).toEqual(before.map((r) => Math.round((r.price_minor * 110) / 100)));
    const [entry, ...more] =
      await t.sql`select before, after, actor_email from audit_log where action = 'products.bulkPrice'`;
    expect(more).toEqual([]);
    expect(entry!.actor_email).toBe("admin@example.com");
    expect(entry!.before.prices[before[0]!.sku]).toBe(before[0]!.price_minor);
    expect(entry!.after).toMatchObject({ reason: "Autumn prices", prices: { [after[0]!.sku]: after[0]!.price_minor } });

    // Lowering by more than the cheapest price changes nothing.
    await expect(
      api.products.bulkPrice({
        categorySlug: "hoodies",
        change: { kind: "amount", amountMinor: -100_000_00 },
        reason: "oops",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const unchanged = await t.sql`select v.price_minor from variants v join products p on p.id = v.product_id
      where p.category_slug = 'hoodies' order by v.sku`;
    expect(unchanged.map((r) => r.price_minor)).toEqual(after.map((r) => r.price_minor));
  });

  it("lists products in the order of their titles in the clerk's language, Polish letters in their places", async () => {
    const api = await admin();
    await api.categories.create({ slug: "sailing", name: "Sailing", namePl: "Żeglarstwo" });
    // English: Anchor, Beacon, Zodiac. Polish: Lampa, Łódka, Mapa (Ł comes after L, not after Z as by code point),
    // and a product without Polish words sorts by its English title among them.
    for (const [title, titlePl] of [
      ["Zodiac Boat", "Łódka"],
      ["Anchor Lamp", "Mapa"],
      ["Beacon", "Lampa"],
      ["Knot Guide", "Węzły"],
    ])
      await api.products.create({ title, titlePl: titlePl!, categorySlug: "sailing" });
    // Rows from before Polish titles were required have none.
    await t.sql`update products set title_pl = '' where title = 'Knot Guide'`;
    const titles = async (locale: "pl" | "en") =>
      (await api.products.list({ category: "sailing", locale })).items.map((p) =>
        locale === "pl" && p.titlePl ? p.titlePl : p.title,
      );
    expect(await titles("en")).toEqual(["Anchor Lamp", "Beacon", "Knot Guide", "Zodiac Boat"]);
    expect(await titles("pl")).toEqual(["Knot Guide", "Lampa", "Łódka", "Mapa"]);
  });

  it("is for admins only", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(manager.products.create({ title: "X", titlePl: "X", categorySlug: "jackets" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      manager.products.bulkPrice({ skus: ["NOPE"], change: { kind: "set", priceMinor: 1 }, reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(manager.categories.create({ slug: "x", name: "X", namePl: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
