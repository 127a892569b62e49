import { z } from "zod";

import { createReview, listReviews, listReviewsForModeration, moderateReview } from "@omni/domain/engagement";

import { email, limit, orderNumber, text } from "../inputs";
import { adminProcedure, publicProcedure, router } from "../trpc";

const slug = z.string().trim().min(1, "Choose a product.").max(200);
const reviewText = text().pipe(z.string().max(2000, "Keep the review under 2000 characters."));

export const reviewsRouter = router({
  /** A verified buyer rates a product of a collected or delivered order (the e-mail may be left out when signed in). */
  create: publicProcedure
    .input(
      z.object({
        orderNumber,
        email: email.optional(),
        slug,
        rating: z.number().int().min(1, "Give 1 to 5 stars.").max(5, "Give 1 to 5 stars."),
        text: reviewText.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createReview(ctx.db, ctx.actor, input)),
  list: publicProcedure
    .input(z.object({ slug, limit: limit(50, 10), cursor: z.string().max(32).nullish() }))
    .query(({ ctx, input }) => listReviews(ctx.db, input)),
  /** Admin: reviews to moderate, newest first. */
  queue: adminProcedure
    .input(
      z.object({ status: z.enum(["published", "hidden"]).optional(), limit: limit(200, 100) }).default({ limit: 100 }),
    )
    .query(({ ctx, input }) => listReviewsForModeration(ctx.db, input)),
  /** Admin: publish, hide or answer a review. */
  moderate: adminProcedure
    .input(
      z.object({
        id: z.uuid("This review was not found."),
        status: z.enum(["published", "hidden"]).optional(),
        reply: reviewText.optional(),
      }),
    )
    .mutation(({ ctx, input }) => moderateReview(ctx.db, ctx.actor, input)),
});
