import { randomUUID } from "node:crypto";

import { and, asc, eq, sql } from "drizzle-orm";
import sharp from "sharp";

import { productImages, products, variants, type Database, type DbOrTx } from "@omni/db";

import { badRequest, notFound, recordAudit, type Actor } from "../kernel";
import { imageStoreFromSettings, type ImageStore } from "./image-store";

/** The widths served: a request is rounded up to one of these, so each picture has at most six resized copies. */
export const imageWidths = [160, 320, 640, 960, 1280, 1920] as const;
/** Uploads larger than this are refused: a product photo does not need more. */
export const IMAGE_MAX_BYTES = 10_000_000;
const accepted = new Set(["jpeg", "png", "webp", "avif", "gif", "tiff"]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stores a product picture: checked to be an image, turned upright, kept at most 2400 px on its long side as WebP.
 * The file is written before the row (the store is outside the database); a failed insert leaves an orphan file,
 * never a row without its file.
 */
export async function uploadProductImage(
  db: Database,
  actor: Actor,
  input: { productId: string; colour?: string | null; data: Buffer },
  store: ImageStore = imageStoreFromSettings(),
) {
  if (input.data.length > IMAGE_MAX_BYTES)
    throw badRequest("This picture is too large (at most 10 MB).", { reason: "picture_too_large", maxMegabytes: 10 });
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
  if (!product) throw notFound("This product", "product_not_found");
  if (input.colour) {
    const [match] = await db
      .select({ sku: variants.sku })
      .from(variants)
      .where(and(eq(variants.productId, input.productId), sql`${variants.options}->>'colour' = ${input.colour}`))
      .limit(1);
    if (!match)
      throw badRequest(`This product has no variant in the colour "${input.colour}".`, {
        reason: "picture_colour_unknown",
        colour: input.colour,
      });
  }
  const format = await sharp(input.data)
    .metadata()
    .then((m) => m.format)
    .catch(() => undefined);
  if (!format || !accepted.has(format))
    throw badRequest("This file is not a picture (JPEG, PNG, WebP or AVIF).", { reason: "picture_format" });
  const { data, info } = await sharp(input.data)
    .rotate()
    .resize({ width: 2400, height: 2400, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 88 })
    .toBuffer({ resolveWithObject: true });
  const id = randomUUID();
  const storageKey = `${id}/original.webp`;
  await store.put(storageKey, data, "image/webp");
  return db.transaction(async (tx) => {
    const [{ next }] = (await tx.execute<{ next: number }>(
      sql`select coalesce(max(position) + 1, 0)::int as next from product_images where product_id = ${input.productId}`,
    )) as unknown as [{ next: number }];
    const [row] = await tx
      .insert(productImages)
      .values({
        id,
        productId: input.productId,
        colour: input.colour || null,
        position: next,
        storageKey,
        width: info.width,
        height: info.height,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "products.uploadImage",
      entityType: "product",
      entityId: input.productId,
      after: row,
    });
    return row!;
  });
}

export async function listProductImages(db: DbOrTx, productId: string) {
  return db
    .select({
      id: productImages.id,
      colour: productImages.colour,
      width: productImages.width,
      height: productImages.height,
    })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.createdAt));
}

export async function deleteProductImage(
  db: Database,
  actor: Actor,
  input: { imageId: string },
  store: ImageStore = imageStoreFromSettings(),
) {
  const row = await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(productImages).where(eq(productImages.id, input.imageId)).returning();
    if (!deleted) throw notFound("This picture", "picture_not_found");
    await recordAudit(tx, actor, {
      action: "products.deleteImage",
      entityType: "product",
      entityId: deleted.productId,
      before: deleted,
    });
    return deleted;
  });
  await store.delete(row.id);
  return { id: row.id };
}

/** The width served for a requested one: the next stored width up, never wider than the picture itself. */
export function servedWidth(requested: number, original: number): number {
  const step = imageWidths.find((w) => w >= requested) ?? imageWidths[imageWidths.length - 1];
  return Math.min(step, original);
}

/**
 * A picture at (about) the requested width, as WebP. Resized copies are made once, on first request, and kept in
 * the store beside the original; an unknown id (or one that is not an id at all) is NOT_FOUND.
 */
export async function readProductImage(
  db: DbOrTx,
  input: { imageId: string; width: number },
  store: ImageStore = imageStoreFromSettings(),
): Promise<{ data: Buffer; contentType: string; width: number }> {
  if (!uuid.test(input.imageId)) throw notFound("This picture", "picture_not_found");
  const [row] = await db.select().from(productImages).where(eq(productImages.id, input.imageId));
  if (!row) throw notFound("This picture", "picture_not_found");
  const width = servedWidth(input.width, row.width);
  const key = `${row.id}/w${width}.webp`;
  const cached = await store.get(key);
  if (cached) return { data: cached, contentType: "image/webp", width };
  const original = await store.get(row.storageKey);
  if (!original) throw notFound("This picture's file", "picture_not_found");
  const data = await sharp(original).resize({ width }).webp({ quality: 80 }).toBuffer();
  await store.put(key, data, "image/webp");
  return { data, contentType: "image/webp", width };
}
