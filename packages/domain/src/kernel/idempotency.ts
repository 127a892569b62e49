import { and, eq, lt, sql } from "drizzle-orm";

import { idempotencyKeys, type Tx } from "@omni/db";

import type { Actor } from "./actor";
import { conflict } from "./errors";
import { requestFingerprint } from "./request-fingerprint";
import type { Sweep } from "./sweep";

/**
 * Runs a write once per idempotency key, in the caller's transaction. The key is claimed by inserting
 * it: a concurrent request with the same key waits on the primary key until the first commits, then
 * reads its answer (or, if the first rolled back, claims the key itself). The answer must be plain JSON.
 * The same key with a different request (input or caller) is a CONFLICT, never the first answer.
 */
export async function runOnce<T>(
  tx: Tx,
  actor: Actor,
  scope: string,
  input: { idempotencyKey: string } & Record<string, unknown>,
  write: () => Promise<T>,
): Promise<T> {
  const fingerprint = requestFingerprint(actor, input);
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ scope, key: input.idempotencyKey, fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (!claimed.length) {
    const [first] = await tx
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, input.idempotencyKey)));
    if (!first || first.fingerprint !== fingerprint)
      throw conflict("This idempotency key was already used for a different request. Use a new key.", {
        reason: "idempotency_key_reused",
      });
    return first.response as T;
  }
  const answer = await write();
  await tx
    .update(idempotencyKeys)
    .set({ response: sql`${JSON.stringify(answer ?? null)}::jsonb` })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, input.idempotencyKey)));
  return answer;
}

/** A key is kept a week (Stripe keeps 24 hours): long past any retry, short enough to keep the table small. */
const KEY_DAYS = 7;

export const clearIdempotencyKeys: Sweep = {
  name: "idempotency-keys",
  cron: "4-59/10 * * * *",
  async run(db, now) {
    const gone = await db
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEY_DAYS * 86_400_000)))
      .returning({ key: idempotencyKeys.key });
    return gone.length;
  },
};
