import type { DbOrTx, Tx } from "@omni/db";

import { availabilityBySku, lockStockRows, reserveStock, type LocationAvailability } from "../inventory";
import type { Actor } from "../kernel";
import {
  findLocation,
  pickupPromise,
  promiseSettings,
  soonestSource,
  type LocationRow,
  type PickupPromise,
  type PromiseSettings,
} from "../stores";
import { createTransferInTx, type TransferLineInput } from "./transfers";

/**
 * Where each unit of a pickup order comes from: the chosen store first; what it lacks from the one
 * location that can get it there soonest (lead time per pair of locations, the warehouse first on a
 * tie). `missing` names a line that no location can supply.
 */
export type SourcingPlan = {
  local: TransferLineInput[];
  bySource: Map<string, TransferLineInput[]>;
  missing: { sku: string; available: number } | null;
};

export async function planSourcing(
  db: DbOrTx,
  input: { storeId: string; lines: TransferLineInput[] },
): Promise<SourcingPlan & { promise: PickupPromise }> {
  const [store, settings, availability] = await Promise.all([
    findLocation(db, input.storeId),
    promiseSettings(db),
    availabilityBySku(
      db,
      input.lines.map((l) => l.sku),
    ),
  ]);
  return planSourcingFrom({ store, settings, availability, lines: input.lines });
}

/**
 * `planSourcing` from what the caller has already read: one availability read and one settings read serve
 * every store of a checkout page, instead of three round trips per store.
 */
export function planSourcingFrom(input: {
  store: LocationRow;
  settings: PromiseSettings;
  availability: Map<string, LocationAvailability[]>;
  lines: TransferLineInput[];
}): SourcingPlan & { promise: PickupPromise } {
  const { store, settings, availability } = input;
  const plan: SourcingPlan = { local: [], bySource: new Map(), missing: null };
  for (const line of input.lines) {
    const levels = availability.get(line.sku) ?? [];
    const here = Math.min(line.quantity, levels.find((l) => l.storeId === store.id)?.available ?? 0);
    if (here > 0) plan.local.push({ sku: line.sku, quantity: here });
    const lacking = line.quantity - here;
    if (lacking === 0) continue;
    const candidates = levels.filter((l) => l.storeId !== store.id && l.available >= lacking).map((l) => l.storeId);
    const source = soonestSource(settings.leadTimes, store.id, candidates);
    if (!source) {
      plan.missing ??= { sku: line.sku, available: here };
      continue;
    }
    plan.bySource.set(source, [...(plan.bySource.get(source) ?? []), { sku: line.sku, quantity: lacking }]);
  }
  const now = new Date();
  const promises = plan.missing
    ? [pickupPromise({ now, store, sourceId: undefined, settings })]
    : plan.bySource.size
      ? [...plan.bySource.keys()].map((sourceId) => pickupPromise({ now, store, sourceId, settings }))
      : [pickupPromise({ now, store, sourceId: null, settings })];
  // The order is ready when the last of its sources has arrived.
  const promise = promises.reduce((latest, p) =>
    !latest.readyBy || (p.readyBy && p.readyBy > latest.readyBy) ? p : latest,
  );
  return { ...plan, promise: plan.missing ? { sourcing: "unavailable" } : promise };
}

/**
 * Holds a pickup order's units: the store's own at the store, the rest at their sources with one
 * transfer per source, created at once and carrying the order. Answers the promised pickup time when
 * goods must come in. A source that ran out meanwhile refuses with CONFLICT naming the SKU.
 */
export async function holdForPickup(
  tx: Tx,
  actor: Actor,
  input: { orderId: string; orderNumber: string; storeId: string; plan: SourcingPlan },
): Promise<{ transferNumbers: string[] }> {
  // Stock rows at several locations are locked in one global order, so that two orders sourcing
  // from each other's stores wait for one another instead of deadlocking.
  await lockStockRows(tx, [
    ...input.plan.local.map((l) => ({ locationId: input.storeId, sku: l.sku })),
    ...[...input.plan.bySource].flatMap(([locationId, lines]) => lines.map((l) => ({ locationId, sku: l.sku }))),
  ]);
  for (const line of input.plan.local) {
    await reserveStock(tx, {
      locationId: input.storeId,
      sku: line.sku,
      quantity: line.quantity,
      kind: "order",
      ownerId: input.orderId,
      actor,
    });
  }
  const transferNumbers: string[] = [];
  for (const [sourceId, lines] of [...input.plan.bySource].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const transfer = await createTransferInTx(tx, actor, {
      fromStoreId: sourceId,
      toStoreId: input.storeId,
      lines,
      reason: `Ship-to-store for order ${input.orderNumber}`,
      orderId: input.orderId,
    });
    transferNumbers.push(transfer.number);
  }
  return { transferNumbers };
}
