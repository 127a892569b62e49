import { z } from "zod";

import { recommendForCart, recommendForMember, recommendForProduct } from "@omni/domain/engagement";

import { cartId, limit, locale } from "../inputs";
import { publicProcedure, router } from "../trpc";

const slug = z.string().trim().min(1, "Choose a product.").max(200);

/**
 * Recommendations. The contract's `forProduct` and `forMe` are mutations by its naming rule; `list` answers
 * the same as a query, which the apps cache: with a slug for a product page, with a cart for the cart, else
 * "for you". At a kiosk, what its store has on the shelves comes first.
 */
export const recommendationsRouter = router({
  forProduct: publicProcedure
    .input(z.object({ slug, limit: limit(24, 8), cartId: cartId.optional(), locale }))
    .mutation(({ ctx, input }) =>
      recommendForProduct(ctx.db, { ...input, storeId: ctx.actor.deviceStoreId ?? undefined }),
    ),
  forMe: publicProcedure
    .input(z.object({ limit: limit(24, 8), locale }).default({ limit: 8 }))
    .mutation(({ ctx, input }) =>
      recommendForMember(ctx.db, { ...input, userId: ctx.actor.userId, storeId: ctx.actor.deviceStoreId }),
    ),
  list: publicProcedure
    .input(
      z.object({ slug: slug.optional(), cartId: cartId.optional(), limit: limit(24, 8), locale }).default({ limit: 8 }),
    )
    .query(({ ctx, input }) => {
      const { slug, cartId, ...rest } = input;
      const common = { ...rest, storeId: ctx.actor.deviceStoreId ?? undefined };
      if (slug) return recommendForProduct(ctx.db, { ...common, slug, cartId });
      if (cartId) return recommendForCart(ctx.db, { ...common, cartId });
      return recommendForMember(ctx.db, { ...common, userId: ctx.actor.userId });
    }),
});
