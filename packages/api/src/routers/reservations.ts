import { z } from "zod";

import { reservationStatuses } from "@omni/db";
import {
  cancelReservation,
  createReservation,
  fulfilReservation,
  getReservation,
  listReservations,
  lookupReservation,
} from "@omni/domain/reservations";

import { code, email, idempotencyKey, limit, locale, name, phone, quantity, sku, storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router, staffProcedure, storeStaffProcedure } from "../trpc";

export const reservationsRouter = router({
  create: publicProcedure
    .meta(rest("POST", "/reservations", "orders:write", "Reserve goods in a store"))
    .input(
      z.object({
        storeId,
        lines: z.array(z.object({ sku, quantity })).min(1, "Add at least one item to reserve.").max(50),
        email,
        name,
        phone,
        idempotencyKey,
        locale,
      }),
    )
    .mutation(({ ctx, input }) => createReservation(ctx.db, ctx.actor, input)),
  get: publicProcedure
    .meta(rest("GET", "/reservations/{code}", "orders:read", "A reservation"))
    .input(z.object({ code, email }))
    .query(({ ctx, input }) => getReservation(ctx.db, ctx.actor, input)),
  cancel: publicProcedure
    .meta(rest("POST", "/reservations/{code}/cancel", "orders:write", "Cancel a reservation"))
    .input(z.object({ code, email }))
    .mutation(({ ctx, input }) => cancelReservation(ctx.db, ctx.actor, input)),
  fulfil: staffProcedure
    .input(z.object({ code, skus: z.array(sku).min(1).max(50).optional() }))
    .mutation(({ ctx, input }) => fulfilReservation(ctx.db, ctx.actor, input)),
  list: storeStaffProcedure
    .input(z.object({ storeId, status: z.enum(reservationStatuses).optional(), limit: limit(500, 200) }))
    .query(({ ctx, input }) => listReservations(ctx.db, ctx.actor, input)),
  // Not a query: the contract makes every procedure not named get/list/… a mutation.
  lookup: staffProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => lookupReservation(ctx.db, ctx.actor, input)),
});
