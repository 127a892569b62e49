import { eq, like, or, sql } from "drizzle-orm";
import type { z } from "zod";

import { categories, products, variants, type Database, type Tx } from "@omni/db";

import { badRequest, conflict, isUniqueViolation, notFound, recordAudit, type Actor } from "../kernel";
import { slugify, type newProduct, type variantFields } from "./catalog-inputs";

type NewProductInput = z.output<typeof newProduct>;
type VariantInput = z.output<typeof variantFields>;

/** A variant's name when none is given: its options, colour first ("Black / M"). */
export const variantTitle = (v: Pick<VariantInput, "title" | "options">) =>
  v.title || [v.options.colour, v.options.size].filter(Boolean).join(" / ") || "Standard";

export async function assertCategory(tx: Tx, slug: string) {
  const [category] = await tx.select({ slug: categories.slug }).from(categories).where(eq(categories.slug, slug));
  if (!category) throw badRequest(`There is no category "${slug}".`, { reason: "category_not_found", category: slug });
}

/** A free slug from the title: "linen-shirt", else "linen-shirt-2", "linen-shirt-3"… */
async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title) || "product";
  const taken = new Set(
    (
      await tx
        .select({ slug: products.slug })
        .from(products)
        .where(or(eq(products.slug, base), like(products.slug, `${base}-%`)))
    ).map((r) => r.slug),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Turns a unique violation of a SKU or EAN into words a clerk understands. */
export function duplicateCode(error: unknown, what: { sku?: string; ean?: string | null; slug?: string }): never {
  if (isUniqueViolation(error, "variants_pkey"))
    throw conflict(`SKU ${what.sku} already exists.`, { reason: "sku_exists", sku: what.sku });
  if (isUniqueViolation(error, "variants_ean_unique"))
    throw conflict(`EAN ${what.ean} is already used by another SKU.`, { reason: "ean_exists", ean: what.ean ?? "" });
  if (isUniqueViolation(error, "products_slug_unique"))
    throw conflict(`The slug "${what.slug}" is already used.`, { reason: "slug_exists", slug: what.slug ?? "" });
  throw error;
}

export async function insertVariant(tx: Tx, productId: string, v: VariantInput, position: number) {
  try {
    const [row] = await tx
      .insert(variants)
      .values({
        sku: v.sku,
        productId,
        ean: v.ean ?? null,
        title: variantTitle(v),
        options: v.options,
        priceMinor: v.priceMinor,
        unitCostMinor: v.unitCostMinor ?? null,
        active: v.active,
        position,
      })
      .returning();
    return row!;
  } catch (error) {
    duplicateCode(error, v);
  }
}

/** A new product with its variants (withdrawn until activated, unless `active`). */
export async function createProduct(db: Database, actor: Actor, input: NewProductInput) {
  return db.transaction(async (tx) => {
    await assertCategory(tx, input.categorySlug);
    const slug = input.slug ?? (await freeSlug(tx, input.title));
    const { variants: variantInputs, ...content } = input;
    let product;
    try {
      [product] = await tx
        .insert(products)
        .values({ ...content, slug, imageHue: hueOf(slug) })
        .returning();
    } catch (error) {
      duplicateCode(error, { slug });
    }
    const created = [];
    for (const [i, v] of variantInputs.entries()) created.push(await insertVariant(tx, product!.id, v, i));
    await recordAudit(tx, actor, {
      action: "products.create",
      entityType: "product",
      entityId: product!.id,
      after: { ...product, searchVector: undefined, variants: created },
    });
    return { ...product!, variants: created };
  });
}

/** Adds a variant (a new size or colour) to a product. */
export async function createVariant(db: Database, actor: Actor, input: VariantInput & { productId: string }) {
  return db.transaction(async (tx) => {
    const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
    if (!product) throw notFound("This product", "product_not_found");
    const [{ next }] = (await tx.execute<{ next: number }>(
      sql`select coalesce(max(position) + 1, 0)::int as next from variants where product_id = ${input.productId}`,
    )) as unknown as [{ next: number }];
    const { productId, ...variant } = input;
    const row = await insertVariant(tx, productId, variant, next);
    await recordAudit(tx, actor, {
      action: "products.createVariant",
      entityType: "variant",
      entityId: row.sku,
      after: row,
    });
    return row;
  });
}

/** The seed of the drawn placeholder picture: stable per slug, so a product keeps its colour. */
export function hueOf(slug: string): number {
  let hash = 0;
  for (const c of slug) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
  return hash % 360;
}
