import { sql, type SQL } from "drizzle-orm";

import type { DbOrTx } from "@omni/db";

import { availableSql } from "../inventory";
import { colourLabel, contentIn, sizeLabel, type Locale } from "./locale";
import { noRating } from "./ratings";

export type CatalogFilters = {
  query?: string;
  category?: string;
  sizes?: string[];
  colours?: string[];
  minPriceMinor?: number;
  maxPriceMinor?: number;
  /** Only products with a variant available in this store now. */
  availableIn?: string;
};

export type CatalogSearchInput = CatalogFilters & {
  limit?: number;
  cursor?: string | null;
  sort?: "relevance" | "price_asc" | "price_desc" | "newest";
  locale?: Locale;
};

/** Words of a query as the index stores them: letters and digits only, so they are safe inside a tsquery. */
export function queryWords(query: string | undefined): string[] {
  return (query ?? "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

// The generated, indexed columns of the migration "catalog_search".
const vectorSql = sql.raw(`p.search_vector`);
const titlesSql = sql.raw(`p.search_text`);

/** Every word as a prefix of a word of the full text: the index answers it at once. */
const prefixQuery = (words: string[]) =>
  sql`to_tsquery('simple', omni_unaccent(${words.map((w) => `${w}:*`).join(" & ")}))`;

/** For typos: a word matches as a prefix, or by trigram similarity to a title word. Used only when no product has every word. */
const fuzzyWordMatch = (word: string) =>
  sql`(${vectorSql} @@ to_tsquery('simple', omni_unaccent(${word}) || ':*') or omni_unaccent(${word}::text) <% ${titlesSql})`;

/**
 * Whether the query needs typo tolerance: only when no active product has every word as written (folded).
 * Trigram similarity is costly over thousands of matches, so an exact match skips it.
 */
async function needsFuzzy(db: DbOrTx, words: string[]): Promise<boolean> {
  if (!words.length) return false;
  const rows = await db.execute(
    sql`select 1 from products p where p.active and ${vectorSql} @@ ${prefixQuery(words)} limit 1`,
  );
  return rows.length === 0;
}

/**
 * Codes are matched exactly: a scanned SKU or EAN finds its product and nothing else. The products are looked up
 * first (two unique indexes) so that the text condition stays a plain index-friendly `@@` instead of an `OR` with
 * a sub-query, which made PostgreSQL scan every product.
 */
async function codeMatches(db: DbOrTx, query: string): Promise<string[]> {
  if (!query || query.length > 64) return [];
  const rows = await db.execute<{ product_id: string }>(
    sql`select product_id from variants where sku = ${query.toUpperCase()} or ean = ${query}`,
  );
  return rows.map((r) => r.product_id);
}
const codeMatch = (ids: string[]) => (ids.length ? sql`p.id in ${ids}` : sql`false`);

/** Automatic promotions running now, as the pricing module applies them (codes excluded). */
const runningPromotions = sql`(select pr.kind, pr.value, pr.category_slug, pr.product_id, pr.name, pr.name_pl from promotions pr
  where pr.active and pr.code is null and pr.starts_at <= now() and pr.ends_at > now())`;

/** A variant's price after its best automatic promotion: what the shopper pays, used to sort and to filter by price. */
const effectivePriceText = (v: string) =>
  `(${v}.price_minor - coalesce((select max(least(${v}.price_minor,
    case when pr.kind = 'percent' then round(${v}.price_minor * least(100, pr.value) / 100.0)::int else pr.value end))
    from promos pr where (pr.category_slug is null or pr.category_slug = p.category_slug)
      and (pr.product_id is null or pr.product_id = p.id)), 0))`;
const effectivePrice = (v: string) => sql.raw(effectivePriceText(v));

type Dimension = "category" | "sizes" | "colours" | "price" | "availableIn";

/** The product-level conditions of the filters, leaving out one dimension (for that dimension's facet counts). */
function productConditions(filters: CatalogFilters & { fuzzy?: boolean; codes: string[] }, without?: Dimension): SQL[] {
  const where: SQL[] = [sql`p.active`];
  const query = filters.query?.trim();
  const words = queryWords(query);
  if (query && words.length) {
    const text = filters.fuzzy
      ? sql.join(words.map(fuzzyWordMatch), sql` and `)
      : sql`${vectorSql} @@ ${prefixQuery(words)}`;
    where.push(filters.codes.length ? sql`((${text}) or ${codeMatch(filters.codes)})` : sql`(${text})`);
  } else if (query) {
    where.push(codeMatch(filters.codes));
  }
  if (filters.category && without !== "category") where.push(sql`p.category_slug = ${filters.category}`);
  return where;
}

/** The variant-level conditions: one variant must meet them all (a black M, in stock here, under 100 zł). */
function variantConditions(filters: CatalogFilters, without?: Dimension): SQL[] {
  const where: SQL[] = [sql`v.active`];
  if (filters.sizes?.length && without !== "sizes") where.push(sql`v.options->>'size' in ${filters.sizes}`);
  if (filters.colours?.length && without !== "colours") where.push(sql`v.options->>'colour' in ${filters.colours}`);
  if (without !== "price") {
    if (filters.minPriceMinor != null) where.push(sql`${effectivePrice("v")} >= ${filters.minPriceMinor}`);
    if (filters.maxPriceMinor != null) where.push(sql`${effectivePrice("v")} <= ${filters.maxPriceMinor}`);
  }
  if (filters.availableIn && without !== "availableIn") where.push(inStoreSql(filters.availableIn));
  return where;
}

const inStoreSql = (storeId: string) =>
  sql`exists (select 1 from stock_levels sl where sl.sku = v.sku and sl.location_id = ${storeId} and ${availableSql} > 0)`;

const and = (parts: SQL[]) => sql.join(parts, sql` and `);

/** Cursors are opaque to clients; inside they are an offset. */
const decodeCursor = (cursor?: string | null) => {
  const n = cursor ? Number.parseInt(cursor, 36) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

export async function searchCatalog(db: DbOrTx, input: CatalogSearchInput) {
  const limit = input.limit ?? 20;
  const offset = decodeCursor(input.cursor);
  const locale = input.locale ?? "en";
  const query = input.query?.trim() ?? "";
  const words = queryWords(query);
  // Whitespace never occurs in a SKU or an EAN: a query with several words skips the code look-up.
  const codes = /\s/.test(query) ? [] : await codeMatches(db, query);
  const variantWhere = variantConditions(input);
  // Only sorting by price needs every match's price; the other orders compute it for the page alone.
  const byPrice = input.sort === "price_asc" || input.sort === "price_desc";
  const minPrice = sql`(select min(${effectivePrice("v")}) from variants v where v.product_id = p.id and v.active)`;

  const pageOf = (fuzzy: boolean) => {
    const where = [
      ...productConditions({ ...input, fuzzy, codes }),
      // Without a variant filter, "has an active variant" is a flag on the product row (kept by triggers).
      variantWhere.length === 1
        ? sql`p.has_active_variant`
        : sql`exists (select 1 from variants v where v.product_id = p.id and ${and(variantWhere)})`,
    ];
    const relevance = words.length
      ? sql`(${codeMatch(codes)})::int * 10 + ts_rank(${vectorSql}, ${prefixQuery(words)}, 1)
          ${fuzzy ? sql`+ word_similarity(omni_unaccent(${words.join(" ")}::text), ${titlesSql})` : sql``}`
      : sql`0`;
    const order =
      input.sort === "price_asc"
        ? sql`min_price asc, p.slug`
        : input.sort === "price_desc"
          ? sql`min_price desc, p.slug`
          : input.sort === "newest"
            ? sql`p.created_at desc, p.slug`
            : words.length
              ? sql`${relevance} desc, p.featured desc, p.slug`
              : sql`p.featured desc, p.slug`;
    return trigramTolerance(db, fuzzy, (tx) =>
      tx.execute<PageRow>(
        describedPage(sql`
        select p.id, p.slug, p.title, p.title_pl, p.category_slug, p.image_hue
          ${byPrice ? sql`, ${minPrice} as min_price` : sql``}
        from products p
        where ${and(where)}
        order by ${order}
        limit ${limit + 1} offset ${offset}`),
      ),
    );
  };
  // Typo tolerance (trigram similarity) is costly over thousands of matches, so it runs only when the words as
  // written find nothing: on the first page that is the exact query's own answer (one query saved on every search);
  // on later pages of a fuzzy search it is the cheap "does any product have every word" check.
  let rows;
  if (!words.length) rows = await pageOf(false);
  else if (offset > 0) rows = await pageOf(await needsFuzzy(db, words));
  else {
    rows = await pageOf(false);
    if (!rows.length) rows = await pageOf(true);
  }

  const items = rows.slice(0, limit).map((row) => describeItem(row, locale));
  const didYouMean = items.length === 0 && offset === 0 && words.length ? await suggestSpelling(db, words) : null;
  return { items, nextCursor: rows.length > limit ? (offset + limit).toString(36) : null, didYouMean };
}

type PageRow = {
  id: string;
  slug: string;
  title: string;
  title_pl: string;
  category_slug: string;
  image_hue: number;
  price_minor: number | null;
  list_price_minor: number | null;
  currency: string | null;
  promotion_name: string | null;
  promotion_name_pl: string | null;
  in_stock: boolean;
  rating_average: number | null;
  rating_count: number;
};

/**
 * A page of products with what a product card shows, in ONE query (it was five round trips: variants and stock,
 * prices, promotions, ratings): each product at its cheapest active variant after its best automatic promotion
 * (the same arithmetic as `discountFor` in pricing.ts), whether any variant is available somewhere, and its rating.
 */
const describedPage = (page: SQL) => sql`with promos as ${runningPromotions},
  -- The page's own order, numbered as the sorted, limited rows come out of it.
  page as (select sorted.*, row_number() over () as ord from (${page}) sorted)
  select page.id, page.slug, page.title, page.title_pl, page.category_slug, page.image_hue,
    best.price_minor, best.list_price_minor, best.currency, best.promotion_name, best.promotion_name_pl,
    exists (select 1 from variants v join stock_levels sl on sl.sku = v.sku
            where v.product_id = page.id and v.active and ${availableSql} > 0) as in_stock,
    r.average as rating_average, coalesce(r.count, 0)::int as rating_count
  from page
  left join lateral (
    select v.price_minor - coalesce(d.off, 0) as price_minor, v.price_minor as list_price_minor, v.currency,
      d.name as promotion_name, d.name_pl as promotion_name_pl
    from variants v
    left join lateral (
      select least(v.price_minor, case when pr.kind = 'percent'
          then round(v.price_minor * least(100, pr.value) / 100.0)::int else pr.value end) as off, pr.name, pr.name_pl
      from promos pr
      where (pr.category_slug is null or pr.category_slug = page.category_slug)
        and (pr.product_id is null or pr.product_id = page.id)
      order by 1 desc limit 1) d on true
    where v.product_id = page.id and v.active
    order by 1, v.position limit 1) best on true
  left join lateral (
    select round(avg(rv.rating)::numeric, 1)::float as average, count(*)::int as count
    from reviews rv where rv.status = 'published' and rv.product_id = page.id) r on true
  order by page.ord`;

/** A product card from its row of `describedPage`. */
function describeItem(row: PageRow, locale: Locale) {
  return {
    slug: row.slug,
    title: contentIn(locale, row.title, row.title_pl),
    category: row.category_slug,
    priceMinor: row.price_minor ?? 0,
    listPriceMinor: row.list_price_minor ?? 0,
    currency: row.currency ?? "PLN",
    promotion: row.promotion_name ? contentIn(locale, row.promotion_name, row.promotion_name_pl ?? "") : null,
    inStock: row.in_stock,
    imageHue: row.image_hue,
    rating: row.rating_count ? { average: row.rating_average, count: row.rating_count } : noRating,
  };
}

/**
 * The `<%` operator compares against `pg_trgm.word_similarity_threshold` (0.6 by default, which misses a
 * one-letter slip in a six-letter word); 0.4 forgives one wrong or missing letter ("jensy" is 0.44 from "jeansy") and still keeps unrelated words out.
 */
async function trigramTolerance<T>(db: DbOrTx, fuzzy: boolean, run: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (!fuzzy) return run(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.4', true)`);
    return run(tx);
  });
}

/**
 * "Did you mean": each word replaced by the closest word of the title that resembles it most, found through the
 * trigram index with a looser threshold than the search's own.
 */
async function suggestSpelling(db: DbOrTx, words: string[]): Promise<string | null> {
  const best = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.3', true)`);
    const out: string[] = [];
    for (const word of words) {
      const [row] = await tx.execute<{ best: string | null }>(sql`
        select (select x from regexp_split_to_table(lower(t.search_text), '[^a-z0-9]+') x
                where length(x) > 1 order by similarity(x, q.w) desc, x limit 1) as best
        from (select omni_unaccent(${word}::text) as w) q,
        lateral (select p.search_text from products p where p.active and q.w <% p.search_text
                 order by word_similarity(q.w, p.search_text) desc, p.slug limit 1) t`);
      out.push(row?.best ?? word);
    }
    return out;
  });
  const folded = words.join(" ");
  const suggestion = best.join(" ");
  return suggestion !== folded ? suggestion : null;
}

