import { z } from "zod";

/** The small input shapes every router shares, so that the same field is checked the same way everywhere. */
export const sku = z.string().trim().min(1, "Enter a SKU.").max(64);
export const storeId = z.string().trim().min(1, "Choose a store.").max(64);
export const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address.").max(320));
export const code = z.string().max(64, "That code is too long.");
export const reason = z.string().trim().min(1, "Give a reason.").max(500, "Keep the reason under 500 characters.");
export const idempotencyKey = z.string().trim().min(8, "The idempotency key is too short.").max(200);
export const quantity = z.number().int().min(1).max(999);
export const orderNumber = z.string().trim().min(1, "Enter an order number.").max(64);
export const name = z.string().trim().min(1, "Enter a name.").max(200);
export const phone = z.string().trim().max(40).optional();
export const limit = (max = 100, fallback = 20) => z.number().int().min(1).max(max).default(fallback);
