import { z } from "zod";

import { sellAtCounter } from "@omni/domain/carts";

import { cartId, email, idempotencyKey, locale, name, phone, storeId } from "../inputs";
import { router, storeStaffProcedure } from "../trpc";
import { blikCode, fulfillment, giftCardCode, redeemPoints } from "./checkout";

const counterFulfillment = z.union([z.object({ type: z.literal("take_now") }), fulfillment]);

/** A gift card (`giftCardCode`) pays first, as much as it holds; the card, BLIK or the till the rest. */
const counterPayment = z.discriminatedUnion("method", [
  z.object({
    method: z.literal("card"),
    token: z.string().trim().min(1, "Enter the card token.").max(200),
    giftCardCode,
  }),
  z.object({ method: z.literal("blik"), code: blikCode, giftCardCode }),
  z.object({ method: z.literal("cash"), giftCardCode }),
  z.object({ method: z.literal("gift_card"), giftCardCode }),
]);

export const counterRouter = router({
  /** The contract's `counter.sell`: a sale at this store's counter, channel `store` (staff of that store). */
  sell: storeStaffProcedure
    .input(
      z.object({
        storeId,
        cartId,
        memberEmail: email.optional(),
        memberCard: z.string().trim().min(1).max(64).optional(),
        email: email.optional(),
        name: name.optional(),
        phone,
        fulfillment: counterFulfillment,
        payment: counterPayment,
        redeemPoints: redeemPoints.optional(),
        // The shopper's "yes" to offers by e-mail at the till, and their language for the order's messages.
        marketingEmail: z.boolean().optional(),
        locale,
        idempotencyKey,
      }),
    )
    .mutation(({ ctx, input }) => sellAtCounter(ctx.db, ctx.actor, input)),
});
