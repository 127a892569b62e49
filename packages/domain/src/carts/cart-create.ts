import { carts, type Database } from "@omni/db";

import { DomainError, isAudited, randomSecret, type Actor } from "../kernel";
import {
  auditCartWrite,
  cartOwnerOf,
  cartView,
  insertCart,
  lockAccountCarts,
  openAccountCartId,
  viewOfCart,
  type CartView,
} from "./cart";
import { mergeGuestCart } from "./cart-merge";

/**
 * The contract's `cart.create`. A signed-in shopper gets their open account cart (a new one if
 * they have none); passing the guest cart they filled before signing in merges it into that cart
 * (an unknown id is ignored here; `cart.merge` says NOT_FOUND).
 * A guest gets a new cart, or the open guest cart they passed.
 */
export async function createCart(
  db: Database,
  actor: Actor,
  input: { cartId?: string } = {},
): Promise<{ cartId: string; cart: CartView }> {
  const owner = cartOwnerOf(actor);
  // A guest's new cart is one row and nothing else (a shopper's writes are not audited): one statement, which is a
  // transaction of its own, instead of begin, insert and commit (three round trips).
  if (!owner && !input.cartId && !isAudited(actor)) {
    const [cart] = await db.insert(carts).values({ id: randomSecret(), userId: null }).returning();
    return { cartId: cart!.id, cart: viewOfCart({ cart: cart!, lines: [] }, []) };
  }
  const made = await db.transaction(async (tx): Promise<string | CartView> => {
    if (owner) {
      await lockAccountCarts(tx, owner);
      if (input.cartId) {
        // A stale or foreign guest cart id must not break signing in: the shopper just gets their account cart.
        const merged = await mergeGuestCart(tx, owner, input.cartId).catch((error: unknown) => {
          if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
          throw error;
        });
        if (merged) return merged;
      }
      return (await openAccountCartId(tx, owner)) ?? insertCart(tx, owner);
    }
    if (input.cartId) {
      const existing = await cartView(tx, input.cartId).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === "NOT_FOUND") return null;
        throw error;
      });
      if (existing && existing.status === "open" && !existing.attachedToAccount) return existing.cartId;
    }
    // A new guest cart is empty: its view is made from the row just written, not read back.
    const id = randomSecret();
    const [[cart]] = await Promise.all([
      tx.insert(carts).values({ id, userId: null }).returning(),
      auditCartWrite(tx, actor, "cart.create", id),
    ]);
    return viewOfCart({ cart: cart!, lines: [] }, []);
  });
  if (typeof made !== "string") return { cartId: made.cartId, cart: made };
  return { cartId: made, cart: await cartView(db, made) };
}

/** `cart.merge`: a guest cart joins the signed-in shopper's account cart. */
export async function mergeCartIntoAccount(
  db: Database,
  actor: Actor & { userId: string },
  input: { cartId: string },
): Promise<CartView> {
  const cartId = await db.transaction(async (tx) => {
    await lockAccountCarts(tx, actor.userId);
    return mergeGuestCart(tx, actor.userId, input.cartId);
  });
  return cartView(db, cartId);
}
