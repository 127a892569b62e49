import { z } from "zod";

import { catalogFacets, getProduct, listCategories, searchCatalog } from "@omni/domain/catalog";

import { storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router } from "../trpc";

const text = z.string().trim().max(64);

export const catalogRouter = router({
  search: publicProcedure
    .meta(rest("GET", "/products", "catalog:read", "Search the catalogue"))
    .input(
      z
        .object({
          query: z.string().max(200).optional(),
          category: text.optional(),
          limit: z.number().int().min(1).max(100).default(20),
          cursor: z.string().max(32).nullish(),
          sizes: z.array(text).max(20).optional(),
          colours: z.array(text).max(20).optional(),
          minPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
          maxPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
          availableIn: storeId.optional(),
          sort: z.enum(["relevance", "price_asc", "price_desc", "newest"]).optional(),
        })
        .default({ limit: 20 }),
    )
    .query(({ ctx, input }) => searchCatalog(ctx.db, input)),
  product: publicProcedure
    .meta(rest("GET", "/products/{slug}", "catalog:read", "A product with its variants"))
    .input(z.object({ slug: z.string().trim().min(1).max(200) }))
    .query(({ ctx, input }) => getProduct(ctx.db, input.slug)),
  categories: publicProcedure
    .meta(rest("GET", "/categories", "catalog:read", "Categories"))
    .query(({ ctx }) => listCategories(ctx.db)),
  facets: publicProcedure
    .input(z.object({ category: text.optional() }).default({}))
    .query(({ ctx, input }) => catalogFacets(ctx.db, input.category)),
});
