"use client";

import { CartProvider } from "@/components/cart-context";
import type { ReactNode } from "react";

import { ApiProvider } from "@omni/ui/trpc";

export function Providers({ children, signedIn }: { children: ReactNode; signedIn: boolean }) {
  return (
    <ApiProvider>
      <CartProvider signedIn={signedIn}>{children}</CartProvider>
    </ApiProvider>
  );
}
