import { z } from "zod";

import { catalogFacets, getProduct, listCategories, searchCatalog, suggestProducts } from "@omni/domain/catalog";

import { cachedRead } from "../cached-reads";
import { storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router } from "../trpc";

const text = z.string().trim().max(64);
/** The shopper's language: the apps pass their next-intl locale; without it content is English (the contract's). */
const locale = z.enum(["pl", "en"]).optional();

const filters = {
  query: z.string().max(200).optional(),
  category: text.optional(),
  sizes: z.array(text).max(20).optional(),
  colours: z.array(text).max(20).optional(),
  minPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
  maxPriceMinor: z.number().int().min(0).max(100_000_000).optional(),
  availableIn: storeId.optional(),
  locale,
};

export const catalogRouter = router({
  search: publicProcedure
    .meta(rest("GET", "/products", "catalog:read", "Search the catalogue"))
    .input(
      z
        .object({
          ...filters,
          limit: z.number().int().min(1).max(100).default(20),
          cursor: z.string().max(32).nullish(),
          sort: z.enum(["relevance", "price_asc", "price_desc", "newest"]).optional(),
        })
        .default({ limit: 20 }),
    )
    .query(({ ctx, input }) => cachedRead(ctx, "catalog.search", input, () => searchCatalog(ctx.db, input))),
  suggest: publicProcedure
    .input(z.object({ query: z.string().max(200), locale, limit: z.number().int().min(1).max(10).default(6) }))
    .query(({ ctx, input }) => cachedRead(ctx, "catalog.suggest", input, () => suggestProducts(ctx.db, input))),
  product: publicProcedure
    .meta(rest("GET", "/products/{slug}", "catalog:read", "A product with its variants"))
    .input(z.object({ slug: z.string().trim().min(1).max(200), locale }))
    .query(({ ctx, input }) =>
      cachedRead(ctx, "catalog.product", input, () => getProduct(ctx.db, input.slug, input.locale)),
    ),
  categories: publicProcedure
    .meta(rest("GET", "/categories", "catalog:read", "Categories"))
    .input(z.object({ locale }).optional())
    .query(({ ctx, input }) =>
      cachedRead(ctx, "catalog.categories", input, () => listCategories(ctx.db, input?.locale)),
    ),
  /** Counts per category, size, colour, price band and "available in `storeId`" that follow the other filters. */
  facets: publicProcedure
    .input(z.object({ ...filters, storeId: storeId.optional() }).default({}))
    .query(({ ctx, input }) => cachedRead(ctx, "catalog.facets", input, () => catalogFacets(ctx.db, input))),
});
