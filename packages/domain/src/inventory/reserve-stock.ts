import { and, eq, isNull, lte, sql } from "drizzle-orm";

import { stockHolds, stockLevels, stockMovements, type MovementReason, type Tx } from "@omni/db";

import { emitWebhookEvent } from "../integrations";
import { conflict, notFound, type Actor } from "../kernel";

/**
 * The one place where stock changes. Every function here locks the stock row, changes it and
 * writes a movement in the caller's transaction, so that concurrent shoppers queue on the row
 * and the ledger always adds up.
 */

type Ref = { refType?: string; refId?: string; note?: string | null };

type Level = { onHand: number; held: number; safetyStock: number };

async function lockLevel(tx: Tx, locationId: string, sku: string): Promise<Level> {
  const rows = await tx.execute<{ on_hand: number; held: number; safety_stock: number }>(sql`
    select on_hand, held, safety_stock from stock_levels
    where location_id = ${locationId} and sku = ${sku} for update`);
  const row = rows[0];
  if (row) return { onHand: row.on_hand, held: row.held, safetyStock: row.safety_stock };
  // A SKU never stocked at a location starts at zero; the insert races safely on the primary key.
  await tx.execute(
    sql`insert into stock_levels (location_id, sku) values (${locationId}, ${sku}) on conflict do nothing`,
  );
  const again = await tx.execute<{ on_hand: number; held: number; safety_stock: number }>(sql`
    select on_hand, held, safety_stock from stock_levels where location_id = ${locationId} and sku = ${sku} for update`);
  if (!again[0]) throw notFound(`SKU ${sku}`, "sku_not_found", { sku: sku });
  return { onHand: again[0].on_hand, held: again[0].held, safetyStock: again[0].safety_stock };
}

/** The one order in which stock rows are locked: by location, then SKU (code-point order, as PostgreSQL's "C"). */
export const stockRowOrder = (a: StockRow, b: StockRow) =>
  a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;

export type StockRow = { locationId: string; sku: string };

/**
 * Locks every stock row a use-case is about to change, in the one global order, before it changes
 * any. Two transactions that touch the same rows then queue on the first row they share instead of
 * each holding one row the other waits for (a deadlock). Rows locked again later are already ours.
 * Every use-case that changes more than one stock row calls this first.
 */
export async function lockStockRows(tx: Tx, rows: StockRow[]): Promise<void> {
  const unique = new Map(rows.map((r) => [`${r.locationId}\u0000${r.sku}`, r]));
  const sorted = [...unique.values()].sort(stockRowOrder);
  if (sorted.length < 2) {
    for (const row of sorted) await lockLevel(tx, row.locationId, row.sku);
    return;
  }
  // One statement for all of them: PostgreSQL locks the rows as the sort hands them over, so in the global order
  // (`collate "C"` is the code-point order of stockRowOrder).
  const locked = await tx.execute<{ location_id: string; sku: string }>(sql`
    select sl.location_id, sl.sku from stock_levels sl
    join unnest(${sql.param(sorted.map((r) => r.locationId))}::text[], ${sql.param(sorted.map((r) => r.sku))}::text[]) as w(location_id, sku)
      on sl.location_id = w.location_id and sl.sku = w.sku
    order by sl.location_id collate "C", sl.sku collate "C"
    for update of sl`);
  const have = new Set(locked.map((r) => `${r.location_id}\u0000${r.sku}`));
  // A row never stocked yet is made and locked on its own (rare: a SKU's first units at a location).
  for (const row of sorted)
    if (!have.has(`${row.locationId}\u0000${row.sku}`)) await lockLevel(tx, row.locationId, row.sku);
}

