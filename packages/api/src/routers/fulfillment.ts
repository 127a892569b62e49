import { z } from "zod";

import { orderStatuses } from "@omni/db";
import {
  advanceOrder,
  answerHelp,
  deliverOrder,
  fulfillmentQueue,
  shipmentLabel,
  shipOrder,
  staffCancelOrder,
} from "@omni/domain/orders";

import { orderNumber, reason, storeId } from "../inputs";
import { router, staffProcedure, storeStaffProcedure } from "../trpc";

export const fulfillmentRouter = router({
  queue: storeStaffProcedure
    .input(
      z.object({
        storeId,
        status: z.enum(orderStatuses).optional(),
        /** A page of finished orders (history); the open queue always comes whole. */
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).max(1_000_000).optional(),
      }),
    )
    .query(({ ctx, input }) => fulfillmentQueue(ctx.db, ctx.actor, input)),
  advance: staffProcedure
    .input(z.object({ orderNumber, to: z.enum(["picking", "ready_for_pickup"]) }))
    .mutation(({ ctx, input }) => advanceOrder(ctx.db, ctx.actor, input)),
  ship: staffProcedure
    .input(z.object({ orderNumber, trackingNumber: z.string().trim().min(1).max(100).optional() }))
    .mutation(({ ctx, input }) => shipOrder(ctx.db, ctx.actor, input)),
  /** The parcel label of a shipped delivery: a PDF in base64, with its tracking number. */
  label: staffProcedure.input(z.object({ orderNumber })).mutation(async ({ ctx, input }) => {
    const { pdf, ...rest } = await shipmentLabel(ctx.db, ctx.actor, input);
    return { ...rest, contentType: "application/pdf", pdfBase64: Buffer.from(pdf).toString("base64") };
  }),
  deliver: staffProcedure
    .input(z.object({ orderNumber }))
    .mutation(({ ctx, input }) => deliverOrder(ctx.db, ctx.actor, input)),
  /** A clerk takes a shopper's request for help from the kiosk. */
  answerHelp: staffProcedure
    .input(z.object({ orderNumber }))
    .mutation(({ ctx, input }) => answerHelp(ctx.db, ctx.actor, input)),
  cancel: staffProcedure
    .input(z.object({ orderNumber, reason }))
    .mutation(({ ctx, input }) => staffCancelOrder(ctx.db, ctx.actor, input)),
});
