import { eq } from "drizzle-orm";

import { users, type Database } from "@omni/db";

/** What a session token carries about its account: who, and the session version it was signed in at. */
export type SessionClaims = { sub?: string | null; sv?: unknown };

/**
 * Whether a session may go on: its account still exists, is active, and has the session version the
 * session was signed in at. A password or role change raises the version, which ends every session
 * of the account at its next request (a self-registered account later invited as staff does not
 * become staff in a session its registrant already holds).
 */
export async function sessionIsCurrent(db: Database, claims: SessionClaims): Promise<boolean> {
  if (!claims.sub || !/^[0-9a-f-]{36}$/i.test(claims.sub)) return false;
  const [user] = await db
    .select({ active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, claims.sub));
  return !!user && user.active && user.sessionVersion === (typeof claims.sv === "number" ? claims.sv : 0);
}
