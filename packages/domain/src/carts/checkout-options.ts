import { and, asc, eq } from "drizzle-orm";

import { locations, type Database } from "@omni/db";

import type { Actor } from "../kernel";
import { planSourcing } from "../transfers";
import { getCart } from "./cart";

/**
 * The contract's `checkout.options`: for every click-and-collect store, whether it can hand the cart
 * over from its own shelf, after goods are sent in (ship-to-store), or not at all, with the promised
 * time from the one pickup promise; and the delivery and payment forms on offer.
 */
export async function checkoutOptions(db: Database, actor: Actor, input: { cartId: string }) {
  const cart = await getCart(db, actor, input);
  const lines = cart.lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
  const stores = await db
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.type, "store"), eq(locations.pickup, true)))
    .orderBy(asc(locations.id));
  const pickup = [];
  for (const store of stores) {
    const plan = lines.length ? await planSourcing(db, { storeId: store.id, lines }) : null;
    const promise = plan?.promise ?? { sourcing: "unavailable" as const };
    pickup.push({ storeId: store.id, sourcing: promise.sourcing, readyBy: promise.readyBy });
  }
  return {
    delivery: [{ type: "courier" as const, priceMinor: 0, etaDays: 2 }],
    pickup,
    payment: ["card", "pay_in_store"] as const,
  };
}
