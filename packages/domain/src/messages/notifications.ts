import { desc, eq } from "drizzle-orm";

import { outbox, type DbOrTx } from "@omni/db";

/** `notifications.list` (staff): what was sent, or is queued, to shoppers, newest first. */
export async function listNotifications(db: DbOrTx, input: { email?: string; limit?: number } = {}) {
  return db
    .select({
      id: outbox.id,
      to: outbox.to,
      channel: outbox.channel,
      template: outbox.template,
      subject: outbox.subject,
      body: outbox.body,
      data: outbox.data,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(input.email ? eq(outbox.to, input.email.trim().toLowerCase()) : undefined)
    .orderBy(desc(outbox.id))
    .limit(input.limit ?? 50);
}
