import { lt } from "drizzle-orm";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

import { rateLimits, type Database } from "@omni/db";

import type { Actor } from "./actor";
import { domainEnv } from "./env";
import { DomainError } from "./errors";
import type { Sweep } from "./sweep";

/**
 * Limits on attempts, counted by rate-limiter-flexible in PostgreSQL (one atomic upsert per hit), so
 * that they hold across app instances and two racing requests cannot both slip under a limit.
 * `points` hits per `seconds`, from the first hit of a window.
 * - `codes`: wrong pickup, reservation, handoff, order and return codes: the first 3 in a window are
 *   always answered normally, and from the 11th on the caller is refused.
 * - `signInPair`: wrong passwords per e-mail and address: slows one guesser on one account down
 *   without locking the account for its owner elsewhere. `signInAddress`: wrong passwords per address
 *   across all accounts (one address spraying many accounts).
 * - `signUp`: sign-ups that hit an existing address (account discovery), per caller.
 * - `reservations`, `reservationsEmail`: reservations per caller and per e-mail, an hour (contract:
 *   the first 5 always go through, the 21st is refused). `unpaidOrders`, `unpaidOrdersEmail`: the same
 *   for pay-in-store orders, which hold stock without any payment.
 * - `accountEmails`, `accountEmailsAddress`: verification and password-reset e-mails per e-mail address and
 *   per caller, so nobody can flood an inbox or the outbox through the "forgot password" form.
 * - `smsCodes`, `smsCodesCaller`: SMS consent codes per phone number and per caller, a day: a number cannot be
 *   flooded (nor the SMS bill run up) through the "send a new code" button.
 * - `checkout`: order attempts per caller per minute. `apiKey`: calls per API key per minute.
 */
export const limits = {
  codes: { points: 10, seconds: 15 * 60 },
  signInPair: { points: 10, seconds: 15 * 60 },
  signInAddress: { points: 100, seconds: 24 * 60 * 60 },
  signUp: { points: 10, seconds: 15 * 60 },
  // OMNI_BENCH_CHECKOUT_LIMIT lifts it for a benchmark run (documented in .env.example; unset by default).
  checkout: { points: domainEnv.OMNI_BENCH_CHECKOUT_LIMIT ?? 30, seconds: 60 },
  reservations: { points: 20, seconds: 60 * 60 },
  reservationsEmail: { points: 20, seconds: 60 * 60 },
  unpaidOrders: { points: 20, seconds: 60 * 60 },
  unpaidOrdersEmail: { points: 20, seconds: 60 * 60 },
  discountCodes: { points: 10, seconds: 15 * 60 },
  accountEmails: { points: 5, seconds: 60 * 60 },
  accountEmailsAddress: { points: 20, seconds: 60 * 60 },
  smsCodes: { points: 3, seconds: 24 * 60 * 60 },
  smsCodesCaller: { points: 5, seconds: 24 * 60 * 60 },
  apiKey: { points: 300, seconds: 60 },
} as const;
export type LimitBucket = keyof typeof limits;

/** One key per caller: the kiosk device, else the signed-in user, else the network address. */
export function callerKey(actor: Actor): string {
  if (actor.deviceId) return `device:${actor.deviceId}`;
  if (actor.apiKeyId) return `api-key:${actor.apiKeyId}`;
  if (actor.userId) return `user:${actor.userId}`;
  return `ip:${actor.ip ?? "unknown"}`;
}

/** The e-mail a shopper typed, as one key whatever its letter case. */
export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

type PgQuery = { text: string; values?: unknown[] };
const limiters = new WeakMap<object, Map<LimitBucket, RateLimiterPostgres>>();

/**
 * The limiter of one bucket on one database. The library speaks node-postgres (`query({ text, values })`
 * answering `{ rows, rowCount }`); the project's driver is postgres.js, so a two-line adapter stands in.
 * The table comes from the migrations (`tableCreated`), and the `rate-limits` sweep clears it.
 */
function limiter(db: Database, bucket: LimitBucket): RateLimiterPostgres {
  const client = db.$client;
  let byBucket = limiters.get(client);
  if (!byBucket) limiters.set(client, (byBucket = new Map<LimitBucket, RateLimiterPostgres>()));
  let found = byBucket.get(bucket);
  if (!found) {
    const storeClient = {
      query: async (q: PgQuery) => {
        const rows = await client.unsafe(q.text, (q.values ?? []) as never[]);
        return { rows, rowCount: rows.count };
      },
    };
    found = new RateLimiterPostgres({
      storeClient,
      storeType: "client",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: bucket,
      points: limits[bucket].points,
      duration: limits[bucket].seconds,
    });
    byBucket.set(bucket, found);
  }
  return found;
}

export const tooManyAttempts = () =>
  new DomainError("TOO_MANY_REQUESTS", "Too many attempts. Please wait a few minutes and try again.", {
    reason: "too_many_attempts",
  });

/** Whether the key has used up its bucket, without counting this look. */
export async function isLimited(db: Database, bucket: LimitBucket, key: string): Promise<boolean> {
  const res = await limiter(db, bucket).get(key);
  return !!res && res.consumedPoints >= limits[bucket].points;
}

export async function assertNotLimited(db: Database, bucket: LimitBucket, key: string): Promise<void> {
  if (await isLimited(db, bucket, key)) throw tooManyAttempts();
}

/** Counts a failed attempt (a wrong code or password), whatever the count already is. */
export async function recordHit(db: Database, bucket: LimitBucket, key: string): Promise<void> {
  await limiter(db, bucket).penalty(key, 1);
}

/** Counts an attempt and answers how many the key has made in its window, this one included (atomic). */
export async function countHit(db: Database, bucket: LimitBucket, key: string): Promise<number> {
  return (await limiter(db, bucket).penalty(key, 1)).consumedPoints;
}

/** Forgets a key's count (a right password ends a run of wrong ones). */
export async function resetHits(db: Database, bucket: LimitBucket, key: string): Promise<void> {
  await limiter(db, bucket).delete(key);
}

/**
 * Counts an attempt and refuses it when it goes over the bucket: one atomic upsert, so concurrent
 * requests cannot all pass on a stale count. Every key is consumed even when an earlier one refuses,
 * so a caller cannot dodge the e-mail count by exhausting the address count first.
 */
export async function consumeOrRefuse(db: Database, checks: [LimitBucket, string][]): Promise<void> {
  let refused = false;
  for (const [bucket, key] of checks) {
    try {
      await limiter(db, bucket).consume(key, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      refused = true;
    }
  }
  if (refused) throw tooManyAttempts();
}

/**
 * Runs a code look-up: refuses a caller who has guessed wrong too often, and counts a NOT_FOUND as
 * a wrong guess. The count is written outside the look-up's transaction so a rollback keeps it.
 */
export async function withCodeLimit<T>(db: Database, actor: Actor, lookup: () => Promise<T>): Promise<T> {
  const key = callerKey(actor);
  await assertNotLimited(db, "codes", key);
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") await recordHit(db, "codes", key);
    throw error;
  }
}

/** Deletes counters whose window has passed, so the table holds only live callers. */
export const clearRateLimits: Sweep = {
  name: "rate-limits",
  cron: "6-59/10 * * * *",
  async run(db, now) {
    const gone = await db
      .delete(rateLimits)
      .where(lt(rateLimits.expire, now.getTime()))
      .returning({ key: rateLimits.key });
    return gone.length;
  },
};
