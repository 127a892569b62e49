import { catalogRouter } from "./routers/catalog";
import { inventoryRouter } from "./routers/inventory";
import { storesRouter } from "./routers/stores";
import { router } from "./trpc";

export const appRouter = router({
  stores: storesRouter,
  catalog: catalogRouter,
  inventory: inventoryRouter,
});

export type AppRouter = typeof appRouter;
