import { normalizeCode } from "@omni/core";
import type { Database } from "@omni/db";

import { badRequest, notFound, withCodeLimit, type Actor } from "../kernel";
import { codeHolder, creditBalance, userHolder } from "../payments";

/**
 * Store credit at checkout: a signed-in shopper spends from their account (`storeCreditMinor`),
 * a guest from the credit code a refund gave them (`creditCode`; all of its balance that the order
 * needs unless `storeCreditMinor` says less).
 */
export type CreditChoice = { storeCreditMinor?: number; creditCode?: string };

/** The ledger holder to spend from, or null when the shopper pays no credit. Unknown credit codes count as wrong codes. */
export async function checkoutCreditHolder(db: Database, actor: Actor, choice: CreditChoice): Promise<string | null> {
  if (choice.creditCode) {
    const raw = choice.creditCode.trim().toUpperCase();
    return withCodeLimit(db, actor, async () => {
      const code = raw.startsWith("CR-") ? `CR-${normalizeCode(raw.slice(3))}` : raw;
      const holder = codeHolder(code);
      if ((await creditBalance(db, holder)) <= 0) throw notFound("This credit code", "credit_code_not_found");
      return holder;
    });
  }
  if (!choice.storeCreditMinor) return null;
  if (!actor.userId)
    throw badRequest("Sign in to pay with your store credit, or enter a credit code.", {
      reason: "store_credit_sign_in",
      field: "payment",
    });
  return userHolder(actor.userId);
}
