import { eq, sql } from "drizzle-orm";

import { products, variants, type Database, type Tx } from "@omni/db";

import { cartPromotions } from "../catalog";
import { availabilityBySku } from "../inventory";
import { conflict, notFound, type Actor } from "../kernel";
import {
  assertCartOpen,
  auditCartWrite,
  cartLineVariantColumns,
  lockCart,
  readCart,
  viewOfCart,
  type CartStateLine,
  type CartView,
} from "./cart";

/** The most units of `sku` any one location that sells to shoppers (pickup stores, the warehouse) can promise now. */
export async function bestAvailable(tx: Tx, sku: string): Promise<number> {
  const bySku = await availabilityBySku(tx, [sku], sql`(l.pickup or l.type = 'warehouse')`);
  return Math.max(0, ...(bySku.get(sku) ?? []).map((l) => l.available));
}

/**
 * The contract's `cart.setQuantity`: 0 removes the line. Raising a quantity beyond what any single
 * location can supply is refused with CONFLICT ("Only 2 left"), because no fulfilment could serve
 * it; lowering is always allowed. The binding stock check is at checkout.
 *
 * Four round trips: `begin`; the cart's lock with every read sent behind it (the cart and its lines, its
 * promotions, the SKU, the stock); one statement that writes the line and touches the cart; `commit`. The answer
 * is priced from what was read and written, not read again.
 */
export async function setCartQuantity(
  db: Database,
  actor: Actor,
  input: { cartId: string; sku: string; quantity: number },
): Promise<CartView> {
  return db.transaction(async (tx) => {
    // The reads of the cart go to the server after its lock (same kind of query, started in this order, on the
    // transaction's one connection), so they see what earlier writers of the cart committed.
    const locking = lockCart(tx, input.cartId, actor);
    const reading = Promise.all([readCart(tx, input.cartId), cartPromotions(tx, input.cartId)]);
    // A builder runs once per `then`: made a promise here, as it is both awaited and guarded below.
    const sku = Promise.resolve(
      tx
        .select({ active: sql<boolean>`${variants.active} and ${products.active}`, ...cartLineVariantColumns })
        .from(variants)
        .innerJoin(products, eq(products.id, variants.productId))
        .where(eq(variants.sku, input.sku)),
    );
    // The stock is only needed when the quantity goes up, which is what a shopper does nearly every time.
    const stock = input.quantity > 0 ? bestAvailable(tx, input.sku) : Promise.resolve(0);
    for (const pending of [reading, sku, stock]) pending.catch(() => {});
    const cart = await locking;
    assertCartOpen(cart);
    const [[state, promos], [found], best] = await Promise.all([reading, sku, stock]);
    if (!state) throw notFound("This cart", "cart_not_found");
    const variant = found?.active ? found : undefined;
    const line = state.lines.find((l) => l.sku === input.sku);
    const updatedAt = new Date();
    let lines: CartStateLine[];
    if (!variant || input.quantity === 0) {
      // A line whose product was withdrawn can still be removed.
      if (!variant && !(line && input.quantity === 0))
        throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
      await Promise.all([
        tx.execute(sql`with gone as (delete from cart_lines where cart_id = ${cart.id} and sku = ${input.sku})
          update carts set updated_at = ${updatedAt.toISOString()}::timestamptz where id = ${cart.id}`),
        auditCartWrite(tx, actor, "cart.setQuantity", cart.id, { sku: input.sku, quantity: input.quantity }),
      ]);
      lines = state.lines.filter((l) => l.sku !== input.sku);
    } else {
      if (input.quantity > (line?.quantity ?? 0) && input.quantity > best) {
        const name = `${variant.productTitle} (${variant.title}, ${input.sku})`;
        throw conflict(best === 0 ? `${name} is out of stock.` : `Only ${best} left of ${name}.`, {
          reason: "out_of_stock_item",
          item: name,
          sku: input.sku,
          available: best,
        });
      }
      const [[written]] = await Promise.all([
        tx.execute<{ added_at: string | Date }>(sql`
          with line as (
            insert into cart_lines (cart_id, sku, quantity) values (${cart.id}, ${input.sku}, ${input.quantity})
            on conflict (cart_id, sku) do update set quantity = excluded.quantity
            returning added_at)
          update carts set updated_at = ${updatedAt.toISOString()}::timestamptz where id = ${cart.id}
          returning (select added_at from line) as added_at`),
        auditCartWrite(tx, actor, "cart.setQuantity", cart.id, { sku: input.sku, quantity: input.quantity }),
      ]);
      const { active: _active, ...priced } = variant;
      const addedAt = line?.addedAt ?? new Date(written!.added_at);
      lines = [
        ...state.lines.filter((l) => l.sku !== input.sku),
        { sku: input.sku, quantity: input.quantity, addedAt, variant: { sku: input.sku, ...priced } },
      ].sort((a, b) => a.addedAt.getTime() - b.addedAt.getTime() || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    }
    return viewOfCart({ cart: { ...cart, updatedAt }, lines }, promos);
  });
}
