import { z } from "zod";

import {
  countLowStock,
  exportStockCsv,
  getAvailability,
  importStockCsv,
  listLowStock,
  listMovements,
  receiveStock,
  setOnHand,
  updateSafetyStock,
} from "@omni/domain/inventory";

import { cachedAvailabilityPlaces } from "../cached-reads";
import { idempotencyKey, quantity, reason, sku, storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { adminProcedure, publicProcedure, router, storeManagerProcedure, storeStaffProcedure } from "../trpc";

export const inventoryRouter = router({
  availability: publicProcedure
    .meta(rest("GET", "/availability/{sku}", "catalog:read", "Stock of a SKU by location"))
    .input(z.object({ sku, storeIds: z.array(storeId).max(100).optional() }))
    .query(({ ctx, input }) => getAvailability(ctx.db, input, cachedAvailabilityPlaces(ctx))),
  setOnHand: storeManagerProcedure
    .meta(
      rest("PUT", "/stores/{storeId}/stock/{sku}", "stock:write", "Set the counted stock of a SKU in a store", {
        protect: true,
      }),
    )
    .input(z.object({ storeId, sku, onHand: z.number().int().min(0).max(1_000_000), reason }))
    .mutation(({ ctx, input }) => setOnHand(ctx.db, ctx.actor, input)),
  receive: storeManagerProcedure
    .input(z.object({ storeId, sku, quantity: quantity.max(100_000), reason, idempotencyKey }))
    .mutation(({ ctx, input }) => receiveStock(ctx.db, ctx.actor, input)),
  /** A stock count from a spreadsheet (location_id, sku, on_hand): all rows or none. */
  importCsv: adminProcedure
    .input(z.object({ csv: z.string().min(1, "Choose a CSV file.").max(5_000_000), reason }))
    .mutation(({ ctx, input }) => importStockCsv(ctx.db, ctx.actor, input)),
  exportCsv: adminProcedure
    .input(z.object({ storeId: storeId.optional() }).default({}))
    .mutation(async ({ ctx, input }) => ({ csv: await exportStockCsv(ctx.db, input) })),
  setSafetyStock: storeManagerProcedure
    .input(z.object({ storeId, sku, safetyStock: z.number().int().min(0).max(100_000) }))
    .mutation(({ ctx, input }) => updateSafetyStock(ctx.db, ctx.actor, input)),
  /** What the store is running out of, for the dashboard. */
  lowStock: storeStaffProcedure
    .input(
      z.object({
        storeId,
        threshold: z.number().int().min(0).max(1000).default(2),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listLowStock(ctx.db, input)),
  /** How many SKUs the store is running out of, however many there are. */
  lowStockCount: storeStaffProcedure
    .input(z.object({ storeId, threshold: z.number().int().min(0).max(1000).default(2) }))
    .query(({ ctx, input }) => countLowStock(ctx.db, input)),
  movements: storeStaffProcedure
    .input(
      z.object({
        storeId,
        sku,
        limit: z.number().int().min(1).max(200).default(50),
        before: z.number().int().positive().optional(),
      }),
    )
    .query(({ ctx, input }) => listMovements(ctx.db, input)),
});
