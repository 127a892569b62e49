import { z } from "zod";

import { ONLINE_LOCATION } from "@omni/core";
import { createStockAlert } from "@omni/domain/engagement";

import { email, locale, sku, storeId } from "../inputs";
import { publicProcedure, router } from "../trpc";

/** "Tell me when it is back": one message when the SKU is available where the shopper asked. */
export const stockAlertsRouter = router({
  create: publicProcedure
    .input(z.object({ sku, storeId: storeId.default(ONLINE_LOCATION), email, locale }))
    .mutation(({ ctx, input }) => createStockAlert(ctx.db, input)),
});
