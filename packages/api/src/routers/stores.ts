import { z } from "zod";

import { getStore, listStores } from "@omni/domain/stores";

import { storeId } from "../inputs";
import { publicProcedure, router } from "../trpc";

export const storesRouter = router({
  list: publicProcedure.input(z.void().or(z.object({}).strict())).query(({ ctx }) => listStores(ctx.db)),
  get: publicProcedure.input(z.object({ storeId })).query(({ ctx, input }) => getStore(ctx.db, input.storeId)),
});
