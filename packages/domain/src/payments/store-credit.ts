import { eq, sql } from "drizzle-orm";

import { storeCreditEntries, type DbOrTx, type Tx } from "@omni/db";

import { conflict } from "../kernel";

/** Store credit belongs to an account (`user:<id>`) or to a guest's credit code (`code:<CODE>`). */
export const userHolder = (userId: string) => `user:${userId}`;
export const codeHolder = (code: string) => `code:${code.toUpperCase()}`;

export async function creditBalance(db: DbOrTx, holder: string): Promise<number> {
  const [row] = await db
    .select({ balance: sql<number>`coalesce(sum(${storeCreditEntries.amountMinor}), 0)::int` })
    .from(storeCreditEntries)
    .where(eq(storeCreditEntries.holder, holder));
  return row?.balance ?? 0;
}

/** Serialises writers of one holder's balance for the rest of the transaction. */
async function lockHolder(tx: Tx, holder: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`credit:${holder}`}))`);
}

export async function grantCredit(
  tx: Tx,
  input: { holder: string; amountMinor: number; refType: string; refId: string },
) {
  if (input.amountMinor <= 0) return;
  await lockHolder(tx, input.holder);
  await tx.insert(storeCreditEntries).values({
    holder: input.holder,
    amountMinor: input.amountMinor,
    reason: "refund",
    refType: input.refType,
    refId: input.refId,
  });
}

/** Spends up to `amountMinor` of a balance; refuses with CONFLICT if the balance is smaller than asked. */
export async function spendCredit(
  tx: Tx,
  input: { holder: string; amountMinor: number; refType: string; refId: string },
) {
  if (input.amountMinor <= 0) return;
  await lockHolder(tx, input.holder);
  const balance = await creditBalance(tx, input.holder);
  if (balance < input.amountMinor)
    throw conflict("There is not enough store credit for this.", { reason: "store_credit_not_enough", balance });
  await tx.insert(storeCreditEntries).values({
    holder: input.holder,
    amountMinor: -input.amountMinor,
    reason: "spent",
    refType: input.refType,
    refId: input.refId,
  });
}
