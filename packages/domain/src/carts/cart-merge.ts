import { and, eq, sql } from "drizzle-orm";

import { cartLines, carts, type Tx } from "@omni/db";

import { notFound } from "../kernel";
import { insertCart, lockCart, openAccountCartId, touchCart } from "./cart";

/** The most units of one SKU a cart line may hold (the same cap as the API's quantity input). */
export const MAX_LINE_QUANTITY = 999;

/**
 * Brings a guest cart into an account when its shopper signs in: with no open account cart the
 * guest cart simply becomes the account's cart; otherwise its lines are added to the account cart
 * and the guest cart is marked `merged`. Returns the id of the account's cart.
 * The caller holds the account's cart lock (lockAccountCarts).
 */
export async function mergeGuestCart(tx: Tx, userId: string, guestCartId: string): Promise<string> {
  const guest = await lockCart(tx, guestCartId);
  // Another account's cart is not this shopper's to take; say "not found" rather than whose it is.
  if (guest.userId && guest.userId !== userId) throw notFound("This cart", "cart_not_found");
  const accountCartId = await openAccountCartId(tx, userId);
  if (accountCartId === guest.id) return guest.id;
  // A guest cart already ordered or merged has nothing to bring: the shopper keeps (or gets) an account cart.
  if (guest.status !== "open") return accountCartId ?? insertCart(tx, userId);
  if (!accountCartId) {
    await tx.update(carts).set({ userId, updatedAt: new Date() }).where(eq(carts.id, guest.id));
    return guest.id;
  }
  const account = await lockCart(tx, accountCartId);
  const lines = await tx.select().from(cartLines).where(eq(cartLines.cartId, guest.id));
  for (const line of lines) {
    await tx
      .insert(cartLines)
      .values({ cartId: account.id, sku: line.sku, quantity: Math.min(line.quantity, MAX_LINE_QUANTITY) })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.sku],
        set: { quantity: sql`least(${cartLines.quantity} + ${line.quantity}, ${MAX_LINE_QUANTITY})` },
      });
  }
  if (!account.discountCode && guest.discountCode) {
    await tx.update(carts).set({ discountCode: guest.discountCode }).where(eq(carts.id, account.id));
  }
  await tx
    .update(carts)
    .set({ status: "merged", userId, updatedAt: new Date() })
    .where(and(eq(carts.id, guest.id), eq(carts.status, "open")));
  await touchCart(tx, account.id);
  return account.id;
}
