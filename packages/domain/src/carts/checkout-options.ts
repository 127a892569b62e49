import type { Database } from "@omni/db";

import { cartAvailability } from "../inventory";
import type { Actor } from "../kernel";
import { deliveryEtaDays, deliveryFees, shippingFee } from "../shipping";
import { getCart } from "./cart";
import { pickupOptions } from "./checkout-pickup-options";
import type { CheckoutPlacesSource } from "./checkout-places";

export type PaymentOption =
  "card" | "blik" | "transfer" | "cash_on_delivery" | "pay_in_store" | "store_credit" | "gift_card";

/**
 * The contract's `checkout.options`: every way to get this cart and to pay for it, with the delivery
 * prices for what it holds (free from the threshold on). Every click-and-collect store says whether it
 * can hand the cart over from its own shelf, after goods are sent in (ship-to-store), or not at all,
 * with the promised time from the one pickup promise.
 */
export async function checkoutOptions(
  db: Database,
  actor: Actor,
  input: { cartId: string },
  /** The fees, stores and settings from the API's read cache; without it they are read here. */
  placesFrom?: CheckoutPlacesSource,
) {
  // The cached places (a hit answers at once) and the stock of the cart's lines are asked for beside the cart, not
  // after it; the stock is used only if it saw the same lines as the cart's read (pickupOptions checks).
  const places = placesFrom?.();
  const stock = cartAvailability(db, input.cartId);
  for (const pending of [places, stock]) pending?.catch(() => {});
  const cart = await getCart(db, actor, input);
  const [fees, nearby] = await Promise.all([
    places ? places.then((p) => p.fees) : deliveryFees(db),
    pickupOptions(db, actor, input, cart, places, stock),
  ]);
  const goods = cart.totalMinor;
  // The pickup promise per store was worked out by pickupOptions from the same stock read.
  const pickup = nearby.stores.map((store) => ({
    storeId: store.storeId,
    name: store.name,
    city: store.city,
    sourcing: store.sourcing,
    readyBy: store.readyBy,
    priceMinor: 0,
  }));
  return {
    cartId: cart.cartId,
    currency: cart.currency,
    goodsMinor: goods,
    freeDeliveryFromMinor: fees.freeFromMinor,
    delivery: (["courier", "locker"] as const).map((type) => ({
      type,
      priceMinor: shippingFee(fees, type, goods),
      etaDays: deliveryEtaDays[type],
      available: nearby.delivery.allAvailable,
    })),
    pickup,
    payment: [
      "card",
      "blik",
      "transfer",
      "cash_on_delivery",
      "pay_in_store",
      "store_credit",
      "gift_card",
    ] as PaymentOption[],
  };
}
