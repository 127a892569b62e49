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
  type PromiseSettings,
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
  const rows = await db.execute<StockRowRead>(sql`
    select sl.sku, sl.location_id, ${availableSql} as available, sl.aisle
    from stock_levels sl join locations l on l.id = sl.location_id
    where sl.sku = any(${sql.param(skus)}::text[]) ${where ? sql`and ${where}` : sql``}
    order by sl.sku, l.type desc, l.id`);
  return groupBySku(rows, out);
}

type StockRowRead = { sku: string; location_id: string | null; available: number | null; aisle: string | null };

function groupBySku(rows: StockRowRead[], out = new Map<string, LocationAvailability[]>()) {
  for (const row of rows) {
    if (row.location_id === null || row.available === null) continue;
    const list = out.get(row.sku) ?? [];
    list.push({ storeId: row.location_id, available: row.available, aisle: row.aisle });
    out.set(row.sku, list);
  }
  return out;
}

/**
 * `availabilityBySku` of the SKUs in a cart, found by the cart's id, so that it can be sent beside the cart's own
 * read instead of after it. `skus`: the cart's SKUs as this statement saw them; a caller compares them with its own
 * read of the cart (a line changed in between makes them differ) and reads by SKU when they differ.
 */
export async function cartAvailability(
  db: DbOrTx,
  cartId: string,
): Promise<{ skus: string[]; bySku: Map<string, LocationAvailability[]> }> {
  // Lateral, so that each line's stock is read by its SKU: as a join, the planner scanned every stock row.
  const rows = await db.execute<StockRowRead>(sql`
    select cl.sku, x.location_id, x.available, x.aisle
    from cart_lines cl
    left join lateral (
      select sl.location_id, ${availableSql} as available, sl.aisle, l.type
      from stock_levels sl join locations l on l.id = sl.location_id
      where sl.sku = cl.sku) x on true
    where cl.cart_id = ${cartId}
    order by cl.sku, x.type desc, x.location_id`);
  return { skus: [...new Set(rows.map((r) => r.sku))], bySku: groupBySku(rows) };
}

export { ONLINE_LOCATION };

/**
 * What an availability answer needs besides the stock: every store with its opening hours, and the promise settings.
 * These change when an admin edits a store or a setting, not on every sale, so the API keeps them in each process's read
 * cache (topic `stores`: the triggers of migration 0016 announce every change to locations and settings) and only the
 * stock is read per call. Read-only: one value is shared by every call of a process.
 */
export type AvailabilityPlaces = {
  /** Stores (type `store`) by id, in id order. */
  stores: Map<string, AvailabilityStore>;
  settings: PromiseSettings;
  /** Stores that some `pairs` lead time names as the destination: their soonest source is worked out for each. */
  pairTargets: Set<string>;
};
type AvailabilityStore = {
  id: string;
  openingHours: OpeningHours | null;
  timezone: string;
  /** Stores with equal hours in the same zone give the same promise for goods that arrive at the same moment. */
  hoursKey: string;
};

/** The stores and promise settings of `AvailabilityPlaces`, in one statement. */
export async function availabilityPlaces(db: DbOrTx): Promise<AvailabilityPlaces> {
  const rows = await db.execute<{
    id: string | null;
    opening_hours: OpeningHours | null;
    timezone: string | null;
    lead_times: Partial<LeadTimes> | null;
    picking: unknown;
  }>(sql`
    select l.id, l.opening_hours, l.timezone, k.lead_times, k.picking
    from (select (select value from settings where key = ${PROMISE_SETTING_KEYS.leadTimes}) as lead_times,
            (select value from settings where key = ${PROMISE_SETTING_KEYS.picking}) as picking) k
    left join locations l on l.type = 'store'
    order by l.id`);
  const settings = promiseSettingsOf(rows[0]?.lead_times, rows[0]?.picking);
  const stores = new Map<string, AvailabilityStore>();
  for (const row of rows)
    if (row.id && row.timezone)
      stores.set(row.id, {
        id: row.id,
        openingHours: row.opening_hours,
        timezone: row.timezone,
        hoursKey: `${row.timezone}|${JSON.stringify(row.opening_hours)}`,
      });
  const pairTargets = new Set(Object.keys(settings.leadTimes.pairs).map((key) => key.slice(key.indexOf(">") + 1)));
  return { stores, settings, pairTargets };
}

