import { asc } from "drizzle-orm";

import { locations, type DbOrTx } from "@omni/db";

import { deliveryFees, type DeliveryFees } from "../shipping";
import { findLocation, promiseSettings, type LocationRow, type PromiseSettings } from "../stores";

/**
 * What a checkout reads that changes only when staff change a location or a setting: the delivery prices, the
 * locations (by name) and the pickup promise's settings. The API keeps it in its read cache (topic `stores`, which
 * every write to `locations` or `settings` announces); stock, carts and prices are never part of it.
 */
export type CheckoutPlaces = { fees: DeliveryFees; locations: LocationRow[]; settings: PromiseSettings };

/** Where a checkout gets its `CheckoutPlaces`: the read cache's answer, or the database (the default). */
export type CheckoutPlacesSource = () => Promise<CheckoutPlaces>;

/** The three reads, sent together. */
export async function checkoutPlaces(db: DbOrTx): Promise<CheckoutPlaces> {
  const [fees, rows, settings] = await Promise.all([
    deliveryFees(db),
    db.select().from(locations).orderBy(asc(locations.name)),
    promiseSettings(db),
  ]);
  return { fees, locations: rows, settings };
}

/** The click-and-collect stores, by name. */
export const pickupStoresOf = (places: CheckoutPlaces): LocationRow[] =>
  places.locations.filter((l) => l.type === "store" && l.pickup);

/** One location of `places`; one added since they were read is read from the database (NOT_FOUND if none). */
export async function placeOf(db: DbOrTx, places: CheckoutPlaces, id: string): Promise<LocationRow> {
  return places.locations.find((l) => l.id === id) ?? findLocation(db, id);
}
