import { z } from "zod";

import { confirmMarketingConsent, myConsents, setMyConsent, unsubscribeByLink } from "@omni/domain/engagement";

import { email, phone } from "../inputs";
import { customerProcedure, publicProcedure, router } from "../trpc";

/** Marketing consent per channel of the signed-in shopper; every change is kept with its time and app. */
export const consentRouter = router({
  get: customerProcedure.query(({ ctx }) => myConsents(ctx.db, ctx.actor)),
  set: customerProcedure
    .input(z.object({ channel: z.enum(["email", "sms"]), granted: z.boolean(), phone }))
    .mutation(({ ctx, input }) => setMyConsent(ctx.db, ctx.actor, input)),
  /** The double opt-in link: whoever holds the e-mailed token confirms that address's waiting grant. */
  confirm: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .mutation(({ ctx, input }) => confirmMarketingConsent(ctx.db, input)),
  /** The "unsubscribe" link of a marketing e-mail: withdraws that address's consent, no account needed. */
  unsubscribe: publicProcedure
    .input(z.object({ email, token: z.string().max(200) }))
    .mutation(({ ctx, input }) => unsubscribeByLink(ctx.db, ctx.actor, input)),
});
