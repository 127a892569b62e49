"use client";

import { ApiProvider } from "@omni/ui/trpc";
import type { ReactNode } from "react";
import { CartProvider } from "@/components/cart-context";

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ApiProvider>
      <CartProvider>{children}</CartProvider>
    </ApiProvider>
  );
}
