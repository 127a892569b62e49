import { and, asc, eq } from "drizzle-orm";

import { distanceKm } from "@omni/core";
import { locations, type Database } from "@omni/db";

import { availabilityBySku, cartAvailability, ONLINE_LOCATION } from "../inventory";
import type { Actor } from "../kernel";
import { promiseSettings, type PickupPromise } from "../stores";
import { planSourcingFrom } from "../transfers";
import { getCart, type CartLineView, type CartView } from "./cart";
import { pickupStoresOf, type CheckoutPlaces } from "./checkout-places";

export type OptionLine = {
  sku: string;
  title: string;
  productTitle: string;
  quantity: number;
  available: number;
  ok: boolean;
};

/**
 * `checkout.pickupOptions`: for every click-and-collect store, which lines of the cart it can
 * supply now and which are missing, so the checkout page can say "2 of 3 items at Kraków"; and the
 * same for home delivery. Stores come nearest first when the shopper's position is known, otherwise
 * those that have everything first.
 */
export async function pickupOptions(
  db: Database,
  actor: Actor,
  input: { cartId: string; lat?: number; lng?: number },
  /** The cart as `getCart` just answered it to the same caller (checkout.options), so it is not read twice. */
  loaded?: CartView,
  /** The stores and settings from the API's read cache; without it they are read here. */
  places?: CheckoutPlaces | Promise<CheckoutPlaces>,
  /** The stock, read by the cart's id beside the cart (checkout.options): used if it saw the same lines. */
  stock?: ReturnType<typeof cartAvailability>,
) {
  const cart = loaded ?? (await getCart(db, actor, input));
  const skus = cart.lines.map((l) => l.sku);
  const sameSkus = (seen: string[]) => seen.length === skus.length && seen.every((sku) => skus.includes(sku));
  // Stock, stores and the promise's settings in one go: the page needs all three, whatever the store count.
  const [bySku, stores, settings] = await Promise.all([
    stock
      ? stock.then((read) => (sameSkus(read.skus) ? read.bySku : availabilityBySku(db, skus)))
      : availabilityBySku(db, skus),
    places
      ? Promise.resolve(places).then(pickupStoresOf)
      : db
          .select()
          .from(locations)
          .where(and(eq(locations.type, "store"), eq(locations.pickup, true)))
          .orderBy(asc(locations.name)),
    places ? Promise.resolve(places).then((p) => p.settings) : promiseSettings(db),
  ]);
  const availableAt = (locationId: string, line: CartLineView): OptionLine => {
    const available = bySku.get(line.sku)?.find((l) => l.storeId === locationId)?.available ?? 0;
    return {
      sku: line.sku,
      title: line.title,
      productTitle: line.productTitle,
      quantity: line.quantity,
      available,
      ok: available >= line.quantity,
    };
  };
  const summary = (locationId: string) => {
    const lines = cart.lines.map((line) => availableAt(locationId, line));
    const missing = lines.filter((l) => !l.ok);
    return {
      lines,
      missing,
      allAvailable: missing.length === 0 && lines.length > 0,
      availableLineCount: lines.length - missing.length,
    };
  };
  const here = input.lat != null && input.lng != null ? { lat: input.lat, lng: input.lng } : null;
  const wanted = cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
  // The promise per store: from its shelf, sent in from elsewhere (ship-to-store), or not possible.
  const promises = new Map<string, PickupPromise>();
  for (const store of stores) {
    promises.set(
      store.id,
      wanted.length
        ? planSourcingFrom({ store, settings, availability: bySku, lines: wanted }).promise
        : { sourcing: "unavailable" },
    );
  }
  const options = stores.map((store) => ({
    storeId: store.id,
    name: store.name,
    city: store.city,
    address: store.address,
    postalCode: store.postalCode,
    openingHours: store.openingHours,
    pickupPoint: store.pickupPoint,
    distanceKm: here ? Math.round(distanceKm(here, store) * 10) / 10 : null,
    ...summary(store.id),
    sourcing: promises.get(store.id)!.sourcing,
    readyBy: promises.get(store.id)!.readyBy,
  }));
  options.sort((a, b) =>
    here
      ? (a.distanceKm ?? 0) - (b.distanceKm ?? 0)
      : Number(b.allAvailable) - Number(a.allAvailable) ||
        Number(b.sourcing !== "unavailable") - Number(a.sourcing !== "unavailable") ||
        b.availableLineCount - a.availableLineCount,
  );
  return { cartId: cart.cartId, stores: options, delivery: summary(ONLINE_LOCATION) };
}
