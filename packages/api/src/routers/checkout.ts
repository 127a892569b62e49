import { z } from "zod";

import { checkoutOptions, pickupOptions, placeOrder } from "@omni/domain/carts";

import { cartId, email, idempotencyKey, line, name, phone, storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router } from "../trpc";

const address = z.object({
  line1: line("street and number"),
  city: line("city"),
  postalCode: line("postal code").pipe(z.string().min(3, "Enter the postal code.").max(12)),
  country: line("country").pipe(z.string().min(2, "Enter the country.").max(56)),
});

const fulfillment = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pickup"), storeId }),
  z.object({ type: z.literal("delivery"), address }),
]);

/** Store credit paid first: an amount from the signed-in account, or a guest's credit code. */
const credit = {
  storeCreditMinor: z.number().int().min(1).max(100_000_000).optional(),
  creditCode: line("credit code").optional(),
};

const payment = z.discriminatedUnion("method", [
  z.object({ method: z.literal("card"), token: line("card token"), ...credit }),
  z.object({ method: z.literal("pay_in_store"), ...credit }),
  z.object({ method: z.literal("store_credit"), ...credit }),
]);

const coordinate = (max: number) => z.number().min(-max).max(max);

export const checkoutRouter = router({
  placeOrder: publicProcedure
    .meta(rest("POST", "/orders", "orders:write", "Place an order from a cart"))
    .input(z.object({ cartId, email, name, phone, fulfillment, payment, idempotencyKey }))
    .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input)),
  options: publicProcedure
    .input(z.object({ cartId }))
    .query(({ ctx, input }) => checkoutOptions(ctx.db, ctx.actor, input)),
  pickupOptions: publicProcedure
    .input(z.object({ cartId, lat: coordinate(90).optional(), lng: coordinate(180).optional() }))
    .query(({ ctx, input }) => pickupOptions(ctx.db, ctx.actor, input)),
});
