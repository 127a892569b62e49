import { sql, type SQL } from "drizzle-orm";

import type { DbOrTx } from "@omni/db";

import { inStockSql } from "../inventory";
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

/** Automatic promotions running now, as the pricing module applies them (codes excluded). */
const runningPromotions = sql`(select pr.id, pr.kind, pr.value, pr.category_slug, pr.product_id, pr.name, pr.name_pl
  from promotions pr where pr.active and pr.code is null and pr.starts_at <= now() and pr.ends_at > now())`;

/** What a promotion takes off a variant's price, as `discountFor` (pricing.ts) computes it. */
const discountText = (v: string) =>
  `least(${v}.price_minor, case when pr.kind = 'percent' then round(${v}.price_minor * least(100, pr.value) / 100.0)::int
    else pr.value end)`;
const appliesText = `(pr.category_slug is null or pr.category_slug = p.category_slug) and (pr.product_id is null or pr.product_id = p.id)`;

/** A variant's price after its best automatic promotion: what the shopper pays, used to sort and to filter by price. */
const effectivePriceText = (v: string) =>
  `(${v}.price_minor - coalesce((select max(${discountText(v)}) from promos pr where ${appliesText}), 0))`;
const effectivePrice = (v: string) => sql.raw(effectivePriceText(v));

/**
 * The common table expressions of a text query, in the statement that uses them (one round trip per search):
 * - `typed`: the words, folded ("żółta" → "zolta");
 * - `fixed`: each word kept when it begins a word of the catalogue's lexicon (`catalog_words`), else its nearest
 *   lexicon word by trigram similarity (the lexicon's GIN index; `%` keeps those at `pg_trgm.similarity_threshold`,
 *   0.3 by default). Words with a digit are taken as typed: numbers are not in the lexicon;
 * - `corr`: one row, the corrected full-text query (a word is replaced when its neighbour is at least 0.4 alike,
 *   which forgives one wrong or missing letter: "jensy" is 0.44 from "jeansy") and the "did you mean" text (0.3);
 * - `codes`: the products of a variant whose SKU or EAN is exactly the query (two unique indexes).
 */
function textCtes(query: string, words: string[]): SQL {
  // Whitespace never occurs in a SKU or an EAN: a query with several words skips the code look-up.
  const code = query && query.length <= 64 && !/\s/.test(query) ? query : null;
  return sql`typed as (
      select t.i, omni_unaccent(t.w) as w from unnest(${sql.param(words)}::text[]) with ordinality as t(w, i)),
    fixed as (
      select t.i, t.w, k.known, n.word as near, coalesce(n.sim, 0) as sim
      from typed t
      cross join lateral (select t.w ~ '[0-9]' or exists (
        select 1 from catalog_words c where c.word like t.w || '%') as known) k
      left join lateral (
        select c.word, similarity(c.word, t.w) as sim from catalog_words c
        where not k.known and c.word % t.w order by sim desc, c.word limit 1) n on true),
    corr as (
      select to_tsquery('simple', string_agg(case when known or sim < ${fixAt} then w else near end || ':*', ' & ' order by i))
               as tsq,
             string_agg(w, ' ' order by i) as folded,
             string_agg(case when known or sim < ${suggestAt} then w else near end, ' ' order by i) as suggestion
      from fixed),
    codes as (
      select coalesce(array_agg(v.product_id), '{}') as ids from variants v
      where ${code}::text is not null and (v.sku = upper(${code}) or v.ean = ${code}))`;
}
/** Similarity at which a word is corrected silently, and at which it is only offered as "did you mean". */
const fixAt = 0.4;
const suggestAt = 0.3;

const textMatch = sql`(p.search_vector @@ (select tsq from corr) or p.id = any((select ids from codes)::uuid[]))`;
const codeMatch = sql`p.id = any((select ids from codes)::uuid[])`;
const relevanceSql = sql`(${codeMatch})::int * 10 + ts_rank(p.search_vector, (select tsq from corr), 1)`;

type Dimension = "category" | "sizes" | "colours" | "price" | "availableIn";

