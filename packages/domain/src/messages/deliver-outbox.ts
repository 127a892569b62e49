import { and, eq, isNotNull, sql } from "drizzle-orm";

import { outbox, type Database } from "@omni/db";

import { notFound, recordAudit, type Actor, type Sweep } from "../kernel";
import { mailSender, renderEmail } from "./mailer";
import { smsProvider } from "./sms-provider";

/** Tries before a message is given up on (dead): with the backoff below, about a day and a half. */
export const MAX_ATTEMPTS = 10;
/** The first retry waits this long; each later one twice as long as the one before, at most MAX_BACKOFF. */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/**
 * How long one run keeps sending while messages are due. The sweep runs once a minute, so a fixed number of messages
 * per run (it was 200) is a ceiling on the shop's message rate: a busier shop (the soak's 250 orders a minute) fell
 * further behind every minute. A time budget well inside the minute drains any backlog the transport can carry and
 * still never holds the worker for long.
 */
export const RUN_BUDGET_MS = 40_000;

/** When a message that has failed `attempts` times is tried next: 30 s, 1 min, 2 min, … capped at 6 h. */
export function nextAttemptAt(now: Date, attempts: number): Date {
  const wait = Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return new Date(now.getTime() + wait);
}

type OutboxRow = {
  id: number;
  to: string;
  channel: "email" | "sms";
  subject: string;
  body: string;
  data: Record<string, unknown>;
  attempts: number;
};

/**
 * Sends queued messages. Each due message is taken in its own transaction with `for update skip
 * locked` (two workers never take the same one), handed to its transport (SMTP, or without SMTP_URL a
 * transport that only records; SMS through the configured gateway), and marked sent in that
 * transaction only once the transport took it. A failure keeps it unsent and schedules the next try
 * with exponential backoff; after MAX_ATTEMPTS it is dead and waits for staff ("send again").
 * A worker killed between the transport's answer and the commit sends that message again on restart
 * (at least once); the e-mail's Message-ID is the outbox id, so mail systems can drop the copy.
 */
export async function deliverOutbox(db: Database, now: Date, options: { budgetMs?: number } = {}): Promise<number> {
  const until = performance.now() + (options.budgetMs ?? RUN_BUDGET_MS);
  let sent = 0;
  while (performance.now() < until) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx.execute<OutboxRow>(sql`
        select id, "to", channel, subject, body, data, attempts from outbox
        where sent_at is null and dead_at is null
          and (next_attempt_at is null or next_attempt_at <= ${now.toISOString()}::timestamptz)
        order by id limit 1 for update skip locked`);
      if (!row) return "none" as const;
      const attempts = row.attempts + 1;
      try {
        if (row.channel === "email") await mailSender().sendMail(await renderEmail(row));
        // The outbox id is the gateway's idempotency key: a retry after a timeout is not sent twice.
        else await smsProvider().send({ to: row.to, body: row.body, idempotencyKey: `outbox-${row.id}` });
        await tx
          .update(outbox)
          .set({ sentAt: now, attempts, lastError: null, nextAttemptAt: null })
          .where(eq(outbox.id, row.id));
        return "sent" as const;
      } catch (error) {
        const lastError = String((error as Error)?.message ?? error).slice(0, 500);
        const dead = attempts >= MAX_ATTEMPTS;
        await tx
          .update(outbox)
          .set({
            attempts,
            lastError,
            nextAttemptAt: dead ? null : nextAttemptAt(now, attempts),
            deadAt: dead ? now : null,
          })
          .where(eq(outbox.id, row.id));
        return "failed" as const;
      }
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent++;
  }
  return sent;
}

export const deliverOutboxSweep: Sweep = { name: "deliver-outbox", run: (db, now) => deliverOutbox(db, now) };

/** `notifications.retry` (admin): a dead message gets a fresh set of tries, starting now. */
export async function retryMessage(db: Database, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ deadAt: null, attempts: 0, nextAttemptAt: null })
      .where(and(eq(outbox.id, input.id), isNotNull(outbox.deadAt)))
      .returning({ id: outbox.id, to: outbox.to });
    if (!row) throw notFound("A message that gave up", "message_not_found");
    await recordAudit(tx, actor, { action: "notifications.retry", entityType: "outbox", entityId: String(row.id) });
    return { id: row.id, status: "queued" as const };
  });
}