/**
 * The contract's `inventory.availability`: `online` is what home delivery can promise.
 * The stock is read anew on every call, never from a cache, in one statement: whether the SKU exists and its stock row
 * in every location, from an index-only scan of `stock_levels_sku_idx`, which includes the columns read here (migration
 * 0017); the holds whose deadline passed are summed once per SKU from `stock_holds_open_sku_idx`, not probed once per
 * location. `places` (the stores and promise settings) come from the caller's cache; without them they are read here.
 */
export async function getAvailability(
  db: DbOrTx,
  input: { sku: string; storeIds?: string[] },
  places?: AvailabilityPlaces | Promise<AvailabilityPlaces>,
) {
  const [rows, { stores, settings, pairTargets }] = await Promise.all([
    db.execute<{ known: boolean; location_id: string | null; available: number | null; aisle: string | null }>(sql`
      select k.known, s.location_id, s.available, s.aisle
      from (select exists (select 1 from variants v where v.sku = ${input.sku}) as known) k
      left join lateral (
        select sl.location_id, sl.aisle,
          greatest(0, sl.on_hand - sl.held - sl.safety_stock + coalesce(h.expired, 0))::int as available
        from stock_levels sl
        left join (
          select h.location_id, sum(h.quantity) as expired from stock_holds h
          where h.sku = ${input.sku} and h.released_at is null and h.expires_at <= now()
          group by h.location_id) h on h.location_id = sl.location_id
        where sl.sku = ${input.sku}) s on k.known`),
    places ?? availabilityPlaces(db),
  ]);
  if (!rows[0]?.known) throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
  const levels = new Map<string, { available: number; aisle: string | null }>();
  const stocked: string[] = [];
  for (const row of rows) {
    if (row.location_id === null || row.available === null) continue;
    levels.set(row.location_id, { available: row.available, aisle: row.aisle });
    if (row.available > 0) stocked.push(row.location_id);
  }
  const stockedHere = new Set(stocked);
  // Where goods for a store come from when it has none: the same location for every store unless a pair lead time
  // names it, so it is ranked once per call (56 stores × every stocked location was most of this function's time).
  let commonSource: string | null | undefined;
  const sourceFor = (storeId: string) => {
    if (pairTargets.has(storeId)) return soonestSource(settings.leadTimes, storeId, stocked);
    if (commonSource === undefined) commonSource = soonestSource(settings.leadTimes, storeId, stocked);
    return commonSource;
  };
  const now = new Date();
  // One unit, the usual case on a product page: here now, or sent from where it gets here soonest.
  const promises = new Map<string, ReturnType<typeof pickupPromise>>();
  const promiseAt = (store: AvailabilityStore) => {
    const sourceId = stockedHere.has(store.id) ? null : (sourceFor(store.id) ?? undefined);
    // Stores with the same hours whose goods arrive at the same moment get the same promise: most of the 56.
    const arrival = sourceId == null ? String(sourceId) : leadTimeHours(settings.leadTimes, sourceId, store.id);
    const key = `${arrival}|${store.hoursKey}`;
    let known = promises.get(key);
    if (!known) {
      known = pickupPromise({ now, store, sourceId, settings });
      promises.set(key, known);
    }
    // A copy for each store: superjson spells out every object it meets twice (`referentialEqualities`, a path per
    // store), which made the answer a seventh longer and its serialisation slower on both ends.
    return known.readyBy
      ? { sourcing: known.sourcing, readyBy: new Date(known.readyBy.getTime()) }
      : { sourcing: known.sourcing };
  };
  const wanted = input.storeIds ?? [...stores.keys()];
  return {
    sku: input.sku,
    online: levels.get(ONLINE_LOCATION)?.available ?? 0,
    locations: wanted
      .filter((id) => id !== ONLINE_LOCATION && stores.has(id))
      .map((storeId) => {
        const level = levels.get(storeId);
        return {
          storeId,
          available: level?.available ?? 0,
          aisle: level?.aisle ?? null,
          pickup: promiseAt(stores.get(storeId)!),
        };
      }),
  };
}