/** The product-level conditions of the filters, leaving out one dimension (for that dimension's facet counts). */
function productConditions(filters: CatalogFilters, without?: Dimension): SQL[] {
  const where: SQL[] = [sql`p.active`];
  const query = filters.query?.trim();
  if (query && queryWords(query).length) where.push(textMatch);
  else if (query) where.push(codeMatch);
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
  sql`exists (select 1 from stock_levels sl where sl.sku = v.sku and sl.location_id = ${storeId} and ${inStockSql})`;

const and = (parts: SQL[]) => sql.join(parts, sql` and `);

/** The statement's leading `with`: promotions, and the text query's corrections when there are words. */
const withClause = (query: string, words: string[]) =>
  query
    ? sql`with promos as materialized ${runningPromotions}, ${textCtes(query, words)}`
    : sql`with promos as materialized ${runningPromotions}`;

/** Cursors are opaque to clients; inside they are an offset. */
const decodeCursor = (cursor?: string | null) => {
  const n = cursor ? Number.parseInt(cursor, 36) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

type SearchRow = {
  id: string | null;
  slug: string;
  title: string;
  title_pl: string;
  category_slug: string;
  image_hue: number;
  image_id: string | null;
  price_minor: number | null;
  list_price_minor: number | null;
  currency: string | null;
  promotion: string | null;
  promotion_pl: string | null;
  in_stock: boolean;
  rating_average: number | null;
  rating_count: number;
  folded: string | null;
  suggestion: string | null;
};

/**
 * One statement per search: the words corrected against the lexicon, the page of products matched through the
 * full-text index (or the listing index without words) and ranked, and for each product of the page its cheapest
 * variant after promotions, whether it is in stock anywhere, its rating and its first picture. Under load every
 * round trip waits for a core, so five queries cost several times one.
 */
export async function searchCatalog(db: DbOrTx, input: CatalogSearchInput) {
  const limit = input.limit ?? 20;
  const offset = decodeCursor(input.cursor);
  const locale = input.locale ?? "en";
  const query = input.query?.trim() ?? "";
  const words = queryWords(query);
  const variantWhere = variantConditions(input);
  const byPrice = input.sort === "price_asc" || input.sort === "price_desc";
  const where = [
    ...productConditions(input),
    // Without a variant filter, "has an active variant" is a flag on the product row (kept by triggers).
    variantWhere.length === 1
      ? sql`p.has_active_variant`
      : sql`exists (select 1 from variants v where v.product_id = p.id and ${and(variantWhere)})`,
  ];
  // Bare output names, so that the page and the final select order alike.
  const order =
    input.sort === "price_asc"
      ? sql`min_price asc, slug`
      : input.sort === "price_desc"
        ? sql`min_price desc, slug`
        : input.sort === "newest"
          ? sql`created_at desc, slug`
          : words.length
            ? sql`rel desc, featured desc, slug`
            : sql`featured desc, slug`;
  const rows = await db.execute<SearchRow>(sql`${withClause(query, words)},
    page as materialized (
      select p.id, p.slug, p.title, p.title_pl, p.category_slug, p.image_hue, p.featured, p.created_at,
        ${words.length ? relevanceSql : query ? sql`(${codeMatch})::int * 10` : sql`0`} as rel,
        ${byPrice ? sql`(select min(${effectivePrice("v")}) from variants v where v.product_id = p.id and v.active)` : sql`null::int`} as min_price
      from products p
      where ${and(where)}
      order by ${order}
      limit ${limit + 1} offset ${offset})
    select page.*, best.price_minor, best.list_price_minor, best.currency, best.promotion, best.promotion_pl,
      exists (select 1 from variants v join stock_levels sl on sl.sku = v.sku
              where v.product_id = page.id and v.active and ${inStockSql}) as in_stock,
      r.average as rating_average, coalesce(r.count, 0) as rating_count,
      (select pi.id from product_images pi where pi.product_id = page.id order by pi.position, pi.created_at limit 1)
        as image_id,
      ${words.length ? sql`corr.folded, corr.suggestion` : sql`null as folded, null as suggestion`}
    from ${words.length ? sql`corr left join page on true` : sql`page`}
    left join lateral (
      select v.price_minor - coalesce(bp.off, 0) as price_minor, v.price_minor as list_price_minor, v.currency,
             bp.name as promotion, bp.name_pl as promotion_pl
      from variants v join products p on p.id = v.product_id
      left join lateral (select pr.name, pr.name_pl, ${sql.raw(discountText("v"))} as off from promos pr
                         where ${sql.raw(appliesText)} order by off desc, pr.id limit 1) bp on true
      where v.product_id = page.id and v.active
      order by price_minor, v.position limit 1) best on true
    left join lateral (
      select round(avg(rv.rating)::numeric, 1)::float as average, count(*)::int as count
      from reviews rv where rv.status = 'published' and rv.product_id = page.id) r on true
    order by ${order}`);

  const found = rows.filter((r): r is SearchRow & { id: string } => r.id != null);
  const items = found.slice(0, limit).map((p) => ({
    slug: p.slug,
    title: contentIn(locale, p.title, p.title_pl),
    category: p.category_slug,
    priceMinor: p.price_minor ?? 0,
    listPriceMinor: p.list_price_minor ?? 0,
    currency: p.currency ?? "PLN",
    promotion: p.promotion ? contentIn(locale, p.promotion, p.promotion_pl) : null,
    inStock: p.in_stock,
    imageHue: p.image_hue,
    imageId: p.image_id,
    rating: p.rating_count ? { average: p.rating_average, count: p.rating_count } : noRating,
  }));
  const first = rows[0];
  const didYouMean =
    items.length === 0 && offset === 0 && first?.suggestion && first.suggestion !== first.folded
      ? first.suggestion
      : null;
  return { items, nextCursor: found.length > limit ? (offset + limit).toString(36) : null, didYouMean };
}

/** Up to six products for the search box while the shopper types: title, picture seed and price. */
export async function suggestProducts(db: DbOrTx, input: { query: string; locale?: Locale; limit?: number }) {
  if (!queryWords(input.query).length) return { items: [] };
  const result = await searchCatalog(db, { query: input.query, locale: input.locale, limit: input.limit ?? 6 });
  return {
    items: result.items.map(({ slug, title, category, priceMinor, listPriceMinor, currency, imageHue, imageId }) => ({
      slug,
      title,
      category,
      priceMinor,
      listPriceMinor,
      currency,
      imageHue,
      imageId,
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

/** The conditions of one variant-level dimension alone (the facet flag of that dimension). */
function ownCondition(filters: CatalogFilters, dimension: Exclude<Dimension, "category">): SQL[] {
  const only: CatalogFilters = {
    sizes: dimension === "sizes" ? filters.sizes : undefined,
    colours: dimension === "colours" ? filters.colours : undefined,
    minPriceMinor: dimension === "price" ? filters.minPriceMinor : undefined,
    maxPriceMinor: dimension === "price" ? filters.maxPriceMinor : undefined,
    availableIn: dimension === "availableIn" ? filters.availableIn : undefined,
  };
  return variantConditions(only);
}

/**
 * Facet counts: for each value, how many products match every OTHER filter and that value, so that counts follow
 * the shopper's choices (picking "M" changes the colour counts, not the size counts).
 */
export async function catalogFacets(db: DbOrTx, input: CatalogFilters & { storeId?: string; locale?: Locale }) {
  const locale = input.locale ?? "en";
  const query = input.query?.trim() ?? "";
  const bandKey = sql.raw(
    `case ${priceBands
      .map(([min, max], i) => `when e.price ${max == null ? `>= ${min}` : `between ${min} and ${max}`} then ${i}`)
      .join(" ")} end`,
  );
  // Each dimension's filter as a flag of the matching variant rows, computed once; a facet counts the rows that pass
  // every flag but its own. One statement and one pass over the matches instead of one query per facet.
  const flag = (dimension: Dimension) =>
    dimension === "category"
      ? input.category
        ? sql`p.category_slug = ${input.category}`
        : sql`true`
      : and(ownCondition(input, dimension));
  const dims: Dimension[] = ["category", "sizes", "colours", "price", "availableIn"];
  const others = (dimension?: Dimension) =>
    sql.raw(
      dims
        .filter((d) => d !== dimension)
        .map((d) => `ok_${d}`)
        .join(" and "),
    );
  // Distinct products per value as two hashed groupings (value and product, then value): `count(distinct id)` sorts
  // every matching variant row, six times per call (25,000 rows for a word found in a quarter of the catalogue).
  const count = (dim: string, key: string, without?: Dimension, extra = "") =>
    sql`select ${dim}::text as dim, value, count(*)::int as count from (
          select ${sql.raw(key)}::text as value, id from m where ${others(without)} ${sql.raw(extra)} group by 1, 2) g
        group by value`;
  // "Available in my store": per matching product, its variants (those that pass the other filters) are probed in the
  // store until one has a unit, instead of probing every matching variant row (25,000 for a common word).
  const storeCount = (storeId: string) =>
    sql`select 'store'::text as dim, 'yes'::text as value, count(*)::int as count
        from (select distinct id from m where ${others("availableIn")}) g
        where exists (select 1 from variants v join products p on p.id = v.product_id
                      where v.product_id = g.id and ${and(variantConditions(input, "availableIn"))}
                        and ${inStoreSql(storeId)})`;
  const counting = db.execute<{
    dim: string;
    value: string | null;
    count: number;
  }>(sql`${withClause(query, queryWords(query))},
    m as materialized (
      select p.id, p.category_slug as category, v.options->>'size' as size, v.options->>'colour' as colour,
        ${bandKey} as band,
        ${sql.join(
          dims.map((d) => sql`${flag(d)} as ${sql.raw(`ok_${d}`)}`),
          sql`, `,
        )}
      from products p join variants v on v.product_id = p.id
      cross join lateral (select ${effectivePrice("v")} as price offset 0) e
      where ${and(productConditions(input, "category"))} and v.active)
    ${count("category", "category", "category")}
    union all ${count("sizes", "size", "sizes")}
    union all ${count("colours", "colour", "colours")}
    union all ${count("price", "band", "price")}
    union all ${count("total", "'all'")}
    ${input.storeId ? sql`union all ${storeCount(input.storeId)}` : sql``}`);
  const [rows, names] = await Promise.all([
    counting,
    db.execute<{ slug: string; name: string; name_pl: string }>(
      sql`select slug, name, name_pl from categories order by position`,
    ),
  ]);
  const of = (dim: string) => rows.filter((r) => r.dim === dim);
  const [categories, sizes, colours, bands, total, inStore] = [
    of("category"),
    of("sizes"),
    of("colours"),
    of("price"),
    of("total"),
    of("store"),
  ];
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
