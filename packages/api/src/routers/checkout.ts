import { z } from "zod";

import { isValidNip, normalizeNip } from "@omni/core";
import { checkoutOptions, pickupOptions, placeOrder } from "@omni/domain/carts";
import { handlePaymentNotification } from "@omni/domain/orders";
import { testBankPay } from "@omni/domain/payments";
import { findLockers } from "@omni/domain/shipping";

import { cachedCheckoutPlaces } from "../cached-reads";
import { cartId, code, email, idempotencyKey, limit, line, locale, name, phone, storeId } from "../inputs";
import { rest } from "../openapi/meta";
import { publicProcedure, router } from "../trpc";

const address = z.object({
  line1: line("street and number"),
  city: line("city"),
  postalCode: line("postal code").pipe(z.string().min(3, "Enter the postal code.").max(12)),
  country: line("country").pipe(z.string().min(2, "Enter the country.").max(56)),
});

const lockerId = line("parcel locker").pipe(z.string().max(32, "This parcel locker id is not valid."));

export const fulfillment = z.discriminatedUnion("type", [
  z.object({ type: z.literal("pickup"), storeId }),
  z.object({ type: z.literal("delivery"), address, method: z.literal("courier").default("courier") }),
  z.object({ type: z.literal("locker"), lockerId }),
]);

/** A gift card's code, typed or scanned: it pays what it can after store credit. */
export const giftCardCode = z.string().trim().max(64, "This is not a gift card code.").optional();

/** Store credit paid first: an amount from the signed-in account, or a guest's credit code; then a gift card. */
const credit = {
  storeCreditMinor: z.number().int().min(1).max(100_000_000).optional(),
  creditCode: line("credit code").optional(),
  giftCardCode,
};

/** A BLIK code is six digits from the shopper's banking app. */
export const blikCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "A BLIK code has six digits. Generate one in your banking app.");

const returnUrl = z
  .string()
  .max(500)
  .regex(/^\/[A-Za-z0-9/_?=&.%-]*$/, "The return address must be a path in this shop.")
  .optional();

const payment = z.discriminatedUnion("method", [
  z.object({ method: z.literal("card"), token: line("card token"), ...credit }),
  z.object({ method: z.literal("blik"), code: blikCode, ...credit }),
  z.object({ method: z.literal("transfer"), returnUrl, ...credit }),
  z.object({ method: z.literal("cash_on_delivery"), ...credit }),
  z.object({ method: z.literal("pay_in_store"), ...credit }),
  z.object({ method: z.literal("store_credit"), ...credit }),
  z.object({ method: z.literal("gift_card"), ...credit }),
]);

/** Loyalty points to spend on the goods (100 points are worth 1 PLN in the demo). */
export const redeemPoints = z.number().int("Redeem a whole number of points.").min(0).max(100_000_000);

const coordinate = (max: number) => z.number().min(-max).max(max);

/** A company invoice: its name and a Polish tax number whose checksum holds. */
const invoice = z.object({
  companyName: line("company name"),
  nip: z
    .string()
    .max(20, "A NIP has ten digits.")
    .transform(normalizeNip)
    .refine(isValidNip, "This NIP is not valid: check its ten digits."),
  address: line("company address").optional(),
});

export const checkoutRouter = router({
  placeOrder: publicProcedure
    .meta(rest("POST", "/orders", "orders:write", "Place an order from a cart"))
    .input(
      z.object({
        cartId,
        email,
        name,
        phone,
        fulfillment,
        payment,
        idempotencyKey,
        invoice: invoice.optional(),
        locale,
        redeemPoints: redeemPoints.optional(),
      }),
    )
    .mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input, { places: () => cachedCheckoutPlaces(ctx) })),
  options: publicProcedure
    .input(z.object({ cartId }))
    .query(({ ctx, input }) => checkoutOptions(ctx.db, ctx.actor, input, () => cachedCheckoutPlaces(ctx))),
  pickupOptions: publicProcedure
    .input(z.object({ cartId, lat: coordinate(90).optional(), lng: coordinate(180).optional() }))
    .query(({ ctx, input }) => pickupOptions(ctx.db, ctx.actor, input)),
  lockers: publicProcedure
    .input(
      z.object({
        postalCode: z.string().trim().max(12, "Enter a postal code such as 31-000.").optional(),
        lat: coordinate(90).optional(),
        lng: coordinate(180).optional(),
        limit: limit(50, 10),
      }),
    )
    .query(({ ctx, input }) => findLockers(ctx.db, input)),
  /**
   * The in-app test bank of the pay-by-link transfer: the shopper pays (or gives up), and the bank's
   * signed notification is handed to the one finaliser, as the real bank's would be.
   */
  testBankPay: publicProcedure.input(z.object({ session: code, pay: z.boolean() })).mutation(async ({ ctx, input }) => {
    const note = testBankPay(input);
    if (!note) return { ok: false, paid: false };
    const { paid, ...body } = note;
    const handled = await handlePaymentNotification(ctx.db, { provider: "transfer", body: JSON.stringify(body) });
    return { ok: handled.ok, paid };
  }),
});
