import { z } from "zod";

import {
  applyCartCode,
  createCart,
  getCart,
  handoffCart,
  mergeCartIntoAccount,
  myCart,
  removeCartCode,
  resumeCart,
  setCartContact,
  setCartQuantity,
} from "@omni/domain/carts";

import { cartId, code, discountCode, email, locale, sku } from "../inputs";
import { rest } from "../openapi/meta";
import { customerProcedure, publicProcedure, router } from "../trpc";

export const cartRouter = router({
  /** `{ cartId? }`: a guest cart to bring into the signed-in shopper's account cart. */
  create: publicProcedure
    .meta(rest("POST", "/carts", "carts:write", "Create a cart"))
    // `{"json": null}` is how a plain HTTP client says "no input".
    .input(z.object({ cartId: cartId.optional() }).strict().nullish())
    .mutation(({ ctx, input }) => createCart(ctx.db, ctx.actor, input ?? {})),
  get: publicProcedure
    .meta(rest("GET", "/carts/{cartId}", "carts:write", "A cart"))
    .input(z.object({ cartId }))
    .query(({ ctx, input }) => getCart(ctx.db, ctx.actor, input)),
  mine: customerProcedure.query(({ ctx }) => myCart(ctx.db, ctx.actor)),
  merge: customerProcedure
    .input(z.object({ cartId }))
    .mutation(({ ctx, input }) => mergeCartIntoAccount(ctx.db, ctx.actor, input)),
  setQuantity: publicProcedure
    .meta(
      rest("PUT", "/carts/{cartId}/lines/{sku}", "carts:write", "Set the quantity of a SKU in a cart (0 removes it)"),
    )
    .input(z.object({ cartId, sku, quantity: z.number().int().min(0).max(999) }))
    .mutation(({ ctx, input }) => setCartQuantity(ctx.db, ctx.actor, input)),
  /**
   * Checkout's contact step (or "e-mail me this cart"): the address and language of the cart's reminders, and
   * the shopper's answer to marketing e-mail when they gave one. `email: null` forgets the address.
   */
  setContact: publicProcedure
    .input(
      z.object({
        cartId,
        email: email.nullable(),
        locale: locale.unwrap(),
        marketingEmail: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => setCartContact(ctx.db, ctx.actor, input)),
  applyCode: publicProcedure
    .input(z.object({ cartId, code: discountCode }))
    .mutation(({ ctx, input }) => applyCartCode(ctx.db, ctx.actor, input)),
  removeCode: publicProcedure
    .input(z.object({ cartId }))
    .mutation(({ ctx, input }) => removeCartCode(ctx.db, ctx.actor, input)),
  handoff: publicProcedure
    .meta(rest("POST", "/carts/{cartId}/handoff", "carts:write", "A short code to continue the cart on another device"))
    .input(z.object({ cartId }))
    .mutation(({ ctx, input }) => handoffCart(ctx.db, ctx.actor, input)),
  resume: publicProcedure
    .meta(rest("POST", "/carts/resume", "carts:write", "Continue a cart from its handoff code"))
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => resumeCart(ctx.db, ctx.actor, input)),
});
