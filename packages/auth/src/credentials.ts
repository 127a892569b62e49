import { eq } from "drizzle-orm";

import { hashPassword, users, verifyPassword, type Database } from "@omni/db";
import { emailKey, isLimited, recordHit, resetHits } from "@omni/domain/kernel";

// A hash of a password nobody knows, made once: an unknown e-mail is checked against it, so that it
// costs the same scrypt as a known one and the answer's timing does not tell which addresses exist.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`));

/**
 * Checks an e-mail and password for next-auth's credentials provider. Wrong passwords are counted
 * per e-mail-and-address and per address (in Postgres, so the limits hold across app instances):
 * a guesser is stopped, but the account is never locked for its owner signing in from elsewhere.
 * While a limit holds, even the right password is refused, so guessing on cannot tell it apart.
 */
export async function verifyCredentials(
  db: Database,
  raw: { email?: unknown; password?: unknown },
  address = "unknown",
) {
  const email = typeof raw.email === "string" ? raw.email.trim().toLowerCase() : "";
  const password = typeof raw.password === "string" ? raw.password : "";
  if (!email || !password || email.length > 320 || password.length > 200) return null;
  const pairKey = `${emailKey(email)}|ip:${address}`;
  const addressKey = `ip:${address}`;
  const [pairLimited, addressLimited] = await Promise.all([
    isLimited(db, "signInPair", pairKey),
    isLimited(db, "signInAddress", addressKey),
  ]);
  if (pairLimited || addressLimited) return null;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !user.active || !matches) {
    await Promise.all([recordHit(db, "signInPair", pairKey), recordHit(db, "signInAddress", addressKey)]);
    return null;
  }
  await resetHits(db, "signInPair", pairKey);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
