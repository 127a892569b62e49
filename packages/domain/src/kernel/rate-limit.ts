import { and, eq, gt, sql } from "drizzle-orm";

import { rateLimitHits, type Database } from "@omni/db";

import type { Actor } from "./actor";
import { DomainError } from "./errors";

/**
 * Limits on failed attempts, kept in Postgres so that they hold across app instances.
 * `codes`: wrong pickup, reservation, handoff and return codes; the first 3 in a window are always
 * answered normally, and from the 11th on the caller is refused.
 */
export const limits = {
  codes: { windowMinutes: 15, max: 10 },
  signIn: { windowMinutes: 15, max: 10 },
  checkout: { windowMinutes: 1, max: 30 },
  /** Requests per API key. */
  apiKey: { windowMinutes: 1, max: 300 },
} as const;
export type LimitBucket = keyof typeof limits;

/** One key per caller: the kiosk device, else the signed-in user, else the network address. */
export function callerKey(actor: Actor): string {
  if (actor.deviceId) return `device:${actor.deviceId}`;
  if (actor.apiKeyId) return `api-key:${actor.apiKeyId}`;
  if (actor.userId) return `user:${actor.userId}`;
  return `ip:${actor.ip ?? "unknown"}`;
}

async function countHits(db: Database, bucket: LimitBucket, key: string): Promise<number> {
  const { windowMinutes } = limits[bucket];
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.bucket, bucket),
        eq(rateLimitHits.key, key),
        gt(rateLimitHits.at, sql`now() - make_interval(mins => ${windowMinutes})`),
      ),
    );
  return row?.n ?? 0;
}

export async function assertNotLimited(db: Database, bucket: LimitBucket, key: string): Promise<void> {
  if ((await countHits(db, bucket, key)) >= limits[bucket].max) {
    throw new DomainError("TOO_MANY_REQUESTS", "Too many attempts. Please wait a few minutes and try again.");
  }
}

export async function recordHit(db: Database, bucket: LimitBucket, key: string): Promise<void> {
  await db.insert(rateLimitHits).values({ bucket, key });
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
