"use client";

import { readCookie, writeCookie } from "@/lib/browser-cookies";
import { CART_COOKIE } from "@/lib/cookie-names";
import { useSyncExternalStore } from "react";

/**
 * The shopper's cart id and item count, shared by the header's cart button, the product page's add-to-cart and
 * (on the cart and checkout pages) the CartProvider, without React Query on the pages that need no more than
 * this. The id lives in a cookie (the bearer secret of a guest's cart).
 */
export type CartSummary = {
  cartId: string | null;
  itemCount: number;
  /**
   * How many times this browser tab changed the cart: islands that show what depends on its lines (the product
   * page's "bought together") read again when it moves, or when they are shown again after it moved (the router
   * brings a page back as it was rendered). Loading the summary on arrival is no change.
   */
  edits: number;
};

let summary: CartSummary = { cartId: null, itemCount: 0, edits: 0 };
const listeners = new Set<() => void>();
const serverSummary: CartSummary = { cartId: null, itemCount: 0, edits: 0 };

export function setCartSummary(next: Partial<CartSummary>) {
  if ("cartId" in next && next.cartId !== summary.cartId) writeCookie(CART_COOKIE, next.cartId ?? null);
  // A forgotten cart (it became an order, or was merged) has nothing in it.
  summary = { ...summary, ...(next.cartId === null ? { itemCount: 0 } : {}), ...next };
  for (const listener of listeners) listener();
}

/** The summary after this tab changed the cart (see `edits`). */
export function cartEdited(next: Partial<Omit<CartSummary, "edits">>) {
  setCartSummary({ ...next, edits: summary.edits + 1 });
}

/** The cart id this browser remembers, before any answer of the server. */
export const storedCartId = () => readCookie(CART_COOKIE);

export function useCartSummary(): CartSummary {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => summary,
    () => serverSummary,
  );
}
