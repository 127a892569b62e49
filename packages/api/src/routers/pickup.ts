import { z } from "zod";

import { askForHelp, checkIn, collectOrder, getPickupOrder } from "@omni/domain/orders";

import { code, counterPayment } from "../inputs";
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
        payment: counterPayment.optional(),
      }),
    )
    .mutation(({ ctx, input }) => collectOrder(ctx.db, ctx.actor, input)),
});
