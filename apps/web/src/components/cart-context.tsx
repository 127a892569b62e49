"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { createContext, useCallback, useContext, useEffect, type ReactNode } from "react";

import type { AppRouter } from "@omni/api";
import { errorCode, useTRPC } from "@omni/ui/trpc";

import { cartEdited, setCartSummary, useCartSummary } from "./cart-store";

export type CartView = inferRouterOutputs<AppRouter>["cart"]["get"];

type CartState = {
  cartId: string | null;
  cart: CartView | undefined;
  loading: boolean;
  error: unknown;
  itemCount: number;
  /** Adds units to the line of a SKU (creating the cart on first use). */
  addToCart: (sku: string, quantity: number) => Promise<void>;
  setQuantity: (sku: string, quantity: number) => Promise<CartView>;
  applyCode: (code: string) => Promise<void>;
  removeCode: () => Promise<void>;
  /** Switches this browser to another cart (continue on another device). */
  useCartId: (cartId: string) => void;
  /** Forgets the cart once it became an order. */
  forget: () => void;
};

const CartContext = createContext<CartState | null>(null);

/**
 * The shopper's cart, for the pages that show or change it in full (cart, checkout, handoff...). Which cart it
 * is comes from the shared cart summary (cart-store.ts), which the header's cart button fills on each page load
 * (bringing a signed-in shopper's guest cart into the account cart); the count it shows follows this cart.
 */
export function CartProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { cartId } = useCartSummary();

  const remember = useCallback((id: string | null) => setCartSummary({ cartId: id }), []);

  const create = useMutation(trpc.cart.create.mutationOptions());

  const query = useQuery({ ...trpc.cart.get.queryOptions({ cartId: cartId ?? "" }), enabled: !!cartId });

  // A cart that became an order, was merged, or no longer exists is forgotten: the next add starts a new one.
  useEffect(() => {
    if (query.data && query.data.status !== "open") remember(null);
    if (query.error && errorCode(query.error) === "NOT_FOUND") remember(null);
    if (query.data?.status === "open") setCartSummary({ itemCount: query.data.itemCount });
  }, [query.data, query.error, remember]);

  const setQty = useMutation(trpc.cart.setQuantity.mutationOptions());
  const apply = useMutation(trpc.cart.applyCode.mutationOptions());
  const remove = useMutation(trpc.cart.removeCode.mutationOptions());

  // A read of the cart that started before a write would land after it with the cart as it was: it is
  // dropped before the write's answer is kept. Pages met again on the way back (a product's "bought together")
  // hear of the write through the cart summary.
  const store = useCallback(
    async (cart: CartView) => {
      const key = trpc.cart.get.queryKey({ cartId: cart.cartId });
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, cart);
      cartEdited({});
      return cart;
    },
    [queryClient, trpc],
  );

  const ensureCart = async (): Promise<string> => {
    const current = query.data?.status === "open" ? query.data.cartId : null;
    if (current) return current;
    if (cartId && !query.data && !query.error) return cartId;
    const answer = await create.mutateAsync({});
    await store(answer.cart);
    remember(answer.cartId);
    return answer.cartId;
  };

  const value: CartState = {
    cartId,
    cart: query.data,
    loading: !!cartId && query.isPending,
    error: query.error,
    itemCount: query.data?.status === "open" ? query.data.itemCount : 0,
    addToCart: async (sku, quantity) => {
      const id = await ensureCart();
      const existing = query.data?.cartId === id ? (query.data.lines.find((l) => l.sku === sku)?.quantity ?? 0) : 0;
      await store(await setQty.mutateAsync({ cartId: id, sku, quantity: existing + quantity }));
    },
    setQuantity: async (sku, quantity) =>
      store(await setQty.mutateAsync({ cartId: await ensureCart(), sku, quantity })),
    applyCode: async (code) => {
      await store(await apply.mutateAsync({ cartId: await ensureCart(), code }));
    },
    removeCode: async () => {
      await store(await remove.mutateAsync({ cartId: await ensureCart() }));
    },
    useCartId: (id) => remember(id),
    forget: () => remember(null),
  };

  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const cart = useContext(CartContext);
  if (!cart) throw new Error("useCart needs a CartProvider.");
  return cart;
}
