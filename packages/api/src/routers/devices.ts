import { z } from "zod";

import { createPairingCode, listDevices, pairDevice, revokeDevice } from "@omni/domain/staff";

import { code, storeId } from "../inputs";
import { publicProcedure, router, staffProcedure, storeManagerProcedure } from "../trpc";

export const devicesRouter = router({
  /** A new kiosk redeems the manager's code; the kiosk app keeps the token in an http-only cookie. */
  pair: publicProcedure
    .input(z.object({ code, name: z.string().trim().max(100).optional() }))
    .mutation(({ ctx, input }) => pairDevice(ctx.db, ctx.actor, input)),
  createPairingCode: storeManagerProcedure
    .input(z.object({ storeId }))
    .mutation(({ ctx, input }) => createPairingCode(ctx.db, ctx.actor, input)),
  list: staffProcedure
    .input(z.object({ storeId: storeId.optional() }).default({}))
    .query(({ ctx, input }) => listDevices(ctx.db, ctx.actor, input)),
  revoke: staffProcedure
    .input(z.object({ deviceId: z.uuid("Unknown device.") }))
    .mutation(({ ctx, input }) => revokeDevice(ctx.db, ctx.actor, input)),
});
