import { z } from "zod";

import { messagePreviews } from "@omni/domain/engagement";
import { messageTemplates } from "@omni/domain/kernel";
import { listNotifications, retryMessage } from "@omni/domain/messages";

import { email, limit } from "../inputs";
import { adminProcedure, router, staffProcedure } from "../trpc";

export const notificationsRouter = router({
  list: staffProcedure
    .input(
      z
        .object({
          email: email.optional(),
          limit: limit(200, 50),
          channel: z.enum(["email", "sms"]).optional(),
          template: z.enum(messageTemplates, "Unknown kind of message.").optional(),
          unsent: z.boolean().optional(),
          dead: z.boolean().optional(),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  /** A message the outbox gave up on (dead) gets a fresh set of tries. */
  retry: adminProcedure
    .input(z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }))
    .mutation(({ ctx, input }) => retryMessage(ctx.db, ctx.actor, input)),
});

/** Admin: every message template, filled with sample data, in Polish and English. */
export const messageTemplatesRouter = router({
  list: adminProcedure.query(() => messagePreviews()),
});
