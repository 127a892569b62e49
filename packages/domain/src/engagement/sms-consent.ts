import { randomInt, timingSafeEqual } from "node:crypto";

import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";

import { consents, hashToken, type Database, type DbOrTx, type Locale } from "@omni/db";

import { badRequest, callerKey, consumeOrRefuse, DomainError, type Actor } from "../kernel";
import { CONFIRM_DAYS, hasMarketingConsent, recordConsent } from "./consent";
import { textsFor } from "./message-texts";
import { queueServiceSms, smsNumber } from "./service-sms";

/** Wrong codes one texted code takes before it stops working (a new code starts again). */
export const SMS_CODE_ATTEMPTS = 5;

/** The number rides in the hash: six digits alone would hash to the same value for every number. */
const codeHash = (phone: string, code: string) => hashToken(`sms-consent:${phone}:${code}`);

/** The latest SMS answer of an address: whether it is a grant waiting for its code, for which number. */
export async function latestSmsAnswer(db: DbOrTx, email: string) {
  const [row] = await db
    .select({
      id: consents.id,
      granted: consents.granted,
      phone: consents.phone,
      confirmed: sql<boolean>`${consents.confirmedAt} is not null`,
      codeHash: consents.confirmCodeHash,
      attempts: consents.confirmAttempts,
      expired: sql<boolean>`${consents.at} <= now() - make_interval(days => ${CONFIRM_DAYS})`,
    })
    .from(consents)
    .where(and(eq(consents.email, email), eq(consents.channel, "sms")))
    .orderBy(desc(consents.id))
    .limit(1);
  if (!row) return null;
  return { ...row, waiting: row.granted && !row.confirmed && !!row.codeHash && !!row.phone };
}

/**
 * Texts a new code to the number and records the grant waiting for it, in one transaction. Codes are limited
 * per number and per caller (a day) before anything is written, so the "send a new code" button cannot flood
 * a phone nor run up the SMS bill.
 */
export async function sendSmsConsentCode(
  db: Database,
  actor: Actor,
  input: { email: string; phone: string; locale: Locale },
): Promise<void> {
  await consumeOrRefuse(db, [
    ["smsCodes", `phone:${input.phone}`],
    ["smsCodesCaller", callerKey(actor)],
  ]);
  const code = String(randomInt(1_000_000)).padStart(6, "0");
  await db.transaction(async (tx) => {
    await recordConsent(tx, actor, {
      email: input.email,
      channel: "sms",
      granted: true,
      confirmed: false,
      phone: input.phone,
      confirmCodeHash: codeHash(input.phone, code),
    });
    await queueServiceSms(tx, {
      phone: input.phone,
      email: input.email,
      template: "marketing_confirm_sms",
      body: textsFor(input.locale).marketingConfirmSms({ code, days: CONFIRM_DAYS }),
    });
  });
}

/**
 * An answer to marketing SMS. A withdrawal counts at once (and ends a grant waiting for its code); a grant
 * waits until the number's owner types the code texted to it (double opt-in), so nobody can subscribe someone
 * else's phone. The same answer again sends nothing: a code still working is not sent twice.
 */
export async function answerMarketingSms(
  db: Database,
  actor: Actor,
  input: { email: string; granted: boolean; phone?: string | null; locale: Locale },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const [granted, latest] = await Promise.all([hasMarketingConsent(db, email, "sms"), latestSmsAnswer(db, email)]);
  const waiting = !!latest?.waiting && !latest.expired && latest.attempts < SMS_CODE_ATTEMPTS;
  if (!input.granted) {
    if (!granted && !latest?.waiting) return;
    await db.transaction((tx) =>
      recordConsent(tx, actor, { email, channel: "sms", granted: false, confirmed: true, phone: latest?.phone }),
    );
    return;
  }
  const phone = smsNumber(input.phone ?? latest?.phone);
  if (!phone) throw badRequest("Type the mobile number the offers should go to.", { reason: "sms_phone_required" });
  // Already in force for this number (the latest answer is its confirmed grant), or its code is on its way.
  if (latest?.phone === phone && ((granted && latest.confirmed) || waiting)) return;
  await sendSmsConsentCode(db, actor, { email, phone, locale: input.locale });
}

/** `consent.resendSmsCode`: a new code for the grant waiting for one (also after it expired or locked). */
export async function resendSmsConsentCode(
  db: Database,
  actor: Actor,
  input: { email: string; locale: Locale },
): Promise<void> {
  const latest = await latestSmsAnswer(db, input.email);
  if (!latest?.waiting || !latest.phone) throw notWaiting();
  await sendSmsConsentCode(db, actor, { email: input.email, phone: latest.phone, locale: input.locale });
}

const notWaiting = () =>
  badRequest("No code is waiting to be typed. Tick SMS offers to get one.", { reason: "sms_code_not_waiting" });

/**
 * `consent.confirmSms`: the code texted to the number confirms its waiting grant, which counts from now on.
 * Each try is counted atomically before the code is compared (and kept when the answer is a refusal), so
 * parallel guesses cannot pass the limit; after SMS_CODE_ATTEMPTS wrong ones even the right code is refused.
 */
export async function confirmSmsConsent(db: Database, input: { email: string; code: string }): Promise<void> {
  const latest = await latestSmsAnswer(db, input.email);
  if (!latest?.waiting || !latest.phone || !latest.codeHash) throw notWaiting();
  if (latest.expired) throw badRequest("This code has expired. Ask for a new one.", { reason: "sms_code_expired" });
  const [tried] = await db
    .update(consents)
    .set({ confirmAttempts: sql`${consents.confirmAttempts} + 1` })
    .where(
      and(eq(consents.id, latest.id), isNull(consents.confirmedAt), lt(consents.confirmAttempts, SMS_CODE_ATTEMPTS)),
    )
    .returning({ attempts: consents.confirmAttempts });
  if (!tried)
    throw new DomainError("TOO_MANY_REQUESTS", "This code was typed wrong too many times. Ask for a new one.", {
      reason: "sms_code_locked",
    });
  const typed = Buffer.from(codeHash(latest.phone, input.code.replace(/\s+/g, "")));
  if (!timingSafeEqual(typed, Buffer.from(latest.codeHash)))
    throw badRequest("That is not the code we sent.", {
      reason: "sms_code_wrong",
      attemptsLeft: SMS_CODE_ATTEMPTS - tried.attempts,
    });
  await db
    .update(consents)
    .set({ confirmedAt: sql`now()` })
    .where(and(eq(consents.id, latest.id), isNull(consents.confirmedAt)));
}
