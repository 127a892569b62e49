import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

// A product whose Polish title has the letters that shoppers leave out on a phone keyboard.
beforeAll(async () => {
  const [product] = await t.sql`
    insert into products (slug, title, title_pl, description, description_pl, category_slug)
    values ('zolta-kurtka-test', 'Yellow Rain Jacket', 'Żółta kurtka przeciwdeszczowa', 'A bright jacket.',
            'Jaskrawa kurtka na deszcz.', 'jackets')
    returning id`;
  await t.sql`insert into variants (sku, ean, product_id, title, options, price_minor)
    values ('TEST-YEL-M', '5901234123457', ${product!.id}, 'Yellow / M', '{"size":"M","colour":"Yellow"}', 34900)`;
  await t.sql`insert into stock_levels (location_id, sku, on_hand) values ('krakow', 'TEST-YEL-M', 3)`;
});

describe("catalogue search", () => {
  it("folds Polish letters: 'zolta kurtka' finds 'Żółta kurtka' first", async () => {
    const api = await callerFor(t.db, "anonymous");
    const hits = await api.catalog.search({ query: "zolta kurtka", locale: "pl" });
    expect(hits.items[0]).toMatchObject({ slug: "zolta-kurtka-test", title: "Żółta kurtka przeciwdeszczowa" });
    // English is the default language of the contract.
    expect((await api.catalog.search({ query: "żółta" })).items[0]!.title).toBe("Yellow Rain Jacket");
  });

  it("finds a Polish product by its English name ('jeans'), with its Polish title", async () => {
    const api = await callerFor(t.db, "anonymous");
    const hits = await api.catalog.search({ query: "jeans", locale: "pl" });
    expect(hits.items.length).toBeGreaterThan(0);
    const [first] = await t.sql`select title, title_pl from products where slug = ${hits.items[0]!.slug}`;
    expect(first!.title).toMatch(/\bJeans\b/);
    expect(hits.items[0]!.title).toBe(first!.title_pl);
    expect(hits.items[0]!.title.toLowerCase()).toContain("jeansy");
  });

  it("forgives a one-letter typo and ranks the product first", async () => {
    const api = await callerFor(t.db, "anonymous");
    const hits = await api.catalog.search({ query: "zolta kurtla", locale: "pl" });
    expect(hits.items[0]?.slug).toBe("zolta-kurtka-test");
    // A missing letter in a short word: "jensy" for "jeansy".
    const jeans = await api.catalog.search({ query: "jensy", locale: "pl" });
    expect(jeans.items[0]?.title.toLowerCase()).toContain("jeansy");
  });

  it("corrects a typo against the words of a product added a moment ago (the lexicon follows the catalogue)", async () => {
    const api = await callerFor(t.db, "anonymous");
    const [product] = await t.sql`
      insert into products (slug, title, title_pl, category_slug)
      values ('merino-test', 'Merino Crew Test', 'Sweter z merynosa testowy', 'hoodies') returning id`;
    await t.sql`insert into variants (sku, product_id, title, options, price_minor)
      values ('TEST-MERINO-M', ${product!.id}, 'M', '{"size":"M"}', 29900)`;
    const [word] = await t.sql`select word from catalog_words where word = 'merynosa'`;
    expect(word).toBeDefined();
    // One wrong letter, and a word no other product has: only the new product's own word can correct it.
    const hits = await api.catalog.search({ query: "merynisa", locale: "pl" });
    expect(hits.items.map((i) => i.slug)).toEqual(["merino-test"]);
    expect(hits.didYouMean).toBeNull();
  });

  it("finds the words of the search box's placeholder in Polish", async () => {
    const api = await callerFor(t.db, "anonymous");
    for (const word of ["koszula", "jeansy", "bluza"]) {
      const hits = await api.catalog.search({ query: word, locale: "pl", limit: 5 });
      expect(hits.items.length, word).toBeGreaterThan(0);
      expect(hits.items[0]!.title.toLowerCase(), word).toContain(word);
    }
  });

  it("matches words as prefixes and titles above descriptions", async () => {
    const api = await callerFor(t.db, "anonymous");
    expect((await api.catalog.search({ query: "przeciwdeszcz", locale: "pl" })).items.length).toBeGreaterThan(0);
    // "jaskrawa" is only in the description of the test product; "kurtka" in many titles.
    const hits = await api.catalog.search({ query: "kurtka", locale: "pl", limit: 100 });
    const titled = hits.items.filter((i) => i.title.toLowerCase().includes("kurtka"));
    expect(titled.length).toBeGreaterThan(0);
    expect(hits.items.slice(0, titled.length).every((i) => i.title.toLowerCase().includes("kurtka"))).toBe(true);
    expect((await api.catalog.search({ query: "jaskrawa" })).items.map((i) => i.slug)).toEqual(["zolta-kurtka-test"]);
  });

  it("finds a variant by its exact SKU or EAN", async () => {
    const api = await callerFor(t.db, "anonymous");
    expect((await api.catalog.search({ query: "TEST-YEL-M" })).items.map((i) => i.slug)).toEqual(["zolta-kurtka-test"]);
    expect((await api.catalog.search({ query: "5901234123457" })).items.map((i) => i.slug)).toEqual([
      "zolta-kurtka-test",
    ]);
    expect((await api.catalog.search({ query: "5901234123450" })).items).toEqual([]);
  });

  it("says 'did you mean' when nothing matches", async () => {
    const api = await callerFor(t.db, "anonymous");
    const none = await api.catalog.search({ query: "plaszcz welnianyx qqqq" });
    expect(none.items).toEqual([]);
    // Two letters swapped is beyond the typo tolerance, but close enough to say what was meant.
    expect(await api.catalog.search({ query: "ksozula", locale: "pl" })).toMatchObject({
      items: [],
      didYouMean: "koszula",
    });
    const far = await api.catalog.search({ query: "xyzzyq" });
    expect(far).toMatchObject({ items: [], didYouMean: null });
  });

  it("suggests products with a price while typing", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { items } = await api.catalog.suggest({ query: "zolt", locale: "pl" });
    expect(items[0]).toMatchObject({
      slug: "zolta-kurtka-test",
      title: "Żółta kurtka przeciwdeszczowa",
      priceMinor: 34900,
      imageHue: expect.any(Number),
    });
    expect((await api.catalog.suggest({ query: " " })).items).toEqual([]);
  });

  it("sorts by the price the shopper pays, promotions included", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { items } = await api.catalog.search({ sort: "price_asc", limit: 100 });
    const paid = items.map((i) => i.priceMinor);
    expect(paid).toEqual([...paid].sort((a, b) => a - b));
    expect(items.some((i) => i.promotion)).toBe(true);
    const desc = (await api.catalog.search({ sort: "price_desc", limit: 100 })).items.map((i) => i.priceMinor);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
  });

  it("gives product content and promotion labels in the shopper's language", async () => {
    const api = await callerFor(t.db, "anonymous");
    const { items } = await api.catalog.search({ category: "accessories", limit: 1, locale: "pl" });
    const product = await api.catalog.product({ slug: items[0]!.slug, locale: "pl" });
    expect(product.categoryLabel).toBe("Torby i dodatki");
    expect(product.variants[0]!.promotion).toBe("Zimowe dodatki −20%");
    expect(product.description).toMatch(/Zaprojektowane w Krakowie/);
    const english = await api.catalog.product({ slug: items[0]!.slug });
    expect(english.variants[0]!.promotion).toBe("Winter accessories −20%");
  });
});

