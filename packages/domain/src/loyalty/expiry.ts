import { eq, sql } from "drizzle-orm";

import { loyaltyMembers, users, type Database, type Tx } from "@omni/db";

import { textsFor } from "../engagement";
import { at, queueMessage, type Sweep } from "../kernel";
import { appendEntry } from "./ledger";
import { loyaltySettings } from "./settings";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/**
 * Points lapse first-in, first-out: every debit (spent, reversed, taken away, already expired) used the
 * credits that lapse soonest. So what lapses by `until` is what was credited to lapse by then, less every
 * debit so far, never below zero.
 */
async function lapsingBy(tx: Tx, userId: string, until: Date): Promise<{ points: number; lastExpiry: Date | null }> {
  const [row] = await tx.execute<{ credits: number; debits: number; last_expiry: string | null }>(sql`
    select
      coalesce(sum(points) filter (where points > 0 and expires_at <= ${at(until)}), 0)::int as credits,
      coalesce(-sum(points) filter (where points < 0), 0)::int as debits,
      max(expires_at) filter (where points > 0 and expires_at <= ${at(until)}) as last_expiry
    from loyalty_entries where user_id = ${userId}`);
  return {
    points: Math.max(0, (row?.credits ?? 0) - (row?.debits ?? 0)),
    lastExpiry: row?.last_expiry ? new Date(row.last_expiry) : null,
  };
}

/** One member: lapse what is due, then remind once of what lapses within the reminder window. */
async function sweepMember(tx: Tx, userId: string, now: Date, reminderDays: number): Promise<boolean> {
  const [member] = await tx.execute<{ points: number; reminded_through: string | null }>(
    sql`select points, reminded_through from loyalty_members where user_id = ${userId} for update skip locked`,
  );
  if (!member) return false;
  let acted = false;
  const due = await lapsingBy(tx, userId, now);
  if (due.points > 0) {
    await appendEntry(tx, { userId, type: "expired", points: -due.points, reason: "expired", at: now });
    acted = true;
  }
  const soon = await lapsingBy(tx, userId, new Date(now.getTime() + reminderDays * DAY_MS));
  const remindedThrough = member.reminded_through ? new Date(member.reminded_through) : null;
  if (soon.points > 0 && soon.lastExpiry && (!remindedThrough || soon.lastExpiry > remindedThrough)) {
    const [user] = await tx
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(eq(users.id, userId));
    if (user) {
      const t = textsFor(user.locale);
      await queueMessage(tx, {
        to: user.email,
        template: "points_expiring",
        subject: t.pointsExpiringSubject(soon.points),
        body: t.pointsExpiringBody({
          name: user.name || user.email,
          points: soon.points,
          until: soon.lastExpiry.toISOString().slice(0, 10),
        }),
        data: { points: soon.points, expiresBy: soon.lastExpiry.toISOString() },
      });
    }
    await tx.update(loyaltyMembers).set({ remindedThrough: soon.lastExpiry }).where(eq(loyaltyMembers.userId, userId));
    acted = true;
  }
  return acted;
}

/** Lapses points past their expiry and sends the one reminder before they do; each member in its own transaction. */
export async function expirePoints(db: Database, now: Date): Promise<number> {
  const { reminderDays } = await loyaltySettings(db);
  const horizon = new Date(now.getTime() + reminderDays * DAY_MS);
  const candidates = await db.execute<{ user_id: string }>(sql`
    select distinct e.user_id from loyalty_entries e join loyalty_members m on m.user_id = e.user_id
    where m.points > 0 and e.points > 0 and e.expires_at <= ${at(horizon)}
      and (e.expires_at <= ${at(now)} or m.reminded_through is null or e.expires_at > m.reminded_through)
    order by e.user_id limit ${BATCH}`);
  let handled = 0;
  for (const { user_id } of candidates) {
    if (await db.transaction((tx) => sweepMember(tx, user_id, now, reminderDays))) handled++;
  }
  return handled;
}

export const expirePointsSweep: Sweep = { name: "loyalty-expiry", cron: "11 * * * *", run: expirePoints };
