import { sql, type SQL } from "drizzle-orm";

import type { Database, DbOrTx } from "@omni/db";

import { contentIn, priceSkus, type Locale } from "../catalog";
import { availableSql } from "../inventory";
import { domainEnv, notFound, type Sweep } from "../kernel";

/** Orders that count as bought: not the ones that were cancelled or never collected. */
const BOUGHT = sql`o.status not in ('cancelled', 'expired')`;

/**
 * Rebuilds "bought together" from every channel's orders (item-to-item co-occurrence, Amazon's 2003 method):
 * for each pair of products, how many orders held both; and the units sold per product, the bestsellers. In one
 * transaction, so a product page never reads a half-built table.
 */
// The build is stamped with the database's clock, which also stamps the order events it is compared with.
export async function refreshProductPairs(
  db: Database,
  options: { force?: boolean; minIntervalMinutes?: number } = {},
): Promise<number> {
  return db.transaction(async (tx) => {
    // One refresher at a time; another worker's run in progress does the same work.
    const [lock] = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtext('refresh-recommendations')) as ok`,
    );
    if (!lock?.ok) return 0;
    // Nothing happened to any order since the last build (an order event is every change that matters).
    const [fresh] = await tx.execute<{ fresh: boolean }>(sql`
      select (select max(refreshed_at) from product_pairs) >= coalesce((select max(at) from order_events), '-infinity')
        as fresh`);
    if (fresh?.fresh && !options.force) return 0;
    // A busy shop changes orders all the time; one rebuild per interval is enough for "bought together".
    if (options.minIntervalMinutes && !options.force) {
      const [recent] = await tx.execute<{ recent: boolean }>(sql`
        select coalesce(max(refreshed_at) > now() - make_interval(mins => ${options.minIntervalMinutes}), false)
          as recent from product_pairs`);
      if (recent?.recent) return 0;
    }
    await tx.execute(sql`delete from product_sales`);
    await tx.execute(sql`
      insert into product_sales (product_id, sold, refreshed_at)
      select v.product_id, sum(ol.quantity - ol.declined_quantity)::int, now()
      from order_lines ol join orders o on o.id = ol.order_id join variants v on v.sku = ol.sku
      where ${BOUGHT} group by v.product_id`);
    await tx.execute(sql`delete from product_pairs`);
    const inserted = await tx.execute<{ product_id: string }>(sql`
      with bought as (
        select distinct ol.order_id, v.product_id
        from order_lines ol
        join orders o on o.id = ol.order_id
        join variants v on v.sku = ol.sku
        where ${BOUGHT} and ol.declined_quantity < ol.quantity)
      insert into product_pairs (product_id, other_product_id, orders, refreshed_at)
      select a.product_id, b.product_id, count(*)::int, now()
      from bought a join bought b on a.order_id = b.order_id and a.product_id <> b.product_id
      group by a.product_id, b.product_id
      returning product_id`);
    return inserted.length;
  });
}

export const refreshRecommendationsSweep: Sweep = {
  name: "refresh-recommendations",
  cron: "3-59/10 * * * *",
  run: (db) => refreshProductPairs(db, { minIntervalMinutes: 10 }),
};

export type Recommendation = {
  slug: string;
  title: string;
  category: string;
  priceMinor: number;
  currency: string;
  imageHue: number;
  /** The product's first stored picture (served by `/api/images/<id>`), if it has one. */
  imageId: string | null;
  inStock: boolean;
  /** Only when a store was named: whether that store has it on its shelves now. */
  inStore?: boolean;
};

/** Units sold per product, the bestseller measure that fills a thin history (as of the sweep's last run). */
const soldPerProduct = sql`select product_id, sold from product_sales`;

/**
 * Ranks candidates (a lower rank is better), keeps what is active, in stock somewhere and not excluded,
 * and prices them through the one pricing function.
 */
async function rankedProducts(
  db: DbOrTx,
  input: { candidates: SQL; exclude: SQL; limit: number; storeId?: string; locale?: Locale },
): Promise<Recommendation[]> {
  const inStockAt = (where: SQL) => sql`exists (
    select 1 from variants v join stock_levels sl on sl.sku = v.sku
    where v.product_id = p.id and v.active and ${where} and ${availableSql} > 0)`;
  const rows = await db.execute<{
    id: string;
    slug: string;
    title: string;
    title_pl: string | null;
    category_slug: string;
    image_hue: number;
    image_id: string | null;
    in_store: boolean;
    skus: string[];
  }>(sql`
    with candidates as (${input.candidates}),
    ranked as (select pid, min(rank) as rank from candidates group by pid)
    select p.id, p.slug, p.title, p.title_pl, p.category_slug, p.image_hue,
      (select pi.id from product_images pi where pi.product_id = p.id order by pi.position, pi.created_at limit 1)
        as image_id,
      ${input.storeId ? inStockAt(sql`sl.location_id = ${input.storeId}`) : sql`false`} as in_store,
      -- The product's SKUs come with it (not in a second round trip): the cheapest one prices it.
      array(select v.sku from variants v where v.product_id = p.id and v.active) as skus
    from ranked r join products p on p.id = r.pid
    where p.active and ${inStockAt(sql`true`)} and not (${input.exclude})
    order by r.rank, p.slug
    limit ${input.limit}`);
  if (!rows.length) return [];
  const prices = await priceSkus(
    db,
    rows.flatMap((r) => r.skus),
  );
  return rows.map((p) => {
    const cheapest = p.skus
      .map((sku) => prices.get(sku))
      .filter((price) => price !== undefined)
      .sort((a, b) => a.priceMinor - b.priceMinor)[0];
    return {
      slug: p.slug,
      title: contentIn(input.locale, p.title, p.title_pl),
      category: p.category_slug,
      priceMinor: cheapest?.priceMinor ?? 0,
      currency: cheapest?.currency ?? "PLN",
      imageHue: p.image_hue,
      imageId: p.image_id,
      inStock: true,
      ...(input.storeId ? { inStore: p.in_store } : {}),
    };
  });
}

/** Products that have a variant in an open cart. */
const inCart = (cartId: string | undefined) =>
  cartId
    ? sql`exists (select 1 from cart_lines cl join variants cv on cv.sku = cl.sku
        where cl.cart_id = ${cartId} and cv.product_id = p.id)`
    : sql`false`;

// Ranks: bought together first (by orders), then bestsellers of the category, then the rest of the category,
// then bestsellers anywhere. Each tier is a million apart so its own score orders within it.
const TIER = 1_000_000;

/**
 * `recommendations.forProduct`: what shoppers bought together with it in every channel, filled with
 * bestsellers of its category; never the product itself, never what is out of stock everywhere, never what
 * is in the given cart. With a store (the kiosk), what that store has on its shelves comes first.
 */
export async function recommendForProduct(
  db: DbOrTx,
  input: { slug: string; limit?: number; cartId?: string; storeId?: string; locale?: Locale },
): Promise<{ items: Recommendation[] }> {
  const [product] = await db.execute<{ id: string; category_slug: string }>(
    sql`select id, category_slug from products where slug = ${input.slug} and active`,
  );
  if (!product) throw notFound("This product", "product_not_found");
  const items = await rankedProducts(db, {
    limit: input.limit ?? 8,
    storeId: input.storeId,
    locale: input.locale,
    exclude: sql`p.id = ${product.id} or ${inCart(input.cartId)}`,
    candidates: sql`
      select other_product_id as pid, -orders as rank from product_pairs where product_id = ${product.id}
      union all
      select s.product_id, ${TIER} - s.sold from (${soldPerProduct}) s
        join products sp on sp.id = s.product_id where sp.category_slug = ${product.category_slug}
      union all
      select id, ${2 * TIER} from products where category_slug = ${product.category_slug}`,
  });
  return { items: input.storeId ? sortInStoreFirst(items) : items };
}

/** `recommendations.forCart`: bought together with what is in the cart, without what is in it. */
export async function recommendForCart(
  db: DbOrTx,
  input: { cartId: string; limit?: number; storeId?: string; locale?: Locale },
): Promise<{ items: Recommendation[] }> {
  const inThisCart = sql`select cv.product_id from cart_lines cl join variants cv on cv.sku = cl.sku
    where cl.cart_id = ${input.cartId}`;
  const items = await rankedProducts(db, {
    limit: input.limit ?? 8,
    storeId: input.storeId,
    locale: input.locale,
    exclude: inCart(input.cartId),
    candidates: sql`
      select other_product_id as pid, -sum(orders) as rank from product_pairs
        where product_id in (${inThisCart}) group by other_product_id
      union all
      select s.product_id, ${TIER} - s.sold from (${soldPerProduct}) s
        join products sp on sp.id = s.product_id
        where sp.category_slug in (select category_slug from products where id in (${inThisCart}))
      union all
      select s.product_id, ${3 * TIER} - s.sold from (${soldPerProduct}) s`,
  });
  return { items: input.storeId ? sortInStoreFirst(items) : items };
}

/**
 * `recommendations.forMe`: from a member's orders in every channel (signed in, or with their e-mail at a
 * kiosk or counter), what others bought with those products, then bestsellers of the same categories, then
 * bestsellers anywhere; never what they already bought. Without a member: bestsellers.
 */
export async function recommendForMember(
  db: DbOrTx,
  input: { userId?: string | null; limit?: number; storeId?: string; locale?: Locale },
): Promise<{ items: Recommendation[]; personal: boolean }> {
  const limit = input.limit ?? 8;
  const bestsellers = sql`
    select s.product_id as pid, ${3 * TIER} - s.sold as rank from (${soldPerProduct}) s
    union all
    select id, ${4 * TIER} from products where featured`;
  if (!input.userId) {
    return {
      items: await rankedProducts(db, { limit, candidates: bestsellers, exclude: sql`false` }),
      personal: false,
    };
  }
  const owned = sql`select distinct v.product_id from orders o
    join order_lines ol on ol.order_id = o.id join variants v on v.sku = ol.sku
    where ${BOUGHT} and (o.user_id = ${input.userId}
      or lower(o.email) = (select lower(email) from users where id = ${input.userId}))`;
  const [{ n } = { n: 0 }] = await db.execute<{ n: number }>(sql`select count(*)::int as n from (${owned}) x`);
  const items = await rankedProducts(db, {
    limit,
    storeId: input.storeId,
    locale: input.locale,
    exclude: sql`p.id in (${owned})`,
    candidates: sql`
      select other_product_id as pid, -sum(orders) as rank from product_pairs
        where product_id in (${owned}) group by other_product_id
      union all
      select s.product_id, ${TIER} - s.sold from (${soldPerProduct}) s
        join products sp on sp.id = s.product_id
        where sp.category_slug in (select category_slug from products where id in (${owned}))
      union all
      select id, ${2 * TIER} from products
        where category_slug in (select category_slug from products where id in (${owned}))
      union all
      ${bestsellers}`,
  });
  return { items, personal: n > 0 };
}

const sortInStoreFirst = (items: Recommendation[]) =>
  [...items].sort((a, b) => Number(b.inStore ?? false) - Number(a.inStore ?? false));

/**
 * The "you may also like" list of the order confirmation: bought together with the order's goods (`skus`), then
 * the rest of their categories, without what was ordered. Only the precomputed pairs and the categories are
 * read (no bestseller count), so the checkout stays short.
 */
export async function alsoLikeItems(
  db: DbOrTx,
  input: { skus: string[]; locale: string | null },
): Promise<{ title: string; link: string }[]> {
  // By the SKUs the caller has in hand, each found by its key: joined to the order's lines instead, the planner
  // scanned every variant three times.
  const ordered = sql`select ov.product_id from variants ov where ov.sku = any(${sql.param(input.skus)}::text[])`;
  const items = await rankedProducts(db, {
    limit: 3,
    locale: input.locale === "pl" ? "pl" : "en",
    exclude: sql`p.id in (${ordered})`,
    candidates: sql`
      select other_product_id as pid, -sum(orders) as rank from product_pairs
        where product_id in (${ordered}) group by other_product_id
      union all
      select id, ${2 * TIER} from products
        where category_slug in (select category_slug from products where id in (${ordered}))`,
  });
  const shop = domainEnv.OMNI_WEB_URL.replace(/\/+$/, "");
  return items.map((i) => ({ title: i.title, link: `${shop}/p/${i.slug}` }));
}
