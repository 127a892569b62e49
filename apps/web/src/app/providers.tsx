"use client";

import { ApiProvider } from "@omni/ui/trpc";
import type { ReactNode } from "react";
import { CartProvider } from "@/components/cart-context";

export function Providers({ children, signedIn }: { children: ReactNode; signedIn: boolean }) {
  return (
    <ApiProvider>
      <CartProvider signedIn={signedIn}>{children}</CartProvider>
    </ApiProvider>
  );
}
