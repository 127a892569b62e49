import { and, desc, eq, lt } from "drizzle-orm";

import { webhookDeliveries, webhookSubscriptions, type Database, type WebhookEventType } from "@omni/db";

import { badRequest, notFound, recordAudit, type Actor } from "../kernel";
import { assertDeliverableUrl, type WebhookAddressPolicy } from "./webhook-address";
import { newWebhookSecret } from "./webhook-signature";

/** Subscribes a receiver to events; the secret is answered here and shown again only in the admin. */
export async function createWebhook(
  db: Database,
  actor: Actor,
  input: { url: string; events: WebhookEventType[] },
  policy: WebhookAddressPolicy,
) {
  const events = [...new Set(input.events)];
  if (events.length === 0) throw badRequest("Choose at least one event.", { reason: "webhook_event_required" });
  const url = await assertDeliverableUrl(input.url, policy);
  return db.transaction(async (tx) => {
    const secret = newWebhookSecret();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ url: url.toString(), events, secret, createdBy: actor.userId ?? null })
      .returning();
    await recordAudit(tx, actor, {
      action: "webhooks.create",
      entityType: "webhook",
      entityId: row!.id,
      after: { url: row!.url, events },
    });
    return { id: row!.id, secret, url: row!.url, events };
  });
}

export async function listWebhooks(db: Database) {
  const rows = await db.select().from(webhookSubscriptions).orderBy(desc(webhookSubscriptions.createdAt));
  return rows.map(({ secret: _secret, ...subscription }) => subscription);
}

/** Turns a subscription on or off; turning it on forgives its past failures. */
export async function setWebhookEnabled(db: Database, actor: Actor, input: { id: string; enabled: boolean }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookSubscriptions)
      .set(
        input.enabled
          ? { enabled: true, failingSince: null, disabledAt: null, disabledReason: null }
          : { enabled: false, disabledAt: new Date(), disabledReason: "Turned off by an administrator." },
      )
      .where(eq(webhookSubscriptions.id, input.id))
      .returning({ id: webhookSubscriptions.id, enabled: webhookSubscriptions.enabled });
    if (!row) throw notFound("This webhook", "webhook_not_found");
    await recordAudit(tx, actor, {
      action: input.enabled ? "webhooks.enable" : "webhooks.disable",
      entityType: "webhook",
      entityId: row.id,
    });
    return row;
  });
}

export async function deleteWebhook(db: Database, actor: Actor, input: { id: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, input.id))
      .returning({ id: webhookSubscriptions.id, url: webhookSubscriptions.url });
    if (!row) throw notFound("This webhook", "webhook_not_found");
    await recordAudit(tx, actor, { action: "webhooks.delete", entityType: "webhook", entityId: row.id, before: row });
    return { id: row.id, deleted: true };
  });
}

/** One subscription (without its secret) and its delivery log, newest first; `before` pages on with the last id. */
export async function getWebhook(db: Database, input: { id: string; limit: number; before?: number }) {
  const [subscription] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, input.id));
  if (!subscription) throw notFound("This webhook", "webhook_not_found");
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, input.id),
        input.before ? lt(webhookDeliveries.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit);
  const { secret: _secret, ...rest } = subscription;
  return { ...rest, deliveries };
}

/** "Send again": the same message (same `webhook-id`) goes out on the worker's next round. */
export async function redeliverWebhook(db: Database, actor: Actor, input: { deliveryId: number }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: new Date(), lockedUntil: null })
      .where(eq(webhookDeliveries.id, input.deliveryId))
      .returning({ id: webhookDeliveries.id, subscriptionId: webhookDeliveries.subscriptionId });
    if (!row) throw notFound("This delivery", "webhook_delivery_not_found");
    await recordAudit(tx, actor, {
      action: "webhooks.redeliver",
      entityType: "webhook_delivery",
      entityId: String(row.id),
    });
    return { id: row.id, status: "pending" as const };
  });
}
