import { z } from "zod";

import { getOrder, listMyOrders, orderReceiptPdf } from "@omni/domain/orders";

import { email, limit, orderNumber } from "../inputs";
import { rest } from "../openapi/meta";
import { customerProcedure, publicProcedure, router } from "../trpc";

export const ordersRouter = router({
  /** `{ orderNumber, email }`; a signed-in owner (or staff of the store) may leave out the e-mail. */
  get: publicProcedure
    .meta(rest("GET", "/orders/{orderNumber}", "orders:read", "An order with its timeline"))
    .input(z.object({ orderNumber, email: email.optional() }))
    .query(({ ctx, input }) => getOrder(ctx.db, ctx.actor, input)),
  /** My orders from every channel, newest first; `before` pages on with the last `createdAt`. */
  list: customerProcedure
    .input(z.object({ limit: limit(100, 20), before: z.date().optional() }).default({ limit: 20 }))
    .query(({ ctx, input }) => listMyOrders(ctx.db, ctx.actor, input)),
  /** The receipt, or the VAT invoice when one was asked for, of a completed order: a PDF in base64. */
  receipt: publicProcedure
    .input(z.object({ orderNumber, email: email.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { pdf, ...rest } = await orderReceiptPdf(ctx.db, ctx.actor, input);
      return { ...rest, contentType: "application/pdf", pdfBase64: Buffer.from(pdf).toString("base64") };
    }),
});
