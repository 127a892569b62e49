"use client";

import { useKiosk } from "@/components/kiosk-session";
import { useMutation, useQueryClient } from "@tanstack/react-query";

import { errorCode } from "@omni/ui/trpc";

import { useContract } from "./contract";

/** Adds one unit of a SKU to this kiosk session's cart, creating the cart on first use. */
export function useAddToCart() {
  const contract = useContract();
  const queryClient = useQueryClient();
  const { cartId, setCartId } = useKiosk();
  return useMutation({
    mutationFn: async ({ sku, quantity = 1 }: { sku: string; quantity?: number }) => {
      let id = cartId;
      let current = 0;
      if (id) {
        // A cart id that is stale (checked out, forgotten) or unreadable starts a new cart; any other
        // failure is shown to the shopper by the caller.
        const cart = await contract.cart.get.query({ cartId: id }).catch((error: unknown) => {
          if (errorCode(error) === "NOT_FOUND" || errorCode(error) === "BAD_REQUEST") return null;
          throw error;
        });
        if (cart) current = cart.lines.find((l) => l.sku === sku)?.quantity ?? 0;
        else id = null;
      }
      const fresh = !id;
      if (!id) id = (await contract.cart.create.mutate()).cartId;
      const cart = await contract.cart.setQuantity.mutate({ cartId: id, sku, quantity: current + quantity });
      // A read of the cart that started before this write would land after it and show the cart as it
      // was: drop it, then keep the write's answer. The session learns a new cart only once it has the line.
      const key = ["contract", "cart.get", id];
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, cart);
      if (fresh) setCartId(id);
      return cart;
    },
  });
}
