import { and, asc, eq, sql, type SQL } from "drizzle-orm";

import { categories, products, variants, type DbOrTx } from "@omni/db";

import { availableSql } from "../inventory";
import { notFound } from "../kernel";
import { priceSkus } from "./pricing";

export type CatalogSearchInput = {
  query?: string;
  category?: string;
  limit?: number;
  cursor?: string | null;
  sizes?: string[];
  colours?: string[];
  minPriceMinor?: number;
  maxPriceMinor?: number;
  /** Only products with a variant available in this store now. */
  availableIn?: string;
  sort?: "relevance" | "price_asc" | "price_desc" | "newest";
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Cursors are opaque to clients; inside they are an offset. */
const decodeCursor = (cursor?: string | null) => {
  const n = cursor ? Number.parseInt(cursor, 36) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

export async function searchCatalog(db: DbOrTx, input: CatalogSearchInput) {
  const limit = input.limit ?? 20;
  const offset = decodeCursor(input.cursor);
  const where: SQL[] = [sql`p.active`];
  const query = input.query?.trim();
  if (query) {
    for (const word of query.split(/\s+/).slice(0, 8)) {
      const like = `%${escapeLike(word)}%`;
      where.push(sql`(p.title ilike ${like} or p.description ilike ${like} or exists (
        select 1 from variants vq where vq.product_id = p.id and vq.sku ilike ${like}))`);
    }
  }
  if (input.category) where.push(sql`p.category_slug = ${input.category}`);
  const variantFilters: SQL[] = [sql`v.active`];
  if (input.sizes?.length) variantFilters.push(sql`v.options->>'size' in ${input.sizes}`);
  if (input.colours?.length) variantFilters.push(sql`v.options->>'colour' in ${input.colours}`);
  if (input.minPriceMinor != null) variantFilters.push(sql`v.price_minor >= ${input.minPriceMinor}`);
  if (input.maxPriceMinor != null) variantFilters.push(sql`v.price_minor <= ${input.maxPriceMinor}`);
  if (input.availableIn) {
    variantFilters.push(
      sql`exists (select 1 from stock_levels sl where sl.sku = v.sku and sl.location_id = ${input.availableIn} and ${availableSql} > 0)`,
    );
  }
  where.push(
    sql`exists (select 1 from variants v where v.product_id = p.id and ${sql.join(variantFilters, sql` and `)})`,
  );

  const order =
    input.sort === "price_asc"
      ? sql`min_price asc, p.slug`
      : input.sort === "price_desc"
        ? sql`min_price desc, p.slug`
        : input.sort === "newest"
          ? sql`p.created_at desc, p.slug`
          : query
            ? sql`(p.title ilike ${`${escapeLike(query)}%`}) desc, p.featured desc, p.slug`
            : sql`p.featured desc, p.slug`;

  const rows = await db.execute<{
    id: string;
    slug: string;
    title: string;
    category_slug: string;
    image_hue: number;
    min_price: number;
  }>(sql`
    select p.id, p.slug, p.title, p.category_slug, p.image_hue,
      (select min(v.price_minor) from variants v where v.product_id = p.id and v.active) as min_price
    from products p
    where ${sql.join(where, sql` and `)}
    order by ${order}
    limit ${limit + 1} offset ${offset}`);

  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const skuRows = ids.length
    ? await db.execute<{ product_id: string; sku: string; in_stock: boolean }>(sql`
        select v.product_id, v.sku, exists (
          select 1 from stock_levels sl where sl.sku = v.sku and ${availableSql} > 0) as in_stock
        from variants v where v.product_id in ${ids} and v.active order by v.position`)
    : [];
  const prices = await priceSkus(
    db,
    skuRows.map((r) => r.sku),
  );
  const items = page.map((p) => {
    const mine = skuRows.filter((r) => r.product_id === p.id);
    const cheapest = mine
      .map((r) => prices.get(r.sku)!)
      .filter(Boolean)
      .sort((a, b) => a.priceMinor - b.priceMinor)[0];
    return {
      slug: p.slug,
      title: p.title,
      category: p.category_slug,
      priceMinor: cheapest?.priceMinor ?? p.min_price,
      listPriceMinor: cheapest?.listPriceMinor ?? p.min_price,
      currency: cheapest?.currency ?? "PLN",
      promotion: cheapest?.promotion?.name ?? null,
      inStock: mine.some((r) => r.in_stock),
      imageHue: p.image_hue,
    };
  });
  return { items, nextCursor: rows.length > limit ? (offset + limit).toString(36) : null };
}

export async function getProduct(db: DbOrTx, slug: string) {
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      description: products.description,
      category: products.categorySlug,
      categoryName: categories.name,
      categoryNamePl: categories.namePl,
      finalSale: categories.finalSale,
      vatRate: products.vatRate,
      imageHue: products.imageHue,
    })
    .from(products)
    .innerJoin(categories, eq(categories.slug, products.categorySlug))
    .where(and(eq(products.slug, slug), eq(products.active, true)));
  if (!product) throw notFound("This product");
  const rows = await db
    .select({ sku: variants.sku, title: variants.title, options: variants.options, currency: variants.currency })
    .from(variants)
    .where(and(eq(variants.productId, product.id), eq(variants.active, true)))
    .orderBy(asc(variants.position));
  const prices = await priceSkus(
    db,
    rows.map((r) => r.sku),
  );
  const variantList = rows.map((v) => {
    const price = prices.get(v.sku)!;
    return {
      ...v,
      priceMinor: price.priceMinor,
      listPriceMinor: price.listPriceMinor,
      promotion: price.promotion?.name ?? null,
    };
  });
  return {
    slug: product.slug,
    title: product.title,
    description: product.description,
    category: product.category,
    categoryName: product.categoryName,
    categoryNamePl: product.categoryNamePl,
    currency: variantList[0]?.currency ?? "PLN",
    finalSale: product.finalSale,
    vatRate: product.vatRate,
    imageHue: product.imageHue,
    variants: variantList,
  };
}

export async function listCategories(db: DbOrTx) {
  return db.select().from(categories).orderBy(asc(categories.position));
}

/** The sizes and colours in use, for the shop's filters. */
export async function catalogFacets(db: DbOrTx, category?: string) {
  const rows = await db.execute<{ size: string | null; colour: string | null }>(sql`
    select distinct v.options->>'size' as size, v.options->>'colour' as colour
    from variants v join products p on p.id = v.product_id
    where p.active and v.active ${category ? sql`and p.category_slug = ${category}` : sql``}`);
  const sizes = [...new Set(rows.map((r) => r.size).filter((s): s is string => !!s))];
  const colours = [...new Set(rows.map((r) => r.colour).filter((c): c is string => !!c))].sort();
  return { sizes, colours };
}
