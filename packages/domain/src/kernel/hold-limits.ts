import { isStaff, type Actor } from "./actor";
import { callerKey, countHit, emailKey, tooManyAttempts, type LimitBucket } from "./rate-limit";

/** A caller's first few holds in an hour always go through, whatever else is counted (contract). */
export const ALWAYS_ALLOWED_HOLDS = 5;

/**
 * Limits what holds stock without payment (reservations, pay-in-store orders) per caller and per
 * e-mail, so that one script cannot hold every unit of every store. Both counts move on every
 * attempt (atomically, so racing requests cannot slip under). A caller's first
 * `ALWAYS_ALLOWED_HOLDS` go through even when someone else has used up the e-mail's count, so an
 * attacker cannot lock a shopper out by spending their address; past that, either count over its
 * bucket refuses. Staff at a counter are not limited: they serve many shoppers.
 */
export async function limitHolds(
  db: Parameters<typeof countHit>[0],
  actor: Actor,
  email: string,
  buckets: { caller: LimitBucket; email: LimitBucket },
  max: { caller: number; email: number },
): Promise<void> {
  if (isStaff(actor)) return;
  const [byCaller, byEmail] = await Promise.all([
    countHit(db, buckets.caller, callerKey(actor)),
    countHit(db, buckets.email, emailKey(email)),
  ]);
  if (byCaller <= ALWAYS_ALLOWED_HOLDS) return;
  if (byCaller > max.caller || byEmail > max.email) throw tooManyAttempts();
}
