import { eq, sql } from "drizzle-orm";

import { outbox, type Database } from "@omni/db";

import type { Sweep } from "../kernel";
import { mailSender, renderEmail } from "./mailer";
import { smsProvider } from "./sms-provider";

/** A message that failed this many times waits for a person (its last error is kept on the row). */
export const MAX_ATTEMPTS = 10;
/** Messages handled per run, so that one run never holds the worker for long. */
const BATCH = 200;

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
 * Sends queued messages to shoppers. Each message is taken in its own transaction with
 * `for update skip locked`, sent, and marked sent in that transaction, so two workers never send
 * the same message. Without SMTP_URL (development) e-mail is only marked sent; SMS go through the
 * configured gateway (in development one that records them); staff read both in the admin.
 */
export async function deliverOutbox(db: Database, now: Date): Promise<number> {
  let sent = 0;
  const failed: number[] = [];
  for (let i = 0; i < BATCH; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx.execute<OutboxRow>(sql`
        select id, "to", channel, subject, body, data, attempts from outbox
        where sent_at is null and attempts < ${MAX_ATTEMPTS} ${failed.length ? sql`and id not in ${failed}` : sql``}
        order by id limit 1 for update skip locked`);
      if (!row) return "none" as const;
      try {
        const sender = mailSender();
        if (sender && row.channel === "email") await sender.sendMail(await renderEmail(row));
        // The outbox id is the gateway's idempotency key: a retry after a timeout is not sent twice.
        if (row.channel === "sms")
          await smsProvider().send({ to: row.to, body: row.body, idempotencyKey: `outbox-${row.id}` });
        await tx
          .update(outbox)
          .set({ sentAt: now, attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(eq(outbox.id, row.id));
        return "sent" as const;
      } catch (error) {
        // The row stays unsent and is tried again on a later run.
        const lastError = String((error as Error)?.message ?? error).slice(0, 500);
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError })
          .where(eq(outbox.id, row.id));
        failed.push(row.id);
        return "failed" as const;
      }
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent++;
  }
  return sent;
}

export const deliverOutboxSweep: Sweep = { name: "deliver-outbox", run: deliverOutbox };
