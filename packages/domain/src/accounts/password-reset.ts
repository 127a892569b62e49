import { eq, sql } from "drizzle-orm";

import { hashPassword, users, verifyPassword, type Database, type Locale, type Tx } from "@omni/db";

import { textsFor } from "../engagement";
import {
  assertNotLimited,
  badRequest,
  callerKey,
  consumeOrRefuse,
  emailKey,
  notFound,
  queueMessage,
  recordHit,
  type Actor,
} from "../kernel";
import { issueAccountToken, redeemAccountToken, revokeAccountTokens } from "./account-tokens";

/**
 * `account.requestPasswordReset`: e-mails a link to set a new password. The answer is the same
 * whether or not the address has an account (no enumeration), and requests are limited per e-mail and
 * per caller, counted before the look-up so that the limit itself tells nothing either.
 */
export async function requestPasswordReset(db: Database, actor: Actor, input: { email: string; locale?: Locale }) {
  const email = input.email.trim().toLowerCase();
  await consumeOrRefuse(db, [
    ["accountEmails", emailKey(email)],
    ["accountEmailsAddress", callerKey(actor)],
  ]);
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user?.active) return;
    const { token, link } = await issueAccountToken(tx, "reset-password", user.id);
    // The language of the page the request came from (whoever asked); else the account's.
    const t = textsFor(input.locale ?? user.locale);
    await queueMessage(tx, {
      to: user.email,
      template: "account_password_reset",
      subject: t.resetSubject,
      body: t.resetBody({ email: user.email, link }),
      data: { accountToken: token },
    });
  });
  return { sent: true };
}

/** Sets a password and ends every session of the account (its session version goes up). */
async function storePassword(tx: Tx, userId: string, passwordHash: string, verified: boolean) {
  const [user] = await tx
    .update(users)
    .set({
      passwordHash,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      ...(verified ? { emailVerified: sql`coalesce(${users.emailVerified}, now())` } : {}),
    })
    .where(eq(users.id, userId))
    .returning({ id: users.id, email: users.email, locale: users.locale });
  if (!user) return null;
  const t = textsFor(user.locale);
  await revokeAccountTokens(tx, "reset-password", userId);
  await queueMessage(tx, {
    to: user.email,
    template: "account_password_changed",
    subject: t.passwordChangedSubject,
    body: t.passwordChangedBody({ email: user.email }),
  });
  return user;
}

/**
 * `account.resetPassword`: the link's token, once, within its hour. Following the link proves the
 * address, so it also counts as a verification (an invited member of staff sets their first password here).
 */
export async function resetPassword(db: Database, input: { token: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const userId = await redeemAccountToken(tx, "reset-password", input.token);
    const user = userId ? await storePassword(tx, userId, passwordHash, true) : null;
    if (!user)
      throw badRequest("This link is not valid any more. Ask for a new one on the sign-in page.", {
        reason: "reset_link_invalid",
      });
    return { email: user.email };
  });
}

/**
 * `account.changePassword` (signed in): needs the current password; wrong guesses count against the
 * account's sign-in limit, so a borrowed session cannot be used to guess it. Every session ends.
 */
export async function changePassword(
  db: Database,
  actor: Actor & { userId: string },
  input: { currentPassword: string; newPassword: string },
) {
  const key = `user:${actor.userId}|${callerKey(actor)}`;
  await assertNotLimited(db, "signInPair", key);
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw notFound("Your account", "account_not_found");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordHit(db, "signInPair", key);
    throw badRequest("Your current password is not right.", {
      reason: "current_password_wrong",
      field: "currentPassword",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction((tx) => storePassword(tx, user.id, passwordHash, false));
  return { email: user.email, signedOut: true };
}
