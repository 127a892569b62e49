import { z } from "zod";

import { getProductForStaff, listProductsForStaff, updateProduct, updateVariant } from "@omni/domain/catalog";

import { sku } from "../inputs";
import { adminProcedure, router, staffProcedure } from "../trpc";

const productId = z.uuid("Unknown product.");

export const productsRouter = router({
  list: staffProcedure
    .input(
      z
        .object({
          query: z.string().trim().max(200).optional(),
          category: z.string().max(64).optional(),
          limit: z.number().int().min(1).max(100).default(25),
          offset: z.number().int().min(0).max(1_000_000).default(0),
        })
        .default({ limit: 25, offset: 0 }),
    )
    .query(({ ctx, input }) => listProductsForStaff(ctx.db, input)),
  get: staffProcedure
    .input(z.object({ productId }))
    .query(({ ctx, input }) => getProductForStaff(ctx.db, input.productId)),
  update: adminProcedure
    .input(
      z
        .object({
          productId,
          title: z.string().trim().min(1, "Enter a title.").max(200).optional(),
          description: z.string().trim().max(5000).optional(),
          categorySlug: z.string().trim().min(1).max(64).optional(),
          active: z.boolean().optional(),
          featured: z.boolean().optional(),
          vatRate: z
            .union([z.literal(23), z.literal(8), z.literal(5), z.literal(0)], "The VAT rate is 23, 8, 5 or 0.")
            .optional(),
        })
        .refine((changes) => Object.keys(changes).length > 1, "Change at least one field."),
    )
    .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.actor, input)),
  updateVariant: adminProcedure
    .input(
      z
        .object({
          sku,
          title: z.string().trim().min(1).max(200).optional(),
          priceMinor: z.number().int().min(0).max(100_000_000).optional(),
          active: z.boolean().optional(),
        })
        .refine((changes) => Object.keys(changes).length > 1, "Change at least one field."),
    )
    .mutation(({ ctx, input }) => updateVariant(ctx.db, ctx.actor, input)),
});
