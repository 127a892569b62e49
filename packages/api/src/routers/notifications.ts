import { z } from "zod";
import { listNotifications } from "@omni/domain/messages";
import { router, staffProcedure } from "../trpc";
import { email, limit } from "../inputs";

export const notificationsRouter = router({
  list: staffProcedure
    .input(z.object({ email: email.optional(), limit: limit(200, 50) }).default({ limit: 50 }))
    .query(({ ctx, input }) => listNotifications(ctx.db, input)),
});
