import { and, asc, eq, inArray, sql } from "drizzle-orm";

import { ONLINE_LOCATION } from "@omni/core";
import { products, reorderPoints, variants, type Database, type DbOrTx } from "@omni/db";

import { availabilityBySku } from "../inventory";
import { badRequest, canManage, forbidden, notFound, recordAudit, type Actor } from "../kernel";
import { findLocation } from "../stores";
import { createTransferInTx, type TransferLineInput } from "./transfers";

/**
 * Replenishment: each store keeps a minimum (reorder point) per SKU; below it, the warehouse sends
 * enough to bring the store back to twice the minimum.
 */
const assertManager = (actor: Actor, storeId: string) => {
  if (!canManage(actor, storeId))
    throw forbidden("Only a manager of this store can change its replenishment.", { reason: "manager_only" });
};

/** Sets the minimum of the listed SKUs, or of every SKU of a category at once. */
export async function setReorderPoints(
  db: Database,
  actor: Actor,
  input: { storeId: string; minQuantity: number; skus?: string[]; category?: string },
): Promise<{ updated: number }> {
  assertManager(actor, input.storeId);
  if (!input.skus?.length && !input.category)
    throw badRequest("Name the SKUs or a category to set the minimum for.", {
      reason: "replenishment_nothing_chosen",
      field: "skus",
    });
  return db.transaction(async (tx) => {
    const store = await findLocation(tx, input.storeId);
    const rows = await tx
      .select({ sku: variants.sku })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(input.category ? eq(products.categorySlug, input.category) : inArray(variants.sku, input.skus ?? []));
    if (!rows.length)
      throw input.category
        ? notFound(`Category ${input.category}`, "category_not_found", { category: input.category })
        : notFound(`SKU ${input.skus![0]}`, "sku_not_found", { sku: input.skus![0] });
    await tx
      .insert(reorderPoints)
      .values(rows.map((r) => ({ locationId: store.id, sku: r.sku, minQuantity: input.minQuantity })))
      .onConflictDoUpdate({
        target: [reorderPoints.locationId, reorderPoints.sku],
        set: { minQuantity: input.minQuantity, updatedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: "replenishment.setReorderPoints",
      entityType: "store",
      entityId: store.id,
      storeId: store.id,
      after: { minQuantity: input.minQuantity, category: input.category ?? null, skus: rows.length },
    });
    return { updated: rows.length };
  });
}

/** SKUs of a store below their minimum, with the quantity to ask the warehouse for. */
export async function replenishmentSuggestions(db: DbOrTx, actor: Actor, input: { storeId: string }) {
  assertManager(actor, input.storeId);
  await findLocation(db, input.storeId);
  const rows = await db
    .select({
      sku: reorderPoints.sku,
      minQuantity: reorderPoints.minQuantity,
      variantTitle: variants.title,
      productTitle: products.title,
      category: products.categorySlug,
      onHand: sql<number>`coalesce((select on_hand from stock_levels where location_id = ${input.storeId} and sku = ${reorderPoints.sku}), 0)::int`,
      held: sql<number>`coalesce((select held from stock_levels where location_id = ${input.storeId} and sku = ${reorderPoints.sku}), 0)::int`,
      incoming: sql<number>`coalesce((select sum(tl.quantity) from transfer_lines tl join transfers t on t.id = tl.transfer_id
        where t.to_location_id = ${input.storeId} and tl.sku = ${reorderPoints.sku} and t.status in ('requested', 'in_transit') and t.order_id is null), 0)::int`,
    })
    .from(reorderPoints)
    .innerJoin(variants, eq(variants.sku, reorderPoints.sku))
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(eq(reorderPoints.locationId, input.storeId), sql`${reorderPoints.minQuantity} > 0`))
    .orderBy(asc(reorderPoints.sku));
  const below = rows.filter((r) => r.onHand - r.held + r.incoming < r.minQuantity);
  const warehouse = await availabilityBySku(
    db,
    below.map((r) => r.sku),
  );
  return below.map((r) => {
    const atWarehouse = warehouse.get(r.sku)?.find((l) => l.storeId === ONLINE_LOCATION)?.available ?? 0;
    const wanted = 2 * r.minQuantity - (r.onHand - r.held + r.incoming);
    return {
      sku: r.sku,
      title: `${r.productTitle} – ${r.variantTitle}`,
      category: r.category,
      minQuantity: r.minQuantity,
      onHand: r.onHand,
      available: Math.max(0, r.onHand - r.held),
      incoming: r.incoming,
      warehouseAvailable: atWarehouse,
      suggested: Math.max(0, Math.min(wanted, atWarehouse)),
    };
  });
}

/** Turns the chosen suggestions into one transfer from the warehouse. */
export async function replenish(
  db: Database,
  actor: Actor,
  input: { storeId: string; lines: TransferLineInput[] },
): Promise<{ transferNumber: string; status: string }> {
  assertManager(actor, input.storeId);
  const transfer = await db.transaction((tx) =>
    createTransferInTx(tx, actor, {
      fromStoreId: ONLINE_LOCATION,
      toStoreId: input.storeId,
      lines: input.lines,
      reason: "Replenishment below the reorder point",
    }),
  );
  return { transferNumber: transfer.number, status: transfer.status };
}
