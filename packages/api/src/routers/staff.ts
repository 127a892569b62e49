import { z } from "zod";

import { inviteStaff, listStaff, updateStaff } from "@omni/domain/staff";

import { email, locale, name, storeId } from "../inputs";
import { adminProcedure, router } from "../trpc";

const staffRole = z.enum(["associate", "manager", "admin"]);

export const staffRouter = router({
  list: adminProcedure.query(({ ctx }) => listStaff(ctx.db)),
  invite: adminProcedure
    .input(z.object({ email, name, role: staffRole, storeIds: z.array(storeId).max(50).default([]), locale }))
    .mutation(({ ctx, input }) => inviteStaff(ctx.db, ctx.actor, input)),
  update: adminProcedure
    .input(
      z.object({
        userId: z.uuid("Unknown member of staff."),
        role: staffRole.optional(),
        storeIds: z.array(storeId).max(50).optional(),
        active: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateStaff(ctx.db, ctx.actor, input)),
});
