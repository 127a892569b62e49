import { eq, sql } from "drizzle-orm";

import { users, type Database, type DbOrTx, type Locale } from "@omni/db";

import type { Actor } from "../kernel";
import { answerMarketingEmail, CONFIRM_DAYS, waitingGrant, type ConsentChannel } from "./consent";
import {
  answerMarketingSms,
  confirmSmsConsent,
  latestSmsAnswer,
  resendSmsConsentCode,
  SMS_CODE_ATTEMPTS,
} from "./sms-consent";

type Member = Actor & { userId: string };

/**
 * A signed-in shopper's current answers per channel, with when and where each was given, and a grant awaiting
 * its confirmation: the e-mailed link, or the code texted to `awaitingPhone` (`codeAttemptsLeft` tries left).
 */
export async function myConsents(db: DbOrTx, actor: Member) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  const rows = user
    ? await db.execute<{
        channel: ConsentChannel;
        granted: boolean;
        source: string;
        at: Date;
        phone: string | null;
      }>(sql`
        select distinct on (channel) channel, granted, source, at, phone from consents
        where email = ${user.email} and (not granted or confirmed_at is not null) order by channel, id desc`)
    : [];
  const [waiting, sms] = user
    ? await Promise.all([waitingGrant(db, user.email, CONFIRM_DAYS * 24), latestSmsAnswer(db, user.email)])
    : [false, null];
  const smsWaiting = sms?.waiting && !sms.expired ? sms : null;
  return (["email", "sms"] as const).map((channel) => {
    const row = rows.find((r) => r.channel === channel);
    return {
      channel,
      granted: row?.granted ?? false,
      source: row?.source ?? null,
      at: row ? new Date(row.at) : null,
      phone: row?.phone ?? null,
      awaitingConfirmation: channel === "email" ? !!waiting : !!smsWaiting,
      awaitingPhone: channel === "sms" ? (smsWaiting?.phone ?? null) : null,
      codeAttemptsLeft: channel === "sms" && smsWaiting ? Math.max(0, SMS_CODE_ATTEMPTS - smsWaiting.attempts) : null,
    };
  });
}

/** The member's address and language, which their answers and confirmation messages go by. */
async function member(db: Database, actor: Member): Promise<{ email: string; locale: Locale } | null> {
  const [user] = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, actor.userId));
  return user ? { email: user.email, locale: user.locale === "pl" ? "pl" : "en" } : null;
}

/**
 * `consent.set`: a signed-in shopper gives or withdraws marketing consent for one channel. E-mail follows
 * `answerMarketingEmail` (an account whose address is not confirmed yet gets the link); SMS follows
 * `answerMarketingSms` (a grant waits for the code texted to the number typed).
 */
export async function setMyConsent(
  db: Database,
  actor: Member,
  input: { channel: ConsentChannel; granted: boolean; phone?: string },
) {
  const user = await member(db, actor);
  if (!user) return myConsents(db, actor);
  if (input.channel === "email")
    await db.transaction((tx) =>
      answerMarketingEmail(tx, actor, { email: user.email, granted: input.granted, locale: user.locale }),
    );
  else await answerMarketingSms(db, actor, { ...user, granted: input.granted, phone: input.phone });
  return myConsents(db, actor);
}

/** `consent.confirmSms`: the code from the SMS; answers the consents as they are after it. */
export async function confirmMySmsConsent(db: Database, actor: Member, input: { code: string }) {
  const user = await member(db, actor);
  if (user) await confirmSmsConsent(db, { email: user.email, code: input.code });
  return myConsents(db, actor);
}

/** `consent.resendSmsCode`: a new code to the number waiting for one. */
export async function resendMySmsCode(db: Database, actor: Member) {
  const user = await member(db, actor);
  if (user) await resendSmsConsentCode(db, actor, user);
  return myConsents(db, actor);
}
