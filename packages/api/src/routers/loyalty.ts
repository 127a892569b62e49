import { z } from "zod";

import {
  adjustPoints,
  getLoyalty,
  lookupMember,
  loyaltySettings,
  memberLedger,
  updateLoyaltySettings,
} from "@omni/domain/loyalty";

import { email, reason } from "../inputs";
import { adminProcedure, customerProcedure, router, staffProcedure } from "../trpc";

/** A member card's QR code, as the kiosk and the counter scan it. */
const card = z.string().trim().min(1, "Scan the member card.").max(64, "This is not a member card.");

const tier = z.object({
  name: z.string().trim().min(1, "Name the tier.").max(40),
  minPoints: z.number().int().min(0).max(100_000_000),
  multiplier: z.number().min(1, "A tier earns at least as fast as the base.").max(10),
});

export const loyaltyRouter = router({
  /** The signed-in member's balance, pending points, tier, card and history (any app). */
  get: customerProcedure.query(({ ctx }) => getLoyalty(ctx.db, ctx.actor.userId)),
  /** A member by e-mail or by a scanned card, so a clerk can sell to them at the counter. */
  lookup: staffProcedure
    .input(
      z
        .object({ email: email.optional(), card: card.optional() })
        .refine((v) => !!v.email || !!v.card, "Type the member's e-mail or scan their card."),
    )
    .query(({ ctx, input }) => lookupMember(ctx.db, input)),
  /** A member's whole ledger with the orders behind it (staff). */
  member: staffProcedure.input(z.object({ email })).query(({ ctx, input }) => memberLedger(ctx.db, input)),
  /** A manager's correction of a balance, with its reason (audited). */
  adjust: staffProcedure
    .input(
      z.object({
        email,
        points: z.number().int("Adjust by a whole number of points.").min(-10_000_000).max(10_000_000),
        reason,
      }),
    )
    .mutation(({ ctx, input }) => adjustPoints(ctx.db, ctx.actor, input)),
  settings: staffProcedure.query(({ ctx }) => loyaltySettings(ctx.db)),
  updateSettings: adminProcedure
    .input(
      z.object({
        pointsPerPln: z.number().int().min(0).max(1000),
        pointValueMinor: z.number().int().min(1).max(10_000),
        channelBonus: z.number().int().min(0).max(1_000_000),
        expiryMonths: z.number().int().min(1).max(120),
        reminderDays: z.number().int().min(0).max(365),
        tiers: z.array(tier).max(10),
      }),
    )
    .mutation(({ ctx, input }) => updateLoyaltySettings(ctx.db, ctx.actor, input)),
});
