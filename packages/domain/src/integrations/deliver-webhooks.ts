import http from "node:http";
import https from "node:https";

import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";

import { webhookDeliveries, webhookSubscriptions, type Database } from "@omni/db";

import type { Sweep } from "../kernel";
import { assertDeliverableUrl, guardedLookup, type WebhookAddressPolicy } from "./webhook-address";
import { webhookPolicyFromEnv } from "./webhook-settings";
import { signWebhook } from "./webhook-signature";

const BATCH = 20;
const TIMEOUT_MS = 10_000;
/** A claimed delivery is another worker's to retry if this one dies mid-send. */
const CLAIM_MS = 60_000;
/** A subscription that has failed for this long without a single success is disabled. */
export const DISABLE_AFTER_MS = 24 * 60 * 60_000;

/** Exponential backoff: 5 s after the first failure, doubling, at most 4 hours apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 4 * 60 * 60_000);
}

type Claimed = {
  id: number;
  messageId: string;
  payload: Record<string, unknown>;
  attempts: number;
  subscriptionId: string;
  url: string;
  secret: string;
};

async function claimDue(db: Database, now: Date): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: webhookDeliveries.id,
        messageId: webhookDeliveries.messageId,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
        subscriptionId: webhookSubscriptions.id,
        url: webhookSubscriptions.url,
        secret: webhookSubscriptions.secret,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          eq(webhookSubscriptions.enabled, true),
          lte(webhookDeliveries.nextAttemptAt, now),
          or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
        ),
      )
      .orderBy(webhookDeliveries.id)
      .limit(BATCH)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(webhookDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + CLAIM_MS) })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
      );
    return due;
  });
}

type Outcome = { ok: boolean; statusCode?: number; error?: string };

/** One POST, outside any transaction, to an address the policy allows, with the signed headers. */
async function send(delivery: Claimed, policy: WebhookAddressPolicy): Promise<Outcome> {
  let url: URL;
  try {
    url = await assertDeliverableUrl(delivery.url, policy);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const body = JSON.stringify(delivery.payload);
  const headers = {
    "content-type": "application/json",
    "user-agent": "Omni-Webhooks/1",
    ...signWebhook(delivery.secret, delivery.messageId, new Date(), body),
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Outcome>((resolve) => {
    const request = client.request(
      url,
      { method: "POST", headers, lookup: guardedLookup(policy), timeout: TIMEOUT_MS },
      (response) => {
        response.resume();
        response.on("end", () => {
          const statusCode = response.statusCode ?? 0;
          resolve({
            ok: statusCode >= 200 && statusCode < 300,
            statusCode,
            error: statusCode >= 200 && statusCode < 300 ? undefined : `The receiver answered ${statusCode}.`,
          });
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} seconds.`)));
    request.on("error", (error) => resolve({ ok: false, error: error.message }));
    request.end(body);
  });
}

async function recordOutcome(db: Database, delivery: Claimed, outcome: Outcome, now: Date): Promise<void> {
  const attempts = delivery.attempts + 1;
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        attempts,
        status: outcome.ok ? "succeeded" : "pending",
        nextAttemptAt: outcome.ok ? now : new Date(now.getTime() + retryDelayMs(attempts)),
        lockedUntil: null,
        lastAttemptAt: now,
        lastStatusCode: outcome.statusCode ?? null,
        lastError: outcome.error?.slice(0, 500) ?? null,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (outcome.ok) {
      await tx
        .update(webhookSubscriptions)
        .set({ failingSince: null })
        .where(eq(webhookSubscriptions.id, delivery.subscriptionId));
      return;
    }
    const [subscription] = await tx
      .update(webhookSubscriptions)
      .set({ failingSince: sql`coalesce(${webhookSubscriptions.failingSince}, ${now.toISOString()}::timestamptz)` })
      .where(eq(webhookSubscriptions.id, delivery.subscriptionId))
      .returning({ failingSince: webhookSubscriptions.failingSince, enabled: webhookSubscriptions.enabled });
    if (subscription?.enabled && now.getTime() - subscription.failingSince!.getTime() >= DISABLE_AFTER_MS) {
      await tx
        .update(webhookSubscriptions)
        .set({
          enabled: false,
          disabledAt: now,
          disabledReason: "Every delivery failed for a day; turn it on again once the receiver works.",
        })
        .where(eq(webhookSubscriptions.id, delivery.subscriptionId));
      await tx
        .update(webhookDeliveries)
        .set({ status: "failed" })
        .where(
          and(eq(webhookDeliveries.subscriptionId, delivery.subscriptionId), eq(webhookDeliveries.status, "pending")),
        );
    }
  });
}

/** Sends what is due; returns how many deliveries were attempted. */
export async function deliverWebhooks(db: Database, now: Date, policy: WebhookAddressPolicy): Promise<number> {
  const due = await claimDue(db, now);
  // One receiver's slowness must not hold up the others: the batch goes out together.
  await Promise.all(due.map(async (delivery) => recordOutcome(db, delivery, await send(delivery, policy), now)));
  return due.length;
}

export const deliverWebhooksSweep: Sweep = {
  name: "deliver-webhooks",
  run: (db, now) => deliverWebhooks(db, now, webhookPolicyFromEnv()),
};
