import { z } from "zod";

import { INPUT_LIMITS } from "@omni/core";

/**
 * The input shapes every router shares, so that the same field is checked the same way everywhere.
 * PostgreSQL cannot store the NUL character, so text that carries one is refused as bad input here
 * instead of failing in the database.
 */
export const text = () =>
  z
    .string()
    .trim()
    .refine((value) => !value.includes("\u0000"), "This text contains a character that is not allowed.");

export const sku = text().pipe(z.string().min(1, "Enter a SKU.").max(INPUT_LIMITS.code));
export const storeId = text().pipe(z.string().min(1, "Choose a store.").max(64));
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address.").max(INPUT_LIMITS.email));
/** Codes and order numbers: any text up to 64 characters; one that matches nothing is NOT_FOUND, as the contract says. */
export const code = z.string().max(INPUT_LIMITS.code, "That code is too long.");
export const orderNumber = z.string().trim().min(1, "Enter an order number.").max(INPUT_LIMITS.code);
export const reason = text().pipe(
  z
    .string()
    .min(1, "Give a reason.")
    .max(INPUT_LIMITS.reason, `Keep the reason under ${INPUT_LIMITS.reason} characters.`),
);
export const idempotencyKey = text().pipe(z.string().min(8, "The idempotency key is too short.").max(200));
export const quantity = z.number().int().min(1).max(999);
export const name = text().pipe(z.string().min(1, "Enter a name.").max(INPUT_LIMITS.name));
export const phone = text().pipe(z.string().max(INPUT_LIMITS.phone)).optional();
export const limit = (max = 100, fallback = 20) => z.number().int().min(1).max(max).default(fallback);
/** The cart id is the bearer secret of a cart: URL-safe base64. */
export const cartId = z
  .string()
  .trim()
  .min(1, "This cart id is missing.")
  .max(100, "This cart id is not valid.")
  .regex(/^[A-Za-z0-9_-]+$/, "This cart id is not valid.");
export const discountCode = text().pipe(
  z.string().min(1, "Enter a discount code.").max(INPUT_LIMITS.code, "That code is too long."),
);
/** A required line of text, such as a street or a card token. */
export const line = (what: string) => text().pipe(z.string().min(1, `Enter the ${what}.`).max(INPUT_LIMITS.line));
/** The shopper's language, for the messages about what they do. */
export const locale = z.enum(["pl", "en"]).optional();

/** Money taken at a counter: cash (what the shopper hands over; the change follows) or card. */
export const counterPayment = z.discriminatedUnion("method", [
  z.object({ method: z.literal("cash"), tenderedMinor: z.number().int().min(0).max(100_000_000) }),
  z.object({ method: z.literal("card") }),
]);
