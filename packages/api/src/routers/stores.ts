import { z } from "zod";

import { getStore, listStores } from "@omni/domain/stores";

import { storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router } from "../trpc";

export const storesRouter = router({
  list: publicProcedure
    .meta(rest("GET", "/stores", "catalog:read", "Stores and warehouses"))
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => listStores(ctx.db)),
  get: publicProcedure
    .meta(rest("GET", "/stores/{storeId}", "catalog:read", "One store"))
    .input(z.object({ storeId }))
    .query(({ ctx, input }) => getStore(ctx.db, input.storeId)),
});
