import { z } from "zod";

import { analyticsKpis, listForecast } from "@omni/domain/analytics";

import { sku, storeId } from "../inputs";
import { router, storeManagerProcedure } from "../trpc";

const day = z.coerce.date({ error: "Enter a date, for example 2026-03-01." });

/**
 * Reads, but mutations by the contract's naming rule (only `get`, `list`, `search`… are queries): clients
 * POST them. Managers of the store and admins; no `storeId` is the whole chain, for admins only.
 */
export const analyticsRouter = router({
  kpis: storeManagerProcedure
    .input(z.object({ storeId: storeId.optional(), from: day, to: day }))
    .mutation(({ ctx, input }) => analyticsKpis(ctx.db, ctx.actor, input)),
  forecast: storeManagerProcedure
    .input(z.object({ storeId, sku: sku.optional(), limit: z.number().int().min(1).max(500).default(50) }))
    .mutation(({ ctx, input }) => listForecast(ctx.db, ctx.actor, input)),
});