async function applyChange(
  tx: Tx,
  input: {
    locationId: string;
    sku: string;
    before: Level;
    onHandDelta: number;
    heldDelta: number;
    reason: MovementReason;
    actor: Actor;
  } & Ref,
): Promise<Level> {
  const after = {
    ...input.before,
    onHand: input.before.onHand + input.onHandDelta,
    held: input.before.held + input.heldDelta,
  };
  if (input.onHandDelta === 0 && input.heldDelta === 0) return after;
  // The level, its movement and the webhook event are written together (pipelined on the transaction's
  // connection): the row is already locked, so nothing can come between them.
  await Promise.all([
    tx
      .update(stockLevels)
      .set({ onHand: after.onHand, held: after.held, updatedAt: new Date() })
      .where(and(eq(stockLevels.locationId, input.locationId), eq(stockLevels.sku, input.sku))),
    tx.insert(stockMovements).values({
      locationId: input.locationId,
      sku: input.sku,
      reason: input.reason,
      note: input.note ?? null,
      onHandDelta: input.onHandDelta,
      heldDelta: input.heldDelta,
      onHandBefore: input.before.onHand,
      onHandAfter: after.onHand,
      heldBefore: input.before.held,
      heldAfter: after.held,
      actorUserId: input.actor.userId ?? null,
      actorDeviceId: input.actor.deviceId ?? null,
      refType: input.refType ?? null,
      refId: input.refId ?? null,
    }),
    emitWebhookEvent(tx, "stock.changed", {
      storeId: input.locationId,
      sku: input.sku,
      onHand: after.onHand,
      available: availableOf(after),
      reason: input.reason,
    }),
  ]);
  return after;
}

/** Marks released the holds whose deadline has passed; the caller holds (or is taking) the stock row's lock. */
function markLapsedHolds(tx: Tx, locationId: string, sku: string) {
  return tx
    .update(stockHolds)
    .set({ releasedAt: new Date() })
    .where(
      and(
        eq(stockHolds.locationId, locationId),
        eq(stockHolds.sku, sku),
        isNull(stockHolds.releasedAt),
        lte(stockHolds.expiresAt, sql`now()`),
      ),
    )
    .returning({ quantity: stockHolds.quantity, ownerId: stockHolds.ownerId });
}

/** Puts the units of lapsed holds back into `available`, with their movement. */
async function releaseLapsedHolds(
  tx: Tx,
  locationId: string,
  sku: string,
  level: Level,
  actor: Actor,
  lapsed: { quantity: number; ownerId: string }[],
): Promise<Level> {
  const quantity = lapsed.reduce((sum, h) => sum + h.quantity, 0);
  if (!quantity) return level;
  return applyChange(tx, {
    locationId,
    sku,
    before: level,
    onHandDelta: 0,
    heldDelta: -quantity,
    reason: "reservation_expired",
    actor,
    refType: "reservation",
    refId: lapsed.map((h) => h.ownerId).join(","),
    note: "Hold lapsed",
  });
}

async function lockFreshLevel(tx: Tx, locationId: string, sku: string, actor: Actor): Promise<Level> {
  // Sent together on the transaction's connection, which runs them in the order they were sent: `lockLevel` sends
  // its query as soon as it is called, before Promise.all sends the update, so the lock is granted first.
  const [level, lapsed] = await Promise.all([lockLevel(tx, locationId, sku), markLapsedHolds(tx, locationId, sku)]);
  return releaseLapsedHolds(tx, locationId, sku, level, actor, lapsed);
}

export const availableOf = (level: Level) => Math.max(0, level.onHand - level.held - level.safetyStock);

const holdReasons = { order: "order_hold", reservation: "reservation_hold", transfer: "transfer_hold" } as const;

/**
 * Holds `quantity` units of `sku` at `locationId` for an order or a reservation, or refuses with
 * CONFLICT naming the SKU when they are not available.
 */
export async function reserveStock(
  tx: Tx,
  input: {
    locationId: string;
    sku: string;
    quantity: number;
    kind: "order" | "reservation" | "transfer";
    ownerId: string;
    expiresAt?: Date | null;
    actor: Actor;
    /** Goods that arrived for this very owner (a ship-to-store order) may use the safety stock. */
    ignoreSafetyStock?: boolean;
    /** Recorded on the movement, e.g. the transfer number. */
    note?: string;
  },
): Promise<void> {
  const level = await lockFreshLevel(tx, input.locationId, input.sku, input.actor);
  const available = input.ignoreSafetyStock ? Math.max(0, level.onHand - level.held) : availableOf(level);
  if (available < input.quantity) {
    throw conflict(
      available === 0
        ? `${input.sku} is no longer available here.`
        : `Only ${available} of ${input.sku} ${available === 1 ? "is" : "are"} available here.`,
      { reason: "out_of_stock", sku: input.sku, locationId: input.locationId, available },
    );
  }
  await Promise.all([
    tx.insert(stockHolds).values({
      locationId: input.locationId,
      sku: input.sku,
      quantity: input.quantity,
      kind: input.kind,
      ownerId: input.ownerId,
      expiresAt: input.expiresAt ?? null,
    }),
    applyChange(tx, {
      locationId: input.locationId,
      sku: input.sku,
      before: level,
      onHandDelta: 0,
      heldDelta: input.quantity,
      reason: holdReasons[input.kind],
      actor: input.actor,
      refType: input.kind,
      refId: input.ownerId,
      note: input.note,
    }),
  ]);
}

