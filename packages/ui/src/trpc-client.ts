import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";

import type { AppRouter } from "@omni/api";

/**
 * Where every app serves its tRPC route (packages/api/src/next.ts). trpc.tsx names it too rather than import it: a
 * static import of this module put its link into the first load of every React Query page (+3 kB gzip on /cart).
 */
const API_URL = "/api/trpc";

let publicReads: ReturnType<typeof createTRPCClient<AppRouter>> | undefined;

/**
 * A tRPC client for public catalogue reads outside React Query: each query is its own unbatched GET
 * (`/api/trpc/catalog.suggest?input=…`), the one form a CDN and the route's answer cache keep (a batch never is).
 * Its own module, imported on demand, so that pages without React Query (home, category, product) load it only
 * when a shopper first needs it (the header's search).
 */
export function publicReadClient() {
  publicReads ??= createTRPCClient<AppRouter>({ links: [httpLink({ url: API_URL, transformer: superjson })] });
  return publicReads;
}
