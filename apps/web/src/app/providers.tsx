"use client";

import { CartProvider } from "@/components/cart-context";
import type { ReactNode } from "react";

import { ApiProvider } from "@omni/ui/trpc";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ApiProvider>
      <CartProvider>{children}</CartProvider>
    </ApiProvider>
  );
}
