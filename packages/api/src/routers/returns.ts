import { z } from "zod";

import { returnConditions, returnReasons, returnStatuses } from "@omni/db";
import {
  cancelReturn,
  createReturn,
  getReturn,
  getReturnEligibility,
  listReturns,
  lookupReturn,
  quoteReturn,
  receiveReturn,
  rejectReturn,
} from "@omni/domain/returns";

import {
  counterPayment,
  email,
  reason as freeText,
  idempotencyKey,
  orderNumber,
  quantity,
  sku,
  storeId,
} from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router, staffProcedure, storeStaffProcedure } from "../trpc";

/** Any text up to 64 characters: one that matches nothing is NOT_FOUND. */
const returnNumber = z.string().trim().min(1, "Enter a return number.").max(64, "That return number is too long.");
/** PostgreSQL cannot store the NUL character: refused as bad input rather than failing in the database. */
const reason = freeText.refine(
  (text) => !text.includes("\u0000"),
  "This text contains a character that is not allowed.",
);
const lineId = z.uuid("That item is not part of this order.");
/** Signed-in owners (and staff at the counter) may leave out the e-mail address. */
const shopperEmail = email.optional();

const returnedLines = z
  .array(z.object({ lineId, quantity, reason: z.enum(returnReasons, "Choose why you are returning this item.") }))
  .min(1, "Choose at least one item to return.")
  .max(100);
/** An exchange: replacement goods (another size, colour or product) instead of the money. */
const exchange = z.array(z.object({ sku, quantity })).min(1).max(20).optional();

export const returnsRouter = router({
  eligibility: publicProcedure
    .meta(rest("GET", "/orders/{orderNumber}/returnable", "orders:read", "What of an order can be returned"))
    .input(z.object({ orderNumber, email: shopperEmail }))
    .query(({ ctx, input }) => getReturnEligibility(ctx.db, ctx.actor, input)),
  create: publicProcedure
    .meta(rest("POST", "/returns", "returns:write", "Request a return"))
    .input(
      z.object({
        orderNumber,
        email: shopperEmail,
        lines: returnedLines,
        method: z.discriminatedUnion("type", [
          z.object({ type: z.literal("in_store"), storeId }),
          z.object({ type: z.literal("mail") }),
        ]),
        refundTo: z.enum(["original", "store_credit"]),
        idempotencyKey,
        exchange,
      }),
    )
    .mutation(({ ctx, input }) => createReturn(ctx.db, ctx.actor, input)),
  /** What `create` would promise (refund, or the amount due for a dearer exchange), writing nothing. */
  quote: publicProcedure
    .input(z.object({ orderNumber, email: shopperEmail, lines: returnedLines, exchange }))
    .mutation(({ ctx, input }) => quoteReturn(ctx.db, ctx.actor, input)),
  get: publicProcedure
    .meta(rest("GET", "/returns/{returnNumber}", "orders:read", "A return"))
    .input(z.object({ returnNumber, email: shopperEmail }))
    .query(({ ctx, input }) => getReturn(ctx.db, ctx.actor, input)),
  cancel: publicProcedure
    .meta(rest("POST", "/returns/{returnNumber}/cancel", "returns:write", "Cancel a requested return"))
    .input(z.object({ returnNumber, email: shopperEmail }))
    .mutation(({ ctx, input }) => cancelReturn(ctx.db, ctx.actor, input)),
  receive: storeStaffProcedure
    .meta(
      rest("POST", "/returns/{returnNumber}/receive", "returns:write", "Receive returned goods in a store and refund", {
        protect: true,
      }),
    )
    .input(
      z.object({
        returnNumber,
        storeId,
        lines: z
          .array(z.object({ lineId, condition: z.enum(returnConditions) }))
          .min(1, "Say what condition the items are in.")
          .max(100),
        /** The difference of a dearer exchange, taken at the counter: required when something is due. */
        payment: counterPayment.optional(),
      }),
    )
    .mutation(({ ctx, input }) => receiveReturn(ctx.db, ctx.actor, input)),
  reject: storeStaffProcedure
    .input(z.object({ returnNumber, storeId, reason }))
    .mutation(({ ctx, input }) => rejectReturn(ctx.db, ctx.actor, input)),
  /** The counter scans the slip's QR code; not a query by the contract's naming rule. */
  lookup: staffProcedure
    .input(z.object({ returnNumber }))
    .mutation(({ ctx, input }) => lookupReturn(ctx.db, ctx.actor, input)),
  list: staffProcedure
    .input(
      z
        .object({
          storeId: storeId.optional(),
          status: z.enum(returnStatuses).optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => listReturns(ctx.db, ctx.actor, input)),
});
