import { z } from "zod";

import { askForHelp, checkIn, collectOrder, getPickupOrder } from "@omni/domain/orders";

import { code } from "../inputs";
import { kioskProcedure, router, staffProcedure } from "../trpc";

export const pickupRouter = router({
  checkIn: kioskProcedure.input(z.object({ code })).mutation(({ ctx, input }) => checkIn(ctx.db, ctx.actor, input)),
  /** The shopper at the kiosk asks for staff about their order: the store's pickup board shows it first. */
  askForHelp: kioskProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => askForHelp(ctx.db, ctx.actor, input)),
  get: staffProcedure.input(z.object({ code })).query(({ ctx, input }) => getPickupOrder(ctx.db, ctx.actor, input)),
  collect: staffProcedure
    .input(
      z.object({
        code,
        declineLineIds: z.array(z.string().trim().min(1).max(64)).max(200).optional(),
        /** How a pay-in-store order was paid at the counter: required when something is due. */
        payment: z
          .discriminatedUnion("method", [
            z.object({ method: z.literal("cash"), tenderedMinor: z.number().int().min(0).max(100_000_000) }),
            z.object({ method: z.literal("card") }),
          ])
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => collectOrder(ctx.db, ctx.actor, input)),
});
