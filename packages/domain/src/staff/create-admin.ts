import { eq } from "drizzle-orm";

import { hashPassword, users, type Database } from "@omni/db";

import { badRequest, conflict, recordAudit, type Actor } from "../kernel";

/** Long enough to resist guessing at scrypt's cost, short enough to type (NIST SP 800-63B asks for 8+; admins get 12+). */
export const ADMIN_PASSWORD_MIN = 12;

/**
 * `pnpm admin:create`: the first admin of a real deployment, whose database starts with no accounts
 * at all. Run from a shell on the server, so the caller is the operator, not anyone on the web.
 * An existing account with that e-mail is refused rather than taken over.
 */
export async function createAdmin(db: Database, input: { email: string; name?: string; password: string }) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 320)
    throw badRequest("Give a valid e-mail address.", { reason: "email_invalid" });
  if (input.password.length < ADMIN_PASSWORD_MIN || input.password.length > 200)
    throw badRequest(`The password needs at least ${ADMIN_PASSWORD_MIN} characters.`, {
      reason: "password_too_short",
      min: ADMIN_PASSWORD_MIN,
    });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw conflict(`An account with ${email} already exists.`, { reason: "account_exists" });
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name?.trim() || "Admin", role: "admin", passwordHash, emailVerified: new Date() })
      .returning({ id: users.id, email: users.email });
    // The audit log names the command, since no signed-in person made this account.
    const operator: Actor = { channel: "store", storeIds: [], role: "admin", email: "pnpm admin:create" };
    await recordAudit(tx, operator, { action: "staff.createAdmin", entityType: "user", entityId: user!.id });
    return user!;
  });
}
