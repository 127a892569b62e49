import { z } from "zod";

import { createKioskSignInToken, getMe, setPreferredStore, signUp } from "@omni/domain/accounts";

import { email, name, storeId } from "../inputs";
import { customerProcedure, publicProcedure, router } from "../trpc";

const password = z
  .string()
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Keep the password under 200 characters.");

export const accountRouter = router({
  signUp: publicProcedure
    .input(z.object({ email, password, name }))
    .mutation(({ ctx, input }) => signUp(ctx.db, ctx.actor, input)),
  me: customerProcedure.query(({ ctx }) => getMe(ctx.db, ctx.actor)),
  setPreferredStore: customerProcedure
    .input(z.object({ storeId: storeId.nullable() }))
    .mutation(({ ctx, input }) => setPreferredStore(ctx.db, ctx.actor, input)),
  /** A one-time token (and its QR as a PNG data URL) for signing in at a kiosk by scanning it. */
  kioskSignInToken: customerProcedure.mutation(({ ctx }) => createKioskSignInToken(ctx.db, ctx.actor)),
});
