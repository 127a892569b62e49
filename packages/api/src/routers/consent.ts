import { z } from "zod";

import {
  confirmMarketingConsent,
  confirmMySmsConsent,
  myConsents,
  resendMySmsCode,
  setMyConsent,
  unsubscribeByLink,
} from "@omni/domain/engagement";

import { email, phone, text } from "../inputs";
import { customerProcedure, publicProcedure, router } from "../trpc";

/** Marketing consent per channel of the signed-in shopper; every change is kept with its time and app. */
export const consentRouter = router({
  get: customerProcedure.query(({ ctx }) => myConsents(ctx.db, ctx.actor)),
  set: customerProcedure
    .input(z.object({ channel: z.enum(["email", "sms"]), granted: z.boolean(), phone }))
    .mutation(({ ctx, input }) => setMyConsent(ctx.db, ctx.actor, input)),
  /** SMS double opt-in: the code texted to the number confirms the signed-in shopper's waiting SMS grant. */
  confirmSms: customerProcedure
    .input(z.object({ code: text().pipe(z.string().min(1, "Type the code from the SMS.").max(20)) }))
    .mutation(({ ctx, input }) => confirmMySmsConsent(ctx.db, ctx.actor, input)),
  /** A new code to the number of the SMS grant waiting for one (limited per number and caller). */
  resendSmsCode: customerProcedure.mutation(({ ctx }) => resendMySmsCode(ctx.db, ctx.actor)),
  /** The double opt-in link: whoever holds the e-mailed token confirms that address's waiting grant. */
  confirm: publicProcedure
    .input(z.object({ token: z.string().max(200) }))
    .mutation(({ ctx, input }) => confirmMarketingConsent(ctx.db, input)),
  /** The "unsubscribe" link of a marketing e-mail: withdraws that address's consent, no account needed. */
  unsubscribe: publicProcedure
    .input(z.object({ email, token: z.string().max(200) }))
    .mutation(({ ctx, input }) => unsubscribeByLink(ctx.db, ctx.actor, input)),
});
