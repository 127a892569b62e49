import { and, desc, eq, lt } from "drizzle-orm";
import { stockMovements, users, variants, type Database, type DbOrTx } from "@omni/db";
import { canManage, type Actor } from "./actor";
import { recordAudit } from "./audit";
import { getAvailability } from "./availability";
import { forbidden, notFound } from "./errors";
import { adjustOnHand } from "./reserve-stock";
import { storeExists } from "./stores";

async function assertSkuAndStore(db: DbOrTx, sku: string, storeId: string) {
  if (!(await storeExists(db, storeId))) throw notFound(`Store ${storeId}`);
  const [variant] = await db.select({ sku: variants.sku }).from(variants).where(eq(variants.sku, sku));
  if (!variant) throw notFound(`SKU ${sku}`);
}

/** A cycle count: the shelf holds `onHand` units. Safety stock stays as it is. */
export async function setOnHand(
  db: Database,
  actor: Actor,
  input: { storeId: string; sku: string; onHand: number; reason: string },
) {
  if (!canManage(actor, input.storeId)) throw forbidden("Only a manager of this store can change its stock.");
  return db.transaction(async (tx) => {
    await assertSkuAndStore(tx, input.sku, input.storeId);
    const before = await getAvailability(tx, { sku: input.sku, storeIds: [input.storeId] });
    const result = await adjustOnHand(tx, {
      locationId: input.storeId, sku: input.sku, setTo: input.onHand, reason: "cycle_count", note: input.reason, actor,
    });
    await recordAudit(tx, actor, {
      action: "inventory.setOnHand", entityType: "stock", entityId: `${input.storeId}/${input.sku}`, storeId: input.storeId,
      before: { available: before.locations[0]?.available }, after: { onHand: result.onHand, available: result.available, reason: input.reason },
    });
    return { sku: input.sku, storeId: input.storeId, onHand: result.onHand, available: result.available };
  });
}

/** Goods arriving at a store or the warehouse. */
export async function receiveStock(
  db: Database,
  actor: Actor,
  input: { storeId: string; sku: string; quantity: number; reason: string },
) {
  if (!canManage(actor, input.storeId)) throw forbidden("Only a manager of this store can receive stock.");
  return db.transaction(async (tx) => {
    await assertSkuAndStore(tx, input.sku, input.storeId);
    const result = await adjustOnHand(tx, {
      locationId: input.storeId, sku: input.sku, delta: input.quantity, reason: "receiving", note: input.reason, actor,
    });
    await recordAudit(tx, actor, {
      action: "inventory.receive", entityType: "stock", entityId: `${input.storeId}/${input.sku}`, storeId: input.storeId,
      after: { received: input.quantity, onHand: result.onHand, reason: input.reason },
    });
    return { sku: input.sku, storeId: input.storeId, onHand: result.onHand, available: result.available };
  });
}

/** The ledger of one SKU at one location, newest first. */
export async function listMovements(db: DbOrTx, input: { storeId: string; sku: string; limit?: number; before?: number }) {
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
