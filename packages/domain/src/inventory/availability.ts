import { sql, type SQL } from "drizzle-orm";

import { ONLINE_LOCATION } from "@omni/core";
import type { DbOrTx, OpeningHours } from "@omni/db";

import { notFound } from "../kernel";
import {
  leadTimeHours,
  pickupPromise,
  PROMISE_SETTING_KEYS,
  promiseSettingsOf,
  soonestSource,
  type LeadTimes,
} from "../stores";

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
    where sl.sku = any(${sql.param(skus)}::text[]) ${where ? sql`and ${where}` : sql``}
    order by sl.sku, l.type desc, l.id`);
  for (const row of rows) {
    const list = out.get(row.sku) ?? [];
    list.push({ storeId: row.location_id, available: row.available, aisle: row.aisle });
    out.set(row.sku, list);
  }
  return out;
}

export { ONLINE_LOCATION };

type AvailabilityRow = {
  known: boolean;
  lead_times: Partial<LeadTimes> | null;
  picking: unknown;
  id: string | null;
  type: string | null;
  opening_hours: OpeningHours | null;
  timezone: string | null;
  available: number | null;
  aisle: string | null;
};

/**
 * The contract's `inventory.availability`: `online` is what home delivery can promise.
 * One statement (a product page asks on every view, for up to 56 locations): whether the SKU exists, the promise
 * settings, every store and every location that stocks the SKU. Its stock rows come from an index-only scan of
 * `stock_levels_sku_idx`, which includes the columns read here (migration 0017); the holds whose deadline passed are
 * summed once per SKU from `stock_holds_open_sku_idx`, not probed once per location.
 */
export async function getAvailability(db: DbOrTx, input: { sku: string; storeIds?: string[] }) {
  const rows = await db.execute<AvailabilityRow>(sql`
    select k.known, k.lead_times, k.picking, x.id, x.type, x.opening_hours, x.timezone, x.available, x.aisle
    from (select exists (select 1 from variants v where v.sku = ${input.sku}) as known,
            (select value from settings where key = ${PROMISE_SETTING_KEYS.leadTimes}) as lead_times,
            (select value from settings where key = ${PROMISE_SETTING_KEYS.picking}) as picking) k
    left join lateral (
      select l.id, l.type, l.opening_hours, l.timezone, s.available, s.aisle
      from locations l
      left join (
        select sl.location_id, sl.aisle,
          greatest(0, sl.on_hand - sl.held - sl.safety_stock + coalesce(h.expired, 0))::int as available
        from stock_levels sl
        left join (
          select h.location_id, sum(h.quantity) as expired from stock_holds h
          where h.sku = ${input.sku} and h.released_at is null and h.expires_at <= now()
          group by h.location_id) h on h.location_id = sl.location_id
        where sl.sku = ${input.sku}) s on s.location_id = l.id
      where l.type = 'store' or s.location_id is not null) x on k.known
    order by x.id`);
  if (!rows[0]?.known) throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
  const storeRows = rows.filter((r): r is AvailabilityRow & { id: string; timezone: string } => r.type === "store");
  const wanted = input.storeIds ?? storeRows.map((r) => r.id);
  const levels = rows.filter((r): r is AvailabilityRow & { id: string; available: number } => r.available !== null);
  const of = (id: string) => levels.find((l) => l.id === id);
  const settings = promiseSettingsOf(rows[0].lead_times, rows[0].picking);
  const now = new Date();
  const stocked = levels.filter((l) => l.available > 0).map((l) => l.id);
  // One unit, the usual case on a product page: here now, or sent from where it gets here soonest.
  const promises = new Map<string, ReturnType<typeof pickupPromise>>();
  const promiseAt = (storeId: string) => {
    const row = storeRows.find((s) => s.id === storeId)!;
    const store = { id: row.id, openingHours: row.opening_hours, timezone: row.timezone };
    const sourceId = stocked.includes(storeId)
      ? null
      : (soonestSource(settings.leadTimes, storeId, stocked) ?? undefined);
    // Stores with the same hours whose goods arrive at the same moment get the same promise: most of the 56.
    const arrival = sourceId == null ? String(sourceId) : leadTimeHours(settings.leadTimes, sourceId, storeId);
    const key = `${arrival}|${row.timezone}|${JSON.stringify(row.opening_hours)}`;
    const known = promises.get(key) ?? pickupPromise({ now, store, sourceId, settings });
    promises.set(key, known);
    return known;
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
