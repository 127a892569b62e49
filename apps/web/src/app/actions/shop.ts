"use server";

import { actionResult } from "@/server/action-result";
import { serverApi } from "@/server/api";
import type { inferRouterInputs } from "@trpc/server";

import type { AppRouter } from "@omni/api";

/**
 * The shop's client islands on its lean pages (header, product page) call the API through these actions: the
 * server-side tRPC caller with the shopper's session, so the browser needs neither the tRPC client nor React
 * Query. Inputs are the procedures' own types, and the procedures validate them as for any other caller. Public
 * catalogue reads (the header's search suggestions) are not here: they are GETs a CDN may keep (search-box.tsx).
 */
type In = inferRouterInputs<AppRouter>;

const isOpen = (status: string) => status === "open";

/**
 * The header's cart on a page load: a signed-in shopper's guest cart is brought into the account cart (once
 * per page load: signing in or out reloads the page); a cart that became an order or no longer exists is
 * forgotten (`cartId: null`), so the next add starts a new one.
 */
export async function cartSummaryAction(cartId: string | null, signedIn: boolean) {
  return actionResult(async () => {
    const api = await serverApi();
    if (signedIn) {
      const answer = await api.cart.create(cartId ? { cartId } : {});
      return { cartId: answer.cartId, itemCount: answer.cart.itemCount };
    }
    if (!cartId) return { cartId: null, itemCount: 0 };
    try {
      const cart = await api.cart.get({ cartId });
      return isOpen(cart.status) ? { cartId, itemCount: cart.itemCount } : { cartId: null, itemCount: 0 };
    } catch (error) {
      if (error instanceof Error && "code" in error && error.code === "NOT_FOUND")
        return { cartId: null, itemCount: 0 };
      throw error;
    }
  });
}

/** Adds units to the line of a SKU, creating the cart on first use (or when the remembered one is closed). */
export async function addToCartAction(cartId: string | null, sku: string, quantity: number) {
  return actionResult(async () => {
    const api = await serverApi();
    const current = cartId ? await api.cart.get({ cartId }).catch(() => null) : null;
    const open = current && isOpen(current.status) ? current : null;
    const id = open?.cartId ?? (await api.cart.create({})).cartId;
    const existing = open?.lines.find((line) => line.sku === sku)?.quantity ?? 0;
    const cart = await api.cart.setQuantity({ cartId: id, sku, quantity: existing + quantity });
    return { cartId: cart.cartId, itemCount: cart.itemCount };
  });
}

export async function availabilityAction(input: In["inventory"]["availability"]) {
  return actionResult(async () => (await serverApi()).inventory.availability(input));
}

export async function setPreferredStoreAction(input: In["account"]["setPreferredStore"]) {
  return actionResult(async () => (await serverApi()).account.setPreferredStore(input));
}

export async function reserveAction(input: In["reservations"]["create"]) {
  return actionResult(async () => (await serverApi()).reservations.create(input));
}

export async function stockAlertAction(input: In["stockAlerts"]["create"]) {
  return actionResult(async () => (await serverApi()).stockAlerts.create(input));
}

export async function reviewsAction(input: In["reviews"]["list"]) {
  return actionResult(async () => (await serverApi()).reviews.list(input));
}
