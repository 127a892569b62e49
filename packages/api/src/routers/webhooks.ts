import { z } from "zod";

import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  redeliverWebhook,
  setWebhookEnabled,
  webhookEventTypes,
  webhookPolicyFromEnv,
} from "@omni/domain/integrations";

import { limit } from "../inputs";
import { adminProcedure, router } from "../trpc";

const id = z.uuid("This webhook was not found.");

export const webhooksRouter = router({
  /** `{ url, events }` → `{ id, secret }` (a Standard Webhooks `whsec_` secret). */
  create: adminProcedure
    .input(
      z.object({
        url: z.string().trim().min(1, "Enter the receiver's address.").max(2000, "That address is too long."),
        events: z.array(z.enum(webhookEventTypes)).min(1, "Choose at least one event.").max(webhookEventTypes.length),
      }),
    )
    .mutation(({ ctx, input }) => createWebhook(ctx.db, ctx.actor, input, webhookPolicyFromEnv())),
  list: adminProcedure.query(({ ctx }) => listWebhooks(ctx.db)),
  setEnabled: adminProcedure
    .input(z.object({ id, enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setWebhookEnabled(ctx.db, ctx.actor, input)),
  delete: adminProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteWebhook(ctx.db, ctx.actor, input)),
  /** One subscription with its delivery log, newest first. */
  get: adminProcedure
    .input(z.object({ id, limit: limit(200, 50), before: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => getWebhook(ctx.db, input)),
  /** "Send again": the same message, with the same `webhook-id`. */
  redeliver: adminProcedure
    .input(z.object({ deliveryId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }))
    .mutation(({ ctx, input }) => redeliverWebhook(ctx.db, ctx.actor, input)),
});
