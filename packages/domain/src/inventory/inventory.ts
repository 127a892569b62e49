import { and, desc, eq, lt, sql } from "drizzle-orm";

import { stockMovements, users, variants, type Database, type DbOrTx, type Tx } from "@omni/db";

import { canManage, forbidden, notFound, recordAudit, runOnce, type Actor } from "../kernel";
import { storeExists } from "../stores";
import { availableSql, getAvailability } from "./availability";
import { adjustOnHand, setSafetyStock } from "./reserve-stock";

async function assertSkuAndStore(db: DbOrTx, sku: string, storeId: string) {
  if (!(await storeExists(db, storeId))) throw notFound(`Store ${storeId}`, "store_not_found", { store: storeId });
  const [variant] = await db.select({ sku: variants.sku }).from(variants).where(eq(variants.sku, sku));
  if (!variant) throw notFound(`SKU ${sku}`, "sku_not_found", { sku: sku });
}

/** A cycle count: the shelf holds `onHand` units. Safety stock stays as it is. */
export async function setOnHand(
  db: Database,
  actor: Actor,
  input: { storeId: string; sku: string; onHand: number; reason: string },
) {
  if (!canManage(actor, input.storeId))
    throw forbidden("Only a manager of this store can change its stock.", { reason: "manager_only" });
  return db.transaction(async (tx) => {
    await assertSkuAndStore(tx, input.sku, input.storeId);
    const before = await getAvailability(tx, { sku: input.sku, storeIds: [input.storeId] });
    const result = await adjustOnHand(tx, {
      locationId: input.storeId,
      sku: input.sku,
      setTo: input.onHand,
      reason: "cycle_count",
      note: input.reason,
      actor,
    });
    await recordAudit(tx, actor, {
      action: "inventory.setOnHand",
      entityType: "stock",
      entityId: `${input.storeId}/${input.sku}`,
      storeId: input.storeId,
      before: { available: before.locations[0]?.available },
      after: { onHand: result.onHand, available: result.available, reason: input.reason },
    });
    return { sku: input.sku, storeId: input.storeId, onHand: result.onHand, available: result.available };
  });
}

/**
 * Goods arriving at a store or the warehouse. A delta, unlike a count, doubles if sent twice, so it
 * takes an idempotency key: a retried delivery note adds its goods once.
 */
export async function receiveStock(
  db: Database,
  actor: Actor,
  input: { storeId: string; sku: string; quantity: number; reason: string; idempotencyKey: string },
) {
  if (!canManage(actor, input.storeId))
    throw forbidden("Only a manager of this store can receive stock.", { reason: "manager_only" });
  return db.transaction((tx) => runOnce(tx, actor, "inventory.receive", input, () => receiveInTx(tx, actor, input)));
}

async function receiveInTx(
  tx: Tx,
  actor: Actor,
  input: { storeId: string; sku: string; quantity: number; reason: string },
) {
  await assertSkuAndStore(tx, input.sku, input.storeId);
  const result = await adjustOnHand(tx, {
    locationId: input.storeId,
    sku: input.sku,
    delta: input.quantity,
    reason: "receiving",
    note: input.reason,
    actor,
  });
  await recordAudit(tx, actor, {
    action: "inventory.receive",
    entityType: "stock",
    entityId: `${input.storeId}/${input.sku}`,
    storeId: input.storeId,
    after: { received: input.quantity, onHand: result.onHand, reason: input.reason },
  });
  return { sku: input.sku, storeId: input.storeId, onHand: result.onHand, available: result.available };
}

/** The ledger of one SKU at one location, newest first. */
export async function listMovements(
  db: DbOrTx,
  input: { storeId: string; sku: string; limit?: number; before?: number },
) {
  return db
    .select({
      id: stockMovements.id,
      reason: stockMovements.reason,
      note: stockMovements.note,
      onHandDelta: stockMovements.onHandDelta,
      heldDelta: stockMovements.heldDelta,
      onHandBefore: stockMovements.onHandBefore,
      onHandAfter: stockMovements.onHandAfter,
      heldBefore: stockMovements.heldBefore,
      heldAfter: stockMovements.heldAfter,
      refType: stockMovements.refType,
      refId: stockMovements.refId,
      actorEmail: users.email,
      actorDeviceId: stockMovements.actorDeviceId,
      at: stockMovements.createdAt,
    })
    .from(stockMovements)
    .leftJoin(users, eq(users.id, stockMovements.actorUserId))
    .where(
      and(
        eq(stockMovements.locationId, input.storeId),
        eq(stockMovements.sku, input.sku),
        input.before ? lt(stockMovements.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(stockMovements.id))
    .limit(input.limit ?? 50);
}

/** SKUs of active products that a store is running out of: available at most `threshold`, scarcest first. */
export async function listLowStock(db: DbOrTx, input: { storeId: string; threshold: number; limit: number }) {
  const rows = await db.execute<{
    sku: string;
    title: string;
    product_title: string;
    slug: string;
    on_hand: number;
    available: number;
  }>(sql`
    select sl.sku, v.title, p.title as product_title, p.slug, sl.on_hand, ${availableSql} as available
    from stock_levels sl join variants v on v.sku = sl.sku join products p on p.id = v.product_id
    where sl.location_id = ${input.storeId} and v.active and p.active and sl.on_hand - sl.held - sl.safety_stock <= ${input.threshold}
    order by available, p.title, sl.sku
    limit ${input.limit}`);
  return rows
    .filter((r) => r.available <= input.threshold)
    .map((r) => ({
      sku: r.sku,
      title: r.title,
      productTitle: r.product_title,
      slug: r.slug,
      onHand: r.on_hand,
      available: r.available,
    }));
}

/** How many SKUs of active products a store is running out of, all of them (the dashboard's tile). */
export async function countLowStock(db: DbOrTx, input: { storeId: string; threshold: number }) {
  const [row] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count
    from stock_levels sl join variants v on v.sku = sl.sku join products p on p.id = v.product_id
    where sl.location_id = ${input.storeId} and v.active and p.active and ${availableSql} <= ${input.threshold}`);
  return { count: row?.count ?? 0 };
}

/** Units kept back from shoppers at a store for one SKU (display stock, damage margin). */
export async function updateSafetyStock(
  db: Database,
  actor: Actor,
  input: { storeId: string; sku: string; safetyStock: number },
) {
  if (!canManage(actor, input.storeId))
    throw forbidden("Only a manager of this store can change its safety stock.", { reason: "manager_only" });
  return db.transaction(async (tx) => {
    await assertSkuAndStore(tx, input.sku, input.storeId);
    const result = await setSafetyStock(tx, {
      locationId: input.storeId,
      sku: input.sku,
      safetyStock: input.safetyStock,
      actor,
    });
    await recordAudit(tx, actor, {
      action: "inventory.setSafetyStock",
      entityType: "stock",
      entityId: `${input.storeId}/${input.sku}`,
      storeId: input.storeId,
      after: { safetyStock: result.safetyStock, available: result.available },
    });
    return { sku: input.sku, storeId: input.storeId, ...result };
  });
}
