import { z } from "zod";

import { apiScopes, createApiKey, listApiKeys, revokeApiKey } from "@omni/domain/integrations";

import { line, storeId } from "../inputs";
import { adminProcedure, router } from "../trpc";

export const apiKeysRouter = router({
  /** The key is answered here once; only its hash is kept. */
  create: adminProcedure
    .input(
      z.object({
        name: line("name of the key"),
        scopes: z.array(z.enum(apiScopes)).min(1, "Choose at least one scope.").max(apiScopes.length),
        storeId: storeId.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.actor, input)),
  list: adminProcedure.query(({ ctx }) => listApiKeys(ctx.db)),
  revoke: adminProcedure
    .input(z.object({ id: z.uuid("This API key was not found.") }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.actor, input)),
});
