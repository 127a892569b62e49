import { z } from "zod";

import {
  buyGiftCard,
  GIFT_CARD_MAX_MINOR,
  GIFT_CARD_MIN_MINOR,
  listGiftCards,
  lookupGiftCard,
} from "@omni/domain/payments";

import { code, email, idempotencyKey, limit, line, locale, name, storeId } from "../inputs";
import { publicProcedure, router, staffProcedure, storeStaffProcedure } from "../trpc";
import { blikCode } from "./checkout";

/** 20 to 2000 zł in whole złoty, in minor units. */
const amountMinor = z
  .number()
  .int()
  .min(GIFT_CARD_MIN_MINOR, "A gift card carries at least 20 zł.")
  .max(GIFT_CARD_MAX_MINOR, "A gift card carries at most 2000 zł.")
  .refine((v) => v % 100 === 0, "Choose a whole number of złoty.");

const card = z.object({ method: z.literal("card"), token: line("card token") });
const blik = z.object({ method: z.literal("blik"), code: blikCode });

/** Who the card is for: named on the e-mail, which goes to them instead of the buyer when given. */
const recipient = {
  recipientName: name.optional(),
  recipientEmail: email.optional(),
  message: z.string().trim().max(300, "Keep the message under 300 characters.").optional(),
};

export const giftCardsRouter = router({
  /** A gift card bought in the shop (or at a kiosk): paid by card or BLIK, its code e-mailed. */
  buy: publicProcedure
    .input(
      z.object({
        amountMinor,
        email,
        name: name.optional(),
        ...recipient,
        payment: z.discriminatedUnion("method", [card, blik]),
        idempotencyKey,
        locale,
      }),
    )
    .mutation(({ ctx, input }) => buyGiftCard(ctx.db, ctx.actor, input)),
  /** A gift card sold at this store's counter: card, BLIK or cash; its code printed, and e-mailed if an address is given. */
  sell: storeStaffProcedure
    .input(
      z.object({
        storeId,
        amountMinor,
        email: email.optional(),
        ...recipient,
        payment: z.discriminatedUnion("method", [card, blik, z.object({ method: z.literal("cash") })]),
        idempotencyKey,
        locale,
      }),
    )
    .mutation(({ ctx, input }) => buyGiftCard(ctx.db, ctx.actor, input)),
  /** The balance of a card (anyone holding its code); wrong codes are rate-limited like every code. */
  lookup: publicProcedure
    .input(z.object({ code: code.pipe(z.string().trim().min(1, "Enter the gift card's code.")) }))
    .query(({ ctx, input }) => lookupGiftCard(ctx.db, ctx.actor, input)),
  /** Cards sold in a store (staff; admins may ask for all), codes masked. */
  list: staffProcedure
    .input(z.object({ storeId: storeId.optional(), limit: limit(200, 50) }))
    .query(({ ctx, input }) => listGiftCards(ctx.db, ctx.actor, input)),
});
