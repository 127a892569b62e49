import { z } from "zod";

import { deliveryFees, updateDeliveryFees } from "@omni/domain/shipping";

import { adminProcedure, router, staffProcedure } from "../trpc";

const amount = z
  .number({ error: "Enter an amount." })
  .int("Amounts are in grosze, whole numbers.")
  .min(0, "An amount cannot be negative.")
  .max(10_000_000, "This amount is too large.");

export const shippingRouter = router({
  /** What courier and locker delivery cost, and from which value of goods they are free. */
  fees: staffProcedure.query(({ ctx }) => deliveryFees(ctx.db)),
  updateFees: adminProcedure
    .input(z.object({ courierMinor: amount, lockerMinor: amount, freeFromMinor: amount }))
    .mutation(({ ctx, input }) => updateDeliveryFees(ctx.db, ctx.actor, input)),
});
