import { and, desc, eq, sql } from "drizzle-orm";

import { consents, users, type Database, type DbOrTx, type Tx } from "@omni/db";

import type { Actor } from "../kernel";

export type ConsentChannel = "email" | "sms";

/**
 * Whether marketing may go to this e-mail address by this channel: the latest recorded answer, and none
 * means no (prior consent, as Polish law asks). Service messages never ask this.
 */
export async function hasMarketingConsent(db: DbOrTx, email: string, channel: ConsentChannel): Promise<boolean> {
  const [latest] = await db
    .select({ granted: consents.granted })
    .from(consents)
    .where(and(eq(consents.email, email.trim().toLowerCase()), eq(consents.channel, channel)))
    .orderBy(desc(consents.id))
    .limit(1);
  return latest?.granted ?? false;
}

/** SQL for the same question inside a sweep's query, `email` being a column or expression. */
export const marketingConsentSql = (email: ReturnType<typeof sql>, channel: ConsentChannel) => sql`coalesce((
  select c.granted from consents c where c.email = lower(${email}) and c.channel = ${channel}
  order by c.id desc limit 1), false)`;

/** Records an answer in the caller's transaction, with the time and the app it was given in. */
export async function recordConsent(
  tx: Tx,
  actor: Actor,
  input: { email: string; channel: ConsentChannel; granted: boolean; phone?: string | null },
): Promise<void> {
  await tx.insert(consents).values({
    email: input.email.trim().toLowerCase(),
    userId: actor.userId ?? null,
    channel: input.channel,
    granted: input.granted,
    source: actor.channel === "store" ? "store" : actor.channel,
    phone: input.phone ?? null,
  });
}

/** A signed-in shopper's current answers per channel, with when and where each was given. */
export async function myConsents(db: DbOrTx, actor: Actor & { userId: string }) {
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
        where email = ${user.email} order by channel, id desc`)
    : [];
  return (["email", "sms"] as const).map((channel) => {
    const row = rows.find((r) => r.channel === channel);
    return {
      channel,
      granted: row?.granted ?? false,
      source: row?.source ?? null,
      at: row ? new Date(row.at) : null,
      phone: row?.phone ?? null,
    };
  });
}

/** `consent.set`: a signed-in shopper gives or withdraws marketing consent for one channel. */
export async function setMyConsent(
  db: Database,
  actor: Actor & { userId: string },
  input: { channel: ConsentChannel; granted: boolean; phone?: string },
) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  if (!user) return myConsents(db, actor);
  await db.transaction((tx) => recordConsent(tx, actor, { email: user.email, ...input }));
  return myConsents(db, actor);
}