/**
 * Ends the holds of an owner. `release` gives the units back to the shelf; `consume` takes them
 * off the shelf because they left the store (collected, shipped, sold at the counter).
 * Passing `sku` and `quantity` ends part of one hold (a line declined at the counter).
 */
export async function endHolds(
  tx: Tx,
  input: {
    ownerId: string;
    mode: "release" | "consume";
    reason: MovementReason;
    actor: Actor;
    only?: { sku: string; quantity: number }[];
    note?: string;
  },
): Promise<void> {
  const open = await tx
    .select()
    .from(stockHolds)
    .where(and(eq(stockHolds.ownerId, input.ownerId), isNull(stockHolds.releasedAt)))
    .orderBy(stockHolds.locationId, stockHolds.sku);
  await lockStockRows(tx, open);
  const remaining = new Map(input.only?.map((o) => [o.sku, o.quantity]));
  for (const listed of open) {
    // Lock the stock row first, then read the hold again: a concurrent transaction holding that lock may
    // have released it as lapsed in the meantime, and it must not leave `held` twice.
    const level = await lockLevel(tx, listed.locationId, listed.sku);
    const [hold] = await tx
      .select()
      .from(stockHolds)
      .where(and(eq(stockHolds.id, listed.id), isNull(stockHolds.releasedAt)))
      .for("update");
    if (!hold) continue;
    let quantity = hold.quantity;
    if (input.only) {
      const wanted = remaining.get(hold.sku) ?? 0;
      if (wanted <= 0) continue;
      quantity = Math.min(wanted, hold.quantity);
      remaining.set(hold.sku, wanted - quantity);
    }
    if (quantity === hold.quantity) {
      await tx.update(stockHolds).set({ releasedAt: new Date() }).where(eq(stockHolds.id, hold.id));
    } else {
      await tx
        .update(stockHolds)
        .set({ quantity: hold.quantity - quantity })
        .where(eq(stockHolds.id, hold.id));
    }
    await applyChange(tx, {
      locationId: hold.locationId,
      sku: hold.sku,
      before: level,
      onHandDelta: input.mode === "consume" ? -quantity : 0,
      heldDelta: -quantity,
      reason: input.reason,
      actor: input.actor,
      refType: hold.kind,
      refId: input.ownerId,
      note: input.note,
    });
  }
}

/** Changes the units on the shelf: counts, receiving, returns, write-offs. */
export async function adjustOnHand(
  tx: Tx,
  input: { locationId: string; sku: string; reason: MovementReason; actor: Actor } & (
    { delta: number } | { setTo: number }
  ) &
    Ref,
): Promise<{ onHand: number; available: number }> {
  const level = await lockFreshLevel(tx, input.locationId, input.sku, input.actor);
  const delta = "setTo" in input ? input.setTo - level.onHand : input.delta;
  if (level.onHand + delta < level.held) {
    throw conflict(
      `${input.sku} has ${level.held} unit(s) promised to shoppers here, so on hand cannot go below ${level.held}.`,
      { reason: "below_promised", sku: input.sku, held: level.held },
    );
  }
  const after = await applyChange(tx, {
    locationId: input.locationId,
    sku: input.sku,
    before: level,
    onHandDelta: delta,
    heldDelta: 0,
    reason: input.reason,
    actor: input.actor,
    refType: input.refType,
    refId: input.refId,
    note: input.note,
  });
  return { onHand: after.onHand, available: availableOf(after) };
}

/** Sets the units kept back from promises at a location (safety stock); on hand and held stay as they are. */
export async function setSafetyStock(
  tx: Tx,
  input: { locationId: string; sku: string; safetyStock: number; actor: Actor },
): Promise<{ onHand: number; available: number; safetyStock: number }> {
  const level = await lockFreshLevel(tx, input.locationId, input.sku, input.actor);
  await tx
    .update(stockLevels)
    .set({ safetyStock: input.safetyStock, updatedAt: new Date() })
    .where(and(eq(stockLevels.locationId, input.locationId), eq(stockLevels.sku, input.sku)));
  const after = { ...level, safetyStock: input.safetyStock };
  return { onHand: after.onHand, available: availableOf(after), safetyStock: after.safetyStock };
}
