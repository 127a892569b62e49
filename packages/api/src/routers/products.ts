import { z } from "zod";

import {
  bulkChangePrices,
  createProduct,
  createVariant,
  deleteProductImage,
  eanField,
  exportProductsCsv,
  getProductForStaff,
  IMAGE_MAX_BYTES,
  importProductsCsv,
  listProductsForStaff,
  moneyField,
  newProduct,
  optionsField,
  productContent,
  updateProduct,
  updateVariant,
  uploadProductImage,
  variantFields,
  vatRateField,
} from "@omni/domain/catalog";

import { locale, reason, sku } from "../inputs";
import { adminProcedure, router, staffProcedure } from "../trpc";

const productId = z.uuid("Unknown product.");
const atLeastOne = (changes: object) => Object.keys(changes).length > 1;
/** A CSV file's text as uploaded; the domain checks each row. */
const csv = z.string().min(1, "Choose a CSV file.").max(5_000_000, "This file is too large to import (at most 5 MB).");

export const productsRouter = router({
  list: staffProcedure
    .input(
      z
        .object({
          query: z.string().trim().max(200).optional(),
          category: z.string().max(64).optional(),
          locale,
          limit: z.number().int().min(1).max(100).default(25),
          offset: z.number().int().min(0).max(1_000_000).default(0),
        })
        .default({ limit: 25, offset: 0 }),
    )
    .query(({ ctx, input }) => listProductsForStaff(ctx.db, input)),
  get: staffProcedure
    .input(z.object({ productId }))
    .query(({ ctx, input }) => getProductForStaff(ctx.db, input.productId)),
  create: adminProcedure.input(newProduct).mutation(({ ctx, input }) => createProduct(ctx.db, ctx.actor, input)),
  update: adminProcedure
    .input(
      z
        .object({
          productId,
          title: productContent.title.optional(),
          titlePl: productContent.titlePl.optional(),
          description: productContent.description.optional(),
          descriptionPl: productContent.descriptionPl.optional(),
          categorySlug: productContent.categorySlug.optional(),
          active: z.boolean().optional(),
          featured: z.boolean().optional(),
          vatRate: vatRateField.optional(),
        })
        .refine(atLeastOne, "Change at least one field."),
    )
    .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.actor, input)),
  createVariant: adminProcedure
    .input(variantFields.extend({ productId }))
    .mutation(({ ctx, input }) => createVariant(ctx.db, ctx.actor, input)),
  updateVariant: adminProcedure
    .input(
      z
        .object({
          sku,
          title: z.string().trim().min(1).max(200).optional(),
          ean: eanField.nullable().optional(),
          options: optionsField.optional(),
          priceMinor: moneyField.optional(),
          unitCostMinor: moneyField.nullable().optional(),
          active: z.boolean().optional(),
        })
        .refine(atLeastOne, "Change at least one field."),
    )
    .mutation(({ ctx, input }) => updateVariant(ctx.db, ctx.actor, input)),
  /** Many list prices at once (by SKU or category), with one audit entry listing every price before and after. */
  bulkPrice: adminProcedure
    .input(
      z
        .object({
          skus: z.array(sku).min(1).max(5000).optional(),
          categorySlug: productContent.categorySlug.optional(),
          change: z.discriminatedUnion("kind", [
            z.object({ kind: z.literal("percent"), percent: z.number().min(-99).max(500) }),
            z.object({ kind: z.literal("amount"), amountMinor: z.number().int().min(-100_000_000).max(100_000_000) }),
            z.object({ kind: z.literal("set"), priceMinor: moneyField }),
          ]),
          reason,
        })
        .refine((i) => i.skus?.length || i.categorySlug, "Choose the SKUs or a category to reprice."),
    )
    .mutation(({ ctx, input }) => bulkChangePrices(ctx.db, ctx.actor, input)),
  /** A picture, sent as base64 (the admin reads the chosen file); served resized at `/api/images/<id>?w=<px>`. */
  uploadImage: adminProcedure
    .input(
      z.object({
        productId,
        colour: z.string().trim().max(32).nullish(),
        dataBase64: z
          .string()
          .min(1, "Choose a picture.")
          .max(Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 4, "This picture is too large (at most 10 MB).")
          .regex(/^[A-Za-z0-9+/]+=*$/, "This picture did not arrive whole; choose it again."),
      }),
    )
    .mutation(({ ctx, input }) =>
      uploadProductImage(ctx.db, ctx.actor, {
        productId: input.productId,
        colour: input.colour,
        data: Buffer.from(input.dataBase64, "base64"),
      }),
    ),
  deleteImage: adminProcedure
    .input(z.object({ imageId: z.uuid("Unknown picture.") }))
    .mutation(({ ctx, input }) => deleteProductImage(ctx.db, ctx.actor, input)),
  importCsv: adminProcedure
    .input(z.object({ csv, dryRun: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => importProductsCsv(ctx.db, ctx.actor, input)),
  exportCsv: adminProcedure
    .input(z.object({ categorySlug: productContent.categorySlug.optional() }).default({}))
    .mutation(async ({ ctx, input }) => ({ csv: await exportProductsCsv(ctx.db, input) })),
});
