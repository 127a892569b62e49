import { and, eq, gt, sql } from "drizzle-orm";

import { normalizeCode } from "@omni/core";
import { cartHandoffs, carts, type Database } from "@omni/db";

import { notFound, randomCode, withCodeLimit, type Actor } from "../kernel";
import { assertCartOpen, auditCartWrite, lockCart } from "./cart";

/** How long a hand-off code shown on one screen can be typed or scanned on another. */
export const HANDOFF_MINUTES = 30;

/**
 * `cart.handoff`: a short code (and, in the apps, its QR) to continue this cart on another device,
 * such as from the kiosk to the shopper's phone. 8 characters of the readable alphabet, guessed
 * under the wrong-code rate limit, are out of reach.
 */
export async function handoffCart(
  db: Database,
  actor: Actor,
  input: { cartId: string },
): Promise<{ code: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const cart = await lockCart(tx, input.cartId, actor);
    assertCartOpen(cart);
    const expiresAt = new Date(Date.now() + HANDOFF_MINUTES * 60_000);
    // Old codes of this cart are of no further use; a collision of fresh codes is retried.
    await tx.delete(cartHandoffs).where(and(eq(cartHandoffs.cartId, cart.id), sql`${cartHandoffs.expiresAt} <= now()`));
    for (;;) {
      const code = randomCode(8);
      const inserted = await tx
        .insert(cartHandoffs)
        .values({ code, cartId: cart.id, expiresAt })
        .onConflictDoNothing()
        .returning();
      if (inserted.length) {
        await auditCartWrite(tx, actor, "cart.handoff", cart.id);
        return { code, expiresAt };
      }
    }
  });
}

/** `cart.resume`: the cart behind a hand-off code; wrong codes count towards the caller's limit. */
export async function resumeCart(db: Database, actor: Actor, input: { code: string }): Promise<{ cartId: string }> {
  return withCodeLimit(db, actor, async () => {
    const code = normalizeCode(input.code);
    const [row] = code
      ? await db
          .select({ cartId: cartHandoffs.cartId, status: carts.status })
          .from(cartHandoffs)
          .innerJoin(carts, eq(carts.id, cartHandoffs.cartId))
          .where(and(eq(cartHandoffs.code, code), gt(cartHandoffs.expiresAt, sql`now()`)))
      : [];
    if (!row || row.status !== "open") throw notFound("This cart code", "cart_code_not_found");
    return { cartId: row.cartId };
  });
}
