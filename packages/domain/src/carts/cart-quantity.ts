import { and, eq, sql } from "drizzle-orm";

import { cartLines, products, variants, type Database, type Tx } from "@omni/db";

import { availabilityBySku } from "../inventory";
import { conflict, notFound, type Actor } from "../kernel";
import { assertCartOpen, auditCartWrite, cartView, lockCart, touchCart, type CartView } from "./cart";

/** The most units of `sku` any one location that sells to shoppers (pickup stores, the warehouse) can promise now. */
export async function bestAvailable(tx: Tx, sku: string): Promise<number> {
  const bySku = await availabilityBySku(tx, [sku], sql`(l.pickup or l.type = 'warehouse')`);
  return Math.max(0, ...(bySku.get(sku) ?? []).map((l) => l.available));
}

/**
 * The contract's `cart.setQuantity`: 0 removes the line. Raising a quantity beyond what any single
 * location can supply is refused with CONFLICT ("Only 2 left"), because no fulfilment could serve
 * it; lowering is always allowed. The binding stock check is at checkout.
 */
export async function setCartQuantity(
  db: Database,
  actor: Actor,
  input: { cartId: string; sku: string; quantity: number },
): Promise<CartView> {
  return db.transaction(async (tx) => {
    const cart = await lockCart(tx, input.cartId, actor);
    assertCartOpen(cart);
    // The SKU, the line and the stock are read together (pipelined): one round trip's wait, not three. The
    // stock is only needed when the quantity goes up, which is what a shopper does nearly every time.
    const [[variant], [line], best] = await Promise.all([
      tx
        .select({ sku: variants.sku, title: variants.title, productTitle: products.title })
        .from(variants)
        .innerJoin(products, eq(products.id, variants.productId))
        .where(and(eq(variants.sku, input.sku), eq(variants.active, true), eq(products.active, true))),
      tx
        .select()
        .from(cartLines)
        .where(and(eq(cartLines.cartId, cart.id), eq(cartLines.sku, input.sku))),
      input.quantity > 0 ? bestAvailable(tx, input.sku) : 0,
    ]);
    if (!variant) {
      // A line whose product was withdrawn can still be removed.
      if (line && input.quantity === 0)
        await tx.delete(cartLines).where(and(eq(cartLines.cartId, cart.id), eq(cartLines.sku, input.sku)));
      else throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
    } else if (input.quantity === 0) {
      await tx.delete(cartLines).where(and(eq(cartLines.cartId, cart.id), eq(cartLines.sku, input.sku)));
    } else {
      if (input.quantity > (line?.quantity ?? 0)) {
        if (input.quantity > best) {
          const name = `${variant.productTitle} (${variant.title}, ${input.sku})`;
          throw conflict(best === 0 ? `${name} is out of stock.` : `Only ${best} left of ${name}.`, {
            reason: "out_of_stock_item",
            item: name,
            sku: input.sku,
            available: best,
          });
        }
      }
      await tx
        .insert(cartLines)
        .values({ cartId: cart.id, sku: input.sku, quantity: input.quantity })
        .onConflictDoUpdate({ target: [cartLines.cartId, cartLines.sku], set: { quantity: input.quantity } });
    }
    await touchCart(tx, cart.id);
    await auditCartWrite(tx, actor, "cart.setQuantity", cart.id, { sku: input.sku, quantity: input.quantity });
    return cartView(tx, cart.id);
  });
}
