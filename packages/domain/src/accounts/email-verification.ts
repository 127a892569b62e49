import { eq, sql } from "drizzle-orm";

import { users, type Database, type Locale, type Tx } from "@omni/db";

import { textsFor } from "../engagement";
import { badRequest, callerKey, consumeOrRefuse, emailKey, notFound, queueMessage, type Actor } from "../kernel";
import { issueAccountToken, redeemAccountToken } from "./account-tokens";

/** Queues the "confirm your address" e-mail with a fresh link, in the caller's transaction. */
export async function queueVerificationEmail(
  tx: Tx,
  user: { id: string; email: string; name: string; locale: string },
) {
  const { token, link } = await issueAccountToken(tx, "verify-email", user.id);
  const t = textsFor(user.locale);
  await queueMessage(tx, {
    to: user.email,
    template: "account_verify_email",
    subject: t.verifySubject,
    body: t.verifyBody({ name: user.name || user.email, link }),
    data: { accountToken: token },
  });
}

/**
 * `account.requestEmailVerification` (signed in): sends the link again. Limited per address and per
 * caller, so the button cannot be used to flood an inbox.
 */
export async function requestEmailVerification(
  db: Database,
  actor: Actor & { userId: string },
  input: { locale?: Locale } = {},
) {
  const [found] = await db.select().from(users).where(eq(users.id, actor.userId));
  const user = found && input.locale ? { ...found, locale: input.locale } : found;
  if (!user) throw notFound("Your account", "account_not_found");
  if (user.emailVerified) return { alreadyVerified: true };
  await consumeOrRefuse(db, [
    ["accountEmails", emailKey(user.email)],
    ["accountEmailsAddress", callerKey(actor)],
  ]);
  await db.transaction(async (tx) => {
    // The language the member asked in is the one their account's e-mails speak from now on.
    if (input.locale) await tx.update(users).set({ locale: input.locale }).where(eq(users.id, user.id));
    await queueVerificationEmail(tx, user);
  });
  return { alreadyVerified: false };
}

/** `account.verifyEmail`: the link's token, once; marks the address as the account holder's. */
export async function verifyEmail(db: Database, input: { token: string }) {
  return db.transaction(async (tx) => {
    const userId = await redeemAccountToken(tx, "verify-email", input.token);
    if (!userId)
      throw badRequest("This confirmation link is not valid any more. Ask for a new one from your account.", {
        reason: "confirmation_link_invalid",
      });
    const [user] = await tx
      .update(users)
      .set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    if (!user)
      throw badRequest("This confirmation link is not valid any more.", { reason: "confirmation_link_invalid" });
    return { email: user.email, verified: true };
  });
}