describe("facet counts", () => {
  const countBySql = async (where: string) =>
    (
      await t.sql.unsafe(`select count(distinct p.id)::int n from products p join variants v on v.product_id = p.id
        where p.active and v.active and ${where}`)
    )[0]!.n as number;

  it("equal a count by SQL and follow the other filters", async () => {
    const api = await callerFor(t.db, "anonymous");
    const all = await api.catalog.facets({});
    for (const c of all.categories) expect(c.count, c.value).toBe(await countBySql(`p.category_slug = '${c.value}'`));
    const sizeM = all.sizes.find((s) => s.value === "M")!;
    expect(sizeM.count).toBe(await countBySql(`v.options->>'size' = 'M'`));

    const jackets = await api.catalog.facets({ category: "jackets", sizes: ["M"], storeId: "krakow" });
    // The category facet ignores the category filter but keeps the size filter.
    const jacketCount = jackets.categories.find((c) => c.value === "jackets")!.count;
    expect(jacketCount).toBe(await countBySql(`p.category_slug = 'jackets' and v.options->>'size' = 'M'`));
    for (const colour of jackets.colours) {
      expect(colour.count, colour.value).toBe(
        await countBySql(
          `p.category_slug = 'jackets' and v.options->>'size' = 'M' and v.options->>'colour' = '${colour.value}'`,
        ),
      );
    }
    expect(jackets.total).toBe(await countBySql(`p.category_slug = 'jackets' and v.options->>'size' = 'M'`));
    const [inKrakow] = await t.sql`
      select count(distinct p.id)::int n from products p join variants v on v.product_id = p.id
      join stock_levels sl on sl.sku = v.sku and sl.location_id = 'krakow'
      where p.active and v.active and p.category_slug = 'jackets' and v.options->>'size' = 'M'
        and sl.on_hand - sl.held - sl.safety_stock > 0`;
    expect(jackets.availableInStore).toEqual({ storeId: "krakow", count: inKrakow!.n });
    const bandTotal = jackets.priceBands.reduce((s, b) => s + b.count, 0);
    expect(bandTotal).toBeGreaterThanOrEqual(jackets.total);
  });

  it("count the text query too, and search agrees with them", async () => {
    const api = await callerFor(t.db, "anonymous");
    const facets = await api.catalog.facets({ query: "kurtka", locale: "pl" });
    const hits = await api.catalog.search({ query: "kurtka", limit: 100 });
    expect(facets.total).toBe(hits.items.length);
    expect(facets.categories.find((c) => c.value === "jackets")?.label).toBe("Kurtki i płaszcze");
  });
});
