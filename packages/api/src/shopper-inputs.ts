import { z } from "zod";
import * as shared from "./inputs";

/**
 * Input shapes of the cart, checkout, order and account procedures. PostgreSQL cannot store the
 * NUL character, so text that carries one is refused here as bad input instead of failing in the
 * database.
 */
const withoutNul = <T extends z.ZodString>(schema: T) => schema.refine((text) => !text.includes("\u0000"), "This text contains a character that is not allowed.");

/** The cart id is the bearer secret of a cart: URL-safe base64. */
export const cartId = z.string().trim().min(1, "This cart id is missing.").max(100, "This cart id is not valid.").regex(/^[A-Za-z0-9_-]+$/, "This cart id is not valid.");
export const sku = withoutNul(shared.sku);
export const storeId = withoutNul(shared.storeId);
export const email = shared.email;
export const name = withoutNul(shared.name);
export const phone = withoutNul(z.string().trim().max(40)).optional();
export const idempotencyKey = withoutNul(shared.idempotencyKey);
/** Codes and order numbers: any text up to 64 characters; one that matches nothing is NOT_FOUND, as the contract says. */
export const orderNumber = shared.orderNumber;
export const code = shared.code;
export const discountCode = withoutNul(z.string().trim().min(1, "Enter a discount code.").max(64, "That code is too long."));
export const line = (what: string) => withoutNul(z.string().trim().min(1, `Enter the ${what}.`).max(200));
