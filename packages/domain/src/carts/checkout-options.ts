import type { Database } from "@omni/db";

import type { Actor } from "../kernel";
import { deliveryEtaDays, deliveryFees, shippingFee } from "../shipping";
import { getCart } from "./cart";
import { pickupOptions } from "./checkout-pickup-options";

export type PaymentOption = "card" | "blik" | "transfer" | "cash_on_delivery" | "pay_in_store" | "store_credit";

/**
 * `checkout.options`: every way to get this cart and to pay for it, with the delivery prices for what
 * it holds (free from the threshold on). Pickup stores say whether they can supply everything now.
 */
export async function checkoutOptions(db: Database, actor: Actor, input: { cartId: string }) {
  const cart = await getCart(db, actor, input);
  const fees = await deliveryFees(db);
  const pickup = await pickupOptions(db, actor, input);
  const goods = cart.totalMinor;
  return {
    cartId: cart.cartId,
    currency: cart.currency,
    goodsMinor: goods,
    freeDeliveryFromMinor: fees.freeFromMinor,
    delivery: (["courier", "locker"] as const).map((type) => ({
      type,
      priceMinor: shippingFee(fees, type, goods),
      etaDays: deliveryEtaDays[type],
      available: pickup.delivery.allAvailable,
    })),
    pickup: pickup.stores.map((store) => ({
      storeId: store.storeId,
      name: store.name,
      city: store.city,
      sourcing: store.allAvailable ? ("in_store" as const) : ("unavailable" as const),
      priceMinor: 0,
    })),
    payment: ["card", "blik", "transfer", "cash_on_delivery", "pay_in_store", "store_credit"] as PaymentOption[],
  };
}
