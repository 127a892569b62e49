import { eq } from "drizzle-orm";

import { carts, type Database } from "@omni/db";

import { isValidDiscountCode } from "../catalog";
import { assertNotLimited, badRequest, callerKey, DomainError, recordHit, type Actor } from "../kernel";
import { assertCartOpen, auditCartWrite, cartView, lockCart, touchCart, type CartView } from "./cart";

/**
 * `cart.applyCode`: a discount code (for example WELCOME10) priced by priceCart on every later view and at
 * checkout. Wrong codes count against the caller (device, account or address) in the `discountCodes`
 * bucket, outside the transaction so the rollback keeps the count: a script cannot try the code space.
 */
export async function applyCartCode(
  db: Database,
  actor: Actor,
  input: { cartId: string; code: string },
): Promise<CartView> {
  const code = input.code.trim().toUpperCase();
  const key = callerKey(actor);
  await assertNotLimited(db, "discountCodes", key);
  try {
    return await applyValidCode(db, actor, input.cartId, code);
  } catch (error) {
    if (error instanceof DomainError && error.details?.field === "code") await recordHit(db, "discountCodes", key);
    throw error;
  }
}

async function applyValidCode(db: Database, actor: Actor, cartId: string, code: string): Promise<CartView> {
  return db.transaction(async (tx) => {
    const cart = await lockCart(tx, cartId, actor);
    assertCartOpen(cart);
    if (!code || !(await isValidDiscountCode(tx, code))) {
      throw badRequest(`The discount code "${code.slice(0, 64)}" is not valid or has expired.`, {
        reason: "discount_code_invalid",
        code: code.slice(0, 64),
        field: "code",
      });
    }
    await tx.update(carts).set({ discountCode: code }).where(eq(carts.id, cart.id));
    await touchCart(tx, cart.id);
    await auditCartWrite(tx, actor, "cart.applyCode", cart.id, { code });
    return cartView(tx, cart.id);
  });
}

/** `cart.removeCode`. */
export async function removeCartCode(db: Database, actor: Actor, input: { cartId: string }): Promise<CartView> {
  return db.transaction(async (tx) => {
    const cart = await lockCart(tx, input.cartId, actor);
    assertCartOpen(cart);
    await tx.update(carts).set({ discountCode: null }).where(eq(carts.id, cart.id));
    await touchCart(tx, cart.id);
    await auditCartWrite(tx, actor, "cart.removeCode", cart.id);
    return cartView(tx, cart.id);
  });
}
