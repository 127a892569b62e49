import { z } from "zod";

import { describeStores, getStore, loadStores } from "@omni/domain/stores";

import { cachedRead } from "../cached-reads";
import { storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router } from "../trpc";

export const storesRouter = router({
  list: publicProcedure
    .meta(rest("GET", "/stores", "catalog:read", "Stores and warehouses"))
    .input(z.object({}).strict().optional())
    // The rows are cached; the pickup promise ("ready today at 15:00") is worked out for this moment.
    .query(async ({ ctx }) =>
      describeStores(await cachedRead(ctx, "stores.list", null, () => loadStores(ctx.db)), new Date()),
    ),
  get: publicProcedure
    .meta(rest("GET", "/stores/{storeId}", "catalog:read", "One store"))
    .input(z.object({ storeId }))
    .query(({ ctx, input }) => cachedRead(ctx, "stores.get", input, () => getStore(ctx.db, input.storeId))),
});
