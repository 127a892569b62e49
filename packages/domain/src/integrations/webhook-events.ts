import { sql } from "drizzle-orm";

import { webhookDeliveries, webhookSubscriptions, type Tx, type WebhookEventType } from "@omni/db";

/**
 * Records an event for every enabled subscription to it, in the caller's transaction: the event exists
 * if and only if the change commits, and the worker sends it later, outside any transaction. One
 * statement, and nothing written when nobody listens.
 */
export async function emitWebhookEvent(tx: Tx, type: WebhookEventType, data: Record<string, unknown>): Promise<void> {
  const payload = { type, timestamp: new Date().toISOString(), data };
  await tx.execute(sql`
    insert into ${webhookDeliveries} (subscription_id, message_id, event_type, payload)
    select ${webhookSubscriptions.id}, 'msg_' || replace(gen_random_uuid()::text, '-', ''), ${type}, ${JSON.stringify(payload)}::jsonb
    from ${webhookSubscriptions}
    where ${webhookSubscriptions.enabled} and ${type} = any(${webhookSubscriptions.events})
  `);
}
