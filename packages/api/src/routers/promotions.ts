import { z } from "zod";

import { createPromotion, listPromotions, setPromotionActive } from "@omni/domain/catalog";

import { adminProcedure, router, staffProcedure } from "../trpc";

export const promotionsRouter = router({
  list: staffProcedure.query(({ ctx }) => listPromotions(ctx.db)),
  create: adminProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, "Name the promotion.").max(200),
        kind: z.enum(["percent", "amount"]),
        value: z.number().int().min(1, "The discount must be positive.").max(100_000_000),
        categorySlug: z.string().trim().min(1).max(64).nullish(),
        productId: z.uuid().nullish(),
        code: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{3,32}$/, "A code is 3–32 letters, digits or dashes.")
          .nullish(),
        startsAt: z.coerce.date(),
        endsAt: z.coerce.date(),
        usageLimit: z.number().int().min(1).max(10_000_000).nullish(),
        usageLimitPerCustomer: z.number().int().min(1).max(1000).nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createPromotion(ctx.db, ctx.actor, input)),
  setActive: adminProcedure
    .input(z.object({ promotionId: z.uuid(), active: z.boolean() }))
    .mutation(({ ctx, input }) => setPromotionActive(ctx.db, ctx.actor, input)),
});
