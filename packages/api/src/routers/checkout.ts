import { z } from "zod";
import { pickupOptions } from "@omni/domain/checkout-pickup-options";
import { placeOrder } from "@omni/domain/place-order";
import { publicProcedure, router } from "../trpc";
import { email, idempotencyKey, name, phone, storeId } from "../inputs";

const cartId = z.string().trim().min(1, "This cart id is missing.").max(100, "This cart id is not valid.");
const line = (what: string) => z.string().trim().min(1, `Enter the ${what}.`).max(200);

const address = z.object({
  line1: line("street and number"),
  city: line("city"),
  postalCode: z.string().trim().min(3, "Enter the postal code.").max(12),
  country: z.string().trim().min(2, "Enter the country.").max(56),
});

const fulfillment = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pickup"), storeId }),
  z.object({ type: z.literal("delivery"), address }),
]);

/** Store credit paid first: an amount from the signed-in account, or a guest's credit code. */
const credit = {
  storeCreditMinor: z.number().int().min(1).max(100_000_000).optional(),
  creditCode: z.string().trim().min(1).max(64).optional(),
};

const payment = z.discriminatedUnion("method", [
  z.object({ method: z.literal("card"), token: z.string().trim().min(1, "The card token is missing.").max(200), ...credit }),
  z.object({ method: z.literal("pay_in_store"), ...credit }),
  z.object({ method: z.literal("store_credit"), ...credit }),
]);

const coordinate = (max: number) => z.number().min(-max).max(max);

export const checkoutRouter = router({
  placeOrder: publicProcedure
    .input(z.object({ cartId, email, name, phone, fulfillment, payment, idempotencyKey }))
    .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input)),
  pickupOptions: publicProcedure
    .input(z.object({ cartId, lat: coordinate(90).optional(), lng: coordinate(180).optional() }))
    .query(({ ctx, input }) => pickupOptions(ctx.db, input)),
});
