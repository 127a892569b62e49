import { and, desc, eq, gt, isNotNull, isNull, not, or, sql } from "drizzle-orm";

import { consents, hashToken, users, type Database, type DbOrTx, type Locale, type Tx } from "@omni/db";

import { badRequest, domainEnv, queueMessage, randomSecret, type Actor } from "../kernel";
import { textsFor } from "./message-texts";

export type ConsentChannel = "email" | "sms";

/** How long a double opt-in link (or SMS code) works, and how often one address can be sent a link. */
export const CONFIRM_DAYS = 7;
const CONFIRM_RESEND_HOURS = 24;

/** The rows that decide an answer: every withdrawal, and the grants their address's owner confirmed. */
const decides = or(not(consents.granted), isNotNull(consents.confirmedAt));

/**
 * Whether marketing may go to this e-mail address by this channel: the latest answer that counts, and none
 * means no (prior consent, as Polish law asks). Service messages never ask this.
 */
export async function hasMarketingConsent(db: DbOrTx, email: string, channel: ConsentChannel): Promise<boolean> {
  const [latest] = await db
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.email, email.trim().toLowerCase()), eq(consents.channel, channel), decides))
    .orderBy(desc(consents.id))
    .limit(1);
  return latest?.granted ?? false;
}

/** SQL for the same question inside a sweep's query, `email` being a column or expression. */
export const marketingConsentSql = (email: ReturnType<typeof sql>, channel: ConsentChannel) => sql`coalesce((
  select c.granted from consents c where c.email = lower(${email}) and c.channel = ${channel}
    and (not c.granted or c.confirmed_at is not null)
  order by c.id desc limit 1), false)`;

/**
 * Records an answer in the caller's transaction, with the time and the app it was given in. A grant that is
 * not `confirmed` waits for its address's owner: the answer is the link's token (only its hash is kept).
 */
export async function recordConsent(
  tx: Tx,
  actor: Actor,
  input: {
    email: string;
    channel: ConsentChannel;
    granted: boolean;
    confirmed: boolean;
    phone?: string | null;
    /** SMS double opt-in: the hash of the texted code stands in for the e-mailed link's token. */
    confirmCodeHash?: string;
  },
): Promise<{ confirmToken: string | null }> {
  const confirmToken = input.granted && !input.confirmed && !input.confirmCodeHash ? randomSecret(32) : null;
  await tx.insert(consents).values({
    email: input.email.trim().toLowerCase(),
    userId: actor.userId ?? null,
    channel: input.channel,
    granted: input.granted,
    source: actor.channel === "store" ? "store" : actor.channel,
    phone: input.phone ?? null,
    confirmedAt: input.granted && input.confirmed ? sql`now()` : null,
    confirmTokenHash: confirmToken ? hashToken(confirmToken) : null,
    confirmCodeHash: input.granted && !input.confirmed ? (input.confirmCodeHash ?? null) : null,
  });
  return { confirmToken };
}

/** Whether the caller proved the address is theirs: signed in to an account with it, confirmed. */
async function ownsAddress(tx: Tx, actor: Actor, email: string): Promise<boolean> {
  if (!actor.userId) return false;
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.email, email), isNotNull(users.emailVerified)));
  return !!user;
}

/** Whether the address's latest e-mail answer is a grant waiting for its link, sent within `hours`. */
export async function waitingGrant(db: DbOrTx, email: string, hours: number): Promise<boolean> {
  const [latest] = await db
    .select({
      waiting: sql<boolean>`${consents.confirmTokenHash} is not null and ${consents.at} > now() - make_interval(hours => ${hours})`,
    })
    .from(consents)
    .where(and(eq(consents.email, email), eq(consents.channel, "email")))
    .orderBy(desc(consents.id))
    .limit(1);
  return latest?.waiting ?? false;
}

/**
 * An answer to marketing e-mail, from whoever typed the address (a guest at checkout, a member in their
 * account). A withdrawal counts at once; a grant counts at once only from the address's proven owner, and
 * otherwise once the owner follows the e-mailed link (double opt-in), so nobody can subscribe someone else.
 * The same answer again records nothing, and an address gets at most one such e-mail a day.
 */
export async function answerMarketingEmail(
  tx: Tx,
  actor: Actor,
  input: { email: string; granted: boolean; locale: Locale },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const [granted, waiting] = await Promise.all([
    hasMarketingConsent(tx, email, "email"),
    waitingGrant(tx, email, CONFIRM_RESEND_HOURS),
  ]);
  // A "no" also ends a grant still waiting for its link, so a later click confirms nothing that counts.
  if (input.granted === granted && (input.granted || !waiting)) return;
  const confirmed = !input.granted || (await ownsAddress(tx, actor, email));
  if (!confirmed && waiting) return;
  const { confirmToken } = await recordConsent(tx, actor, {
    email,
    channel: "email",
    granted: input.granted,
    confirmed,
  });
  if (!confirmToken) return;
  const t = textsFor(input.locale);
  const link = `${domainEnv.OMNI_WEB_URL.replace(/\/+$/, "")}/newsletter/confirm?token=${encodeURIComponent(confirmToken)}`;
  await queueMessage(tx, {
    to: email,
    template: "marketing_confirm",
    subject: t.marketingConfirmSubject,
    body: t.marketingConfirmBody({ link, days: CONFIRM_DAYS }),
    data: { consentToken: confirmToken },
  });
}

/** `consent.confirm`: the double opt-in link's token, once; the waiting grant counts from now on. */
export async function confirmMarketingConsent(db: Database, input: { token: string }): Promise<{ email: string }> {
  const invalid = () =>
    badRequest("This confirmation link is not valid any more. Tick the consent again to get a new one.", {
      reason: "consent_link_invalid",
    });
  if (!input.token || input.token.length > 200) throw invalid();
  const [confirmed] = await db
    .update(consents)
    .set({ confirmedAt: sql`now()`, confirmTokenHash: null })
    .where(
      and(
        eq(consents.confirmTokenHash, hashToken(input.token)),
        isNull(consents.confirmedAt),
        gt(consents.at, sql`now() - make_interval(days => ${CONFIRM_DAYS})`),
      ),
    )
    .returning({ email: consents.email });
  if (!confirmed) throw invalid();
  return confirmed;
}
