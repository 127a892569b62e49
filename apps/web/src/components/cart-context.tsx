"use client";

import { createContext, useContext, type ReactNode } from "react";

type CartState = { itemCount: number; addToCart: (sku: string, quantity: number) => Promise<void> };

const CartContext = createContext<CartState>({
  itemCount: 0,
  addToCart: async () => {
    throw new Error("The cart is not available yet.");
  },
});

/** The shopper's cart (placeholder until the cart procedures land). */
export function CartProvider({ children }: { children: ReactNode }) {
  return (
    <CartContext.Provider
      value={{
        itemCount: 0,
        addToCart: async () => {
          throw new Error("The cart is not available yet.");
        },
      }}
    >
      {children}
    </CartContext.Provider>
  );
}

export const useCart = () => useContext(CartContext);
