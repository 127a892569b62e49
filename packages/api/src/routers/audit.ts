import { z } from "zod";

import { AUDIT_ACTIONS } from "@omni/core";
import { listAudit } from "@omni/domain/staff";

import { storeId } from "../inputs";
import { router, staffProcedure } from "../trpc";

export const auditRouter = router({
  list: staffProcedure
    .input(
      z
        .object({
          action: z.enum(AUDIT_ACTIONS, "Unknown audit action.").optional(),
          actor: z.string().trim().max(320).optional(),
          storeId: storeId.optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          limit: z.number().int().min(1).max(200).default(50),
          before: z.number().int().positive().optional(),
        })
        .default({ limit: 50 }),
    )
    .query(({ ctx, input }) => listAudit(ctx.db, ctx.actor, input)),
});
