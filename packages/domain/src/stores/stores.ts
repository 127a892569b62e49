import { asc, eq, inArray } from "drizzle-orm";

import { locations, type DbOrTx } from "@omni/db";

import { notFound } from "../kernel";
import { pickupPromise, promiseSettings } from "./pickup-promise";

export type LocationRow = typeof locations.$inferSelect;

/** One location row by id, or NOT_FOUND. */
export async function findLocation(db: DbOrTx, id: string): Promise<LocationRow> {
  const [location] = await db.select().from(locations).where(eq(locations.id, id));
  if (!location) throw notFound(`Store ${id}`, "store_not_found", { store: id });
  return location;
}

/** Several locations by id; an id that names no location is left out. */
export async function findLocations(db: DbOrTx, ids: string[]): Promise<LocationRow[]> {
  return ids.length ? db.select().from(locations).where(inArray(locations.id, ids)) : [];
}

/** Every location; a click-and-collect store also answers when goods on its shelf ordered now are ready. */
export async function listStores(db: DbOrTx) {
  return describeStores(await loadStores(db), new Date());
}

/**
 * What the store list is made of, as read from the database: it changes only when a location or a setting does
 * (migration 0016 announces both), so a read cache may keep it; the pickup promise is computed per call.
 */
export async function loadStores(db: DbOrTx) {
  const rows = await db.select().from(locations).orderBy(asc(locations.type), asc(locations.name));
  return { rows, settings: await promiseSettings(db) };
}

/** The store list at a moment, from what `loadStores` read. */
export function describeStores({ rows, settings }: Awaited<ReturnType<typeof loadStores>>, now: Date) {
  return rows.map((l) => ({
    ...toStore(l),
    pickupPromise: l.pickup ? pickupPromise({ now, store: l, sourceId: null, settings }) : undefined,
  }));
}

function toStore(l: LocationRow) {
  return {
    id: l.id,
    name: l.name,
    city: l.city,
    type: l.type,
    pickup: l.pickup,
    reservations: l.reservations,
    returns: l.returns,
    address: l.address,
    postalCode: l.postalCode,
    phone: l.phone,
    lat: l.lat,
    lng: l.lng,
    openingHours: l.openingHours,
    pickupPoint: l.pickupPoint,
  };
}

export type Store = ReturnType<typeof toStore>;

export async function getStore(db: DbOrTx, id: string): Promise<Store> {
  return toStore(await findLocation(db, id));
}

export async function storeExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: locations.id }).from(locations).where(eq(locations.id, id));
  return rows.length > 0;
}
