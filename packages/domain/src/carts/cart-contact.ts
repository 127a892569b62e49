import { eq } from "drizzle-orm";

import { carts, type Database, type Locale } from "@omni/db";

import { answerMarketingEmail } from "../engagement";
import type { Actor } from "../kernel";
import { assertCartOpen, auditCartWrite, lockCart } from "./cart";

/**
 * `cart.setContact`: what a shopper typed at checkout's contact step (or "e-mail me this cart"): the address
 * an abandoned cart's reminders go to, the language they are written in and, when the shopper ticked or
 * unticked it, their answer to marketing e-mail (kept with its time and app, like every consent). A guest
 * cart had no address before this, so it never got reminders.
 */
export async function setCartContact(
  db: Database,
  actor: Actor,
  input: { cartId: string; email: string | null; locale: Locale; marketingEmail?: boolean },
): Promise<{ email: string | null; locale: Locale }> {
  const email = input.email?.trim().toLowerCase() || null;
  return db.transaction(async (tx) => {
    const cart = await lockCart(tx, input.cartId, actor);
    assertCartOpen(cart);
    await tx.update(carts).set({ email, locale: input.locale }).where(eq(carts.id, cart.id));
    // The answer does not say what the address had consented to before: that is its owner's business, not
    // the cart holder's; a grant from someone who has not proved the address waits for its owner's link.
    if (email && input.marketingEmail !== undefined)
      await answerMarketingEmail(tx, actor, { email, granted: input.marketingEmail, locale: input.locale });
    await auditCartWrite(tx, actor, "cart.setContact", cart.id, { locale: input.locale });
    return { email, locale: input.locale };
  });
}
