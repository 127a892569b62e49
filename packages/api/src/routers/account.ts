import { z } from "zod";

import {
  changePassword,
  createKioskSignInToken,
  getMe,
  requestEmailVerification,
  requestPasswordReset,
  resetPassword,
  setAccountLocale,
  setPreferredStore,
  signUp,
  verifyEmail,
} from "@omni/domain/accounts";

import { email, locale, name, storeId } from "../inputs";
import { customerProcedure, publicProcedure, router } from "../trpc";

const password = z
  .string()
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Keep the password under 200 characters.");

/** The token of an e-mail link: random base64url; anything else is simply not a valid link. */
const linkToken = z.string().trim().min(1, "This link is incomplete.").max(200, "This link is not valid.");

export const accountRouter = router({
  signUp: publicProcedure
    .input(z.object({ email, password, name, locale }))
    .mutation(({ ctx, input }) => signUp(ctx.db, ctx.actor, input)),
  me: customerProcedure.query(({ ctx }) => getMe(ctx.db, ctx.actor)),
  setPreferredStore: customerProcedure
    .input(z.object({ storeId: storeId.nullable() }))
    .mutation(({ ctx, input }) => setPreferredStore(ctx.db, ctx.actor, input)),
  /** The language of the member's e-mails (the shop calls it when they switch its language). */
  setLocale: customerProcedure
    .input(z.object({ locale: locale.unwrap() }))
    .mutation(({ ctx, input }) => setAccountLocale(ctx.db, ctx.actor, input)),
  /** A one-time token (and its QR as a PNG data URL) for signing in at a kiosk by scanning it. */
  kioskSignInToken: customerProcedure.mutation(({ ctx }) => createKioskSignInToken(ctx.db, ctx.actor)),
  /** Sends the "confirm your address" link again. */
  requestEmailVerification: customerProcedure
    .input(z.object({ locale }).optional())
    .mutation(({ ctx, input }) => requestEmailVerification(ctx.db, ctx.actor, input ?? {})),
  verifyEmail: publicProcedure
    .input(z.object({ token: linkToken }))
    .mutation(({ ctx, input }) => verifyEmail(ctx.db, input)),
  /** Always answers `{ sent: true }`, whether or not the address has an account. */
  requestPasswordReset: publicProcedure
    .input(z.object({ email, locale }))
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, ctx.actor, input)),
  resetPassword: publicProcedure
    .input(z.object({ token: linkToken, password }))
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  changePassword: customerProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }))
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
});
