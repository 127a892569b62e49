import { z } from "zod";

import { transferStatuses } from "@omni/db";
import {
  cancelTransfer,
  createTransfer,
  getTransfer,
  listTransfers,
  receiveTransfer,
  replenish,
  replenishmentSuggestions,
  setReorderPoints,
  shipTransfer,
} from "@omni/domain/transfers";

import { idempotencyKey, quantity, reason, sku, storeId, text } from "../inputs";
import { router, staffProcedure, storeManagerProcedure, storeStaffProcedure } from "../trpc";

const transferNumber = text().pipe(z.string().min(1, "Enter a transfer number.").max(64));
const lines = z
  .array(z.object({ sku, quantity: quantity.max(100_000) }))
  .min(1, "Add at least one line.")
  .max(200);

/**
 * Stock moving between locations. Who may act depends on the transfer (manager of either store to
 * create, staff of the source to ship, of the destination to receive), so the use-cases check it
 * after the staff tier has refused everyone else.
 */
export const transfersRouter = router({
  create: staffProcedure
    .input(
      z.object({ fromStoreId: storeId, toStoreId: storeId, lines, reason, idempotencyKey: idempotencyKey.optional() }),
    )
    .mutation(({ ctx, input }) => createTransfer(ctx.db, ctx.actor, input)),
  ship: staffProcedure
    .input(z.object({ transferNumber }))
    .mutation(({ ctx, input }) => shipTransfer(ctx.db, ctx.actor, input)),
  receive: staffProcedure
    .input(
      z.object({
        transferNumber,
        lines: z
          .array(
            z.object({
              sku,
              quantity: z.number().int().min(0).max(100_000),
              lossReason: reason.optional(),
            }),
          )
          .max(200)
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => receiveTransfer(ctx.db, ctx.actor, input)),
  cancel: staffProcedure
    .input(z.object({ transferNumber, reason }))
    .mutation(({ ctx, input }) => cancelTransfer(ctx.db, ctx.actor, input)),
  get: staffProcedure
    .input(z.object({ transferNumber }))
    .query(({ ctx, input }) => getTransfer(ctx.db, ctx.actor, input)),
  list: storeStaffProcedure
    .input(
      z.object({
        storeId,
        status: z.enum(transferStatuses).optional(),
        direction: z.enum(["incoming", "outgoing"]).optional(),
      }),
    )
    .query(({ ctx, input }) => listTransfers(ctx.db, ctx.actor, input)),
});

/** Minimums per store and SKU, and transfers from the warehouse for what fell below them. */
export const replenishmentRouter = router({
  list: storeManagerProcedure
    .input(z.object({ storeId }))
    .query(({ ctx, input }) => replenishmentSuggestions(ctx.db, ctx.actor, input)),
  setReorderPoints: storeManagerProcedure
    .input(
      z.object({
        storeId,
        minQuantity: z.number().int().min(0).max(100_000),
        skus: z.array(sku).min(1).max(500).optional(),
        category: text().pipe(z.string().min(1).max(100)).optional(),
      }),
    )
    .mutation(({ ctx, input }) => setReorderPoints(ctx.db, ctx.actor, input)),
  create: storeManagerProcedure
    .input(z.object({ storeId, lines }))
    .mutation(({ ctx, input }) => replenish(ctx.db, ctx.actor, input)),
});
