import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";

import { categories, products, variants, type Database, type DbOrTx, type VariantOptions } from "@omni/db";

import { notFound, recordAudit, type Actor } from "../kernel";
import { listProductImages } from "./images";
import type { Locale } from "./locale";
import { assertCategory, duplicateCode } from "./product-create";

/** The back office's view of products, inactive ones included. */
export async function listProductsForStaff(
  db: DbOrTx,
  input: { query?: string; category?: string; locale?: Locale; limit: number; offset: number },
) {
  // The clerk reads each title in their language (the Polish one, or the English where there is none), so
  // the list is in the order of those words, with Polish letters in their Polish places (Ł after L, not after Z).
  const title =
    input.locale === "pl"
      ? sql`coalesce(nullif(${products.titlePl}, ''), ${products.title}) collate "pl-x-icu"`
      : sql`${products.title} collate "en-x-icu"`;
  const where = and(
    input.query
      ? or(
          ilike(products.title, `%${input.query.replace(/[\\%_]/g, "\\$&")}%`),
          ilike(products.titlePl, `%${input.query.replace(/[\\%_]/g, "\\$&")}%`),
          ilike(products.slug, `%${input.query}%`),
        )
      : undefined,
    input.category ? eq(products.categorySlug, input.category) : undefined,
  );
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      titlePl: products.titlePl,
      category: products.categorySlug,
      // The clerk reads the category's name in their language; the slug stays for filters and links.
      categoryName: categories.name,
      categoryNamePl: categories.namePl,
      active: products.active,
      imageHue: products.imageHue,
      variantCount: sql<number>`(select count(*)::int from variants v where v.product_id = ${products.id})`,
      minPriceMinor: sql<number>`(select min(v.price_minor)::int from variants v where v.product_id = ${products.id})`,
    })
    .from(products)
    .leftJoin(categories, eq(categories.slug, products.categorySlug))
    .where(where)
    .orderBy(desc(products.featured), asc(title), asc(products.id))
    .limit(input.limit + 1)
    .offset(input.offset);
  return {
    items: rows.slice(0, input.limit),
    nextOffset: rows.length > input.limit ? input.offset + input.limit : null,
  };
}

export async function getProductForStaff(db: DbOrTx, productId: string) {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) throw notFound("This product", "product_not_found");
  const variantRows = await db
    .select()
    .from(variants)
    .where(eq(variants.productId, productId))
    .orderBy(asc(variants.position));
  return { ...product, variants: variantRows, images: await listProductImages(db, productId) };
}

export async function updateProduct(
  db: Database,
  actor: Actor,
  input: {
    productId: string;
    title?: string;
    titlePl?: string;
    description?: string;
    descriptionPl?: string;
    categorySlug?: string;
    active?: boolean;
    featured?: boolean;
    vatRate?: 23 | 8 | 5 | 0;
  },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, input.productId)).for("update");
    if (!before) throw notFound("This product", "product_not_found");
    if (input.categorySlug) await assertCategory(tx, input.categorySlug);
    const { productId, ...changes } = input;
    const [after] = await tx.update(products).set(changes).where(eq(products.id, productId)).returning();
    await recordAudit(tx, actor, {
      action: "products.update",
      entityType: "product",
      entityId: productId,
      before,
      after,
    });
    return after!;
  });
}

export async function updateVariant(
  db: Database,
  actor: Actor,
  input: {
    sku: string;
    title?: string;
    ean?: string | null;
    options?: VariantOptions;
    priceMinor?: number;
    unitCostMinor?: number | null;
    active?: boolean;
  },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(variants).where(eq(variants.sku, input.sku)).for("update");
    if (!before) throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
    const { sku, ...changes } = input;
    let after;
    try {
      [after] = await tx.update(variants).set(changes).where(eq(variants.sku, sku)).returning();
    } catch (error) {
      duplicateCode(error, input);
    }
    await recordAudit(tx, actor, {
      action: "products.updateVariant",
      entityType: "variant",
      entityId: sku,
      before,
      after,
    });
    return after!;
  });
}
