import { eq } from "drizzle-orm";

import { users, verifyPassword, type Database } from "@omni/db";
import { assertNotLimited, DomainError, recordHit } from "@omni/domain/kernel";

/**
 * Checks an e-mail and password for next-auth's credentials provider. Failed attempts are counted
 * per address in Postgres (so the limit holds across app instances); after too many, even the right
 * password is refused until the window passes.
 */
export async function verifyCredentials(db: Database, raw: { email?: unknown; password?: unknown }) {
  const email = typeof raw.email === "string" ? raw.email.trim().toLowerCase() : "";
  const password = typeof raw.password === "string" ? raw.password : "";
  if (!email || !password || email.length > 320 || password.length > 200) return null;
  try {
    await assertNotLimited(db, "signIn", `email:${email}`);
  } catch (error) {
    // Over the limit is refused like a wrong password; a failing database is not a refusal.
    if (error instanceof DomainError && error.code === "TOO_MANY_REQUESTS") return null;
    throw error;
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
    await recordHit(db, "signIn", `email:${email}`);
    return null;
  }
  return { id: user.id, email: user.email, name: user.name };
}