/** Up to six products for the search box while the shopper types: title, picture seed and price. */
export async function suggestProducts(db: DbOrTx, input: { query: string; locale?: Locale; limit?: number }) {
  if (!queryWords(input.query).length) return { items: [] };
  const result = await searchCatalog(db, { query: input.query, locale: input.locale, limit: input.limit ?? 6 });
  return {
    items: result.items.map(({ slug, title, category, priceMinor, listPriceMinor, currency, imageHue }) => ({
      slug,
      title,
      category,
      priceMinor,
      listPriceMinor,
      currency,
      imageHue,
    })),
  };
}

export type FacetValue = { value: string; count: number; label?: string };
export type PriceBand = { minMinor: number; maxMinor: number | null; count: number };

/** Price bands of the facets, in minor units (the last is open-ended). */
export const priceBands: [number, number | null][] = [
  [0, 9_999],
  [10_000, 19_999],
  [20_000, 39_999],
  [40_000, null],
];

/**
 * Facet counts: for each value, how many products match every OTHER filter and that value, so that counts follow
 * the shopper's choices (picking "M" changes the colour counts, not the size counts).
 */
export async function catalogFacets(db: DbOrTx, input: CatalogFilters & { storeId?: string; locale?: Locale }) {
  const locale = input.locale ?? "en";
  const [fuzzy, codes] = await Promise.all([
    needsFuzzy(db, queryWords(input.query)),
    codeMatches(db, input.query?.trim() ?? ""),
  ]);
  const filters = { ...input, fuzzy, codes };
  const countBy = (without: Dimension | undefined, key: SQL) =>
    trigramTolerance(db, fuzzy, (tx) =>
      tx.execute<{ value: string | null; count: number }>(sql`with promos as ${runningPromotions}
        select ${key} as value, count(distinct p.id)::int as count
        from products p join variants v on v.product_id = p.id
        where ${and(productConditions(filters, without))} and ${and(variantConditions(filters, without))}
        group by 1`),
    );
  const bandKey = sql.raw(
    `case ${priceBands
      .map(
        ([min, max], i) =>
          `when ${effectivePriceText("v")} ${max == null ? `>= ${min}` : `between ${min} and ${max}`} then ${i}`,
      )
      .join(" ")} end`,
  );
  const [categories, sizes, colours, bands, total, inStore, names] = await Promise.all([
    countBy("category", sql`p.category_slug`),
    countBy("sizes", sql`v.options->>'size'`),
    countBy("colours", sql`v.options->>'colour'`),
    countBy("price", sql`(${bandKey})::text`),
    countBy(undefined, sql`'all'`),
    input.storeId ? countBy("availableIn", sql`case when ${inStoreSql(input.storeId)} then 'yes' end`) : null,
    db.execute<{ slug: string; name: string; name_pl: string }>(
      sql`select slug, name, name_pl from categories order by position`,
    ),
  ]);
  const values = (rows: { value: string | null; count: number }[], label: (value: string) => string) =>
    rows
      .filter((r): r is FacetValue => r.value != null)
      .map((r) => ({ ...r, label: label(r.value) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  const countOf = new Map(categories.map((r) => [r.value, r.count]));
  return {
    total: total[0]?.count ?? 0,
    categories: names
      .filter((c) => countOf.has(c.slug))
      .map((c) => ({ value: c.slug, label: contentIn(locale, c.name, c.name_pl), count: countOf.get(c.slug)! })),
    sizes: values(sizes, (size) => sizeLabel(locale, size)),
    colours: values(colours, (colour) => colourLabel(locale, colour)),
    priceBands: priceBands.map(([minMinor, maxMinor], i) => ({
      minMinor,
      maxMinor,
      count: bands.find((b) => b.value === String(i))?.count ?? 0,
    })),
    availableInStore: input.storeId
      ? { storeId: input.storeId, count: inStore?.find((r) => r.value === "yes")?.count ?? 0 }
      : null,
  };
}
