import { sql, type SQL } from "drizzle-orm";

import type { DbOrTx, OpeningHours } from "@omni/db";

import { notFound } from "../kernel";
import { pickupPromise, promiseSettings, soonestSource } from "../stores";

/**
 * Units that can be promised: on hand − held − safety stock, never below 0. Holds whose deadline
 * has passed stop counting at once, before any job releases them.
 */
export const availableSql = sql`greatest(0, sl.on_hand - sl.held - sl.safety_stock + coalesce((
  select sum(h.quantity) from stock_holds h
  where h.location_id = sl.location_id and h.sku = sl.sku and h.released_at is null and h.expires_at <= now()), 0))::int`;

/**
 * Whether a stock row has at least one unit to promise: the same rule as `availableSql`, but the holds whose deadline
 * has passed are summed only when the row has none without them (they can only add units). Listings and facets test
 * tens of thousands of rows; most have units and skip the sub-query.
 */
export const inStockSql = sql`(sl.on_hand - sl.held - sl.safety_stock > 0 or ${availableSql} > 0)`;

export type LocationAvailability = { storeId: string; available: number; aisle: string | null };

/** Available units per location for many SKUs at once. */
export async function availabilityBySku(
  db: DbOrTx,
  skus: string[],
  where?: SQL,
): Promise<Map<string, LocationAvailability[]>> {
  const out = new Map<string, LocationAvailability[]>();
  if (!skus.length) return out;
  const rows = await db.execute<{ sku: string; location_id: string; available: number; aisle: string | null }>(sql`
    select sl.sku, sl.location_id, ${availableSql} as available, sl.aisle
    from stock_levels sl join locations l on l.id = sl.location_id
    where sl.sku in ${skus} ${where ? sql`and ${where}` : sql``}
    order by sl.sku, l.type desc, l.id`);
  for (const row of rows) {
    const list = out.get(row.sku) ?? [];
    list.push({ storeId: row.location_id, available: row.available, aisle: row.aisle });
    out.set(row.sku, list);
  }
  return out;
}

export const ONLINE_LOCATION = "online";

/** The contract's `inventory.availability`: `online` is what home delivery can promise. */
export async function getAvailability(db: DbOrTx, input: { sku: string; storeIds?: string[] }) {
  const known = await db.execute<{ sku: string }>(sql`select sku from variants where sku = ${input.sku}`);
  if (!known.length) throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
  const storeRows = await db.execute<{ id: string; opening_hours: OpeningHours | null; timezone: string }>(
    sql`select id, opening_hours, timezone from locations where type = 'store' order by id`,
  );
  const wanted = input.storeIds ?? storeRows.map((r) => r.id);
  const bySku = await availabilityBySku(db, [input.sku]);
  const levels = bySku.get(input.sku) ?? [];
  const of = (id: string) => levels.find((l) => l.storeId === id);
  const settings = await promiseSettings(db);
  const now = new Date();
  const stocked = levels.filter((l) => l.available > 0).map((l) => l.storeId);
  // One unit, the usual case on a product page: here now, or sent from where it gets here soonest.
  const promiseAt = (storeId: string) => {
    const row = storeRows.find((s) => s.id === storeId)!;
    const store = { id: row.id, openingHours: row.opening_hours, timezone: row.timezone };
    const sourceId = stocked.includes(storeId)
      ? null
      : (soonestSource(settings.leadTimes, storeId, stocked) ?? undefined);
    return pickupPromise({ now, store, sourceId, settings });
  };
  return {
    sku: input.sku,
    online: of(ONLINE_LOCATION)?.available ?? 0,
    locations: wanted
      .filter((id) => id !== ONLINE_LOCATION && storeRows.some((s) => s.id === id))
      .map((storeId) => ({
        storeId,
        available: of(storeId)?.available ?? 0,
        aisle: of(storeId)?.aisle ?? null,
        pickup: promiseAt(storeId),
      })),
  };
}
