import type { ReactNode } from "react";

import { ClientMessages } from "@omni/ui/app-document";

import { Providers } from "./providers";

/**
 * The client side of the shop's interactive pages (cart, checkout, account, returns...): next-intl's messages,
 * React Query with the tRPC client, and the cart. Each such route's layout.tsx wraps its pages in it; home,
 * category and product pages (and search) do without, so their first load stays small (bench/RESULTS.md).
 */
export function ShopProviders({ children }: { children: ReactNode }) {
  return (
    <ClientMessages>
      <Providers>{children}</Providers>
    </ClientMessages>
  );
}
