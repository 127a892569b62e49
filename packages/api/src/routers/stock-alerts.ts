import { z } from "zod";

import { createStockAlert } from "@omni/domain/engagement";

import { email, locale, sku, storeId } from "../inputs";
import { publicProcedure, router } from "../trpc";

/** "Tell me when it is back": one message when the SKU is available where the shopper asked. */
export const stockAlertsRouter = router({
  create: publicProcedure
    .input(z.object({ sku, storeId: storeId.default("online"), email, locale }))
    .mutation(({ ctx, input }) => createStockAlert(ctx.db, input)),
});
