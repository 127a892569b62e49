import { z } from "zod";

import { categoryFields, createCategory, updateCategory } from "@omni/domain/catalog";

import { adminProcedure, router } from "../trpc";

/** Categories with Polish and English names (the public list is `catalog.categories`). */
export const categoriesRouter = router({
  create: adminProcedure.input(categoryFields).mutation(({ ctx, input }) => createCategory(ctx.db, ctx.actor, input)),
  update: adminProcedure
    .input(
      categoryFields
        .partial()
        .extend({ slug: z.string().trim().min(1).max(120) })
        .refine((changes) => Object.keys(changes).length > 1, "Change at least one field."),
    )
    .mutation(({ ctx, input }) => updateCategory(ctx.db, ctx.actor, input)),
});
