import type { Database } from "@omni/db";

import type { Actor } from "../kernel";
import { deliveryEtaDays, deliveryFees, shippingFee } from "../shipping";
import { planSourcing } from "../transfers";
import { getCart } from "./cart";
import { pickupOptions } from "./checkout-pickup-options";

export type PaymentOption =
  "card" | "blik" | "transfer" | "cash_on_delivery" | "pay_in_store" | "store_credit" | "gift_card";

/**
 * The contract's `checkout.options`: every way to get this cart and to pay for it, with the delivery
 * prices for what it holds (free from the threshold on). Every click-and-collect store says whether it
 * can hand the cart over from its own shelf, after goods are sent in (ship-to-store), or not at all,
 * with the promised time from the one pickup promise.
 */
export async function checkoutOptions(db: Database, actor: Actor, input: { cartId: string }) {
  const cart = await getCart(db, actor, input);
  const fees = await deliveryFees(db);
  const nearby = await pickupOptions(db, actor, input);
  const lines = cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
  const goods = cart.totalMinor;
  const pickup = [];
  for (const store of nearby.stores) {
    const plan = lines.length ? await planSourcing(db, { storeId: store.storeId, lines }) : null;
    const promise = plan?.promise ?? { sourcing: "unavailable" as const };
    pickup.push({
      storeId: store.storeId,
      name: store.name,
      city: store.city,
      sourcing: promise.sourcing,
      readyBy: promise.readyBy,
      priceMinor: 0,
    });
  }
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
