"use client";

import { useKiosk } from "@/components/kiosk-session";
import { useMutation, useQueryClient } from "@tanstack/react-query";

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
        const cart = await contract.cart.get.query({ cartId: id }).catch(() => null);
        if (cart) current = cart.lines.find((l) => l.sku === sku)?.quantity ?? 0;
        else id = null;
      }
      if (!id) {
        id = (await contract.cart.create.mutate()).cartId;
        setCartId(id);
      }
      const cart = await contract.cart.setQuantity.mutate({ cartId: id, sku, quantity: current + quantity });
      queryClient.setQueryData(["contract", "cart.get", id], cart);
      return cart;
    },
  });
}
