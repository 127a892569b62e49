import { desc, sql } from "drizzle-orm";

import { outbox, type DbOrTx } from "@omni/db";

import type { Actor } from "../kernel";

/**
 * The store a message is about: the order's pickup or shipping location, the reservation's store, or
 * the store a return was brought to (else its order's location). Messages carry the number or code
 * in their data, so the store is found from there rather than stored twice.
 */
const storeOfMessage = sql<string | null>`coalesce(
  (select o.location_id from orders o where o.number = ${outbox.data}->>'orderNumber'),
  (select r.store_id from reservations r where ${outbox.template} like 'reservation%' and r.code = ${outbox.data}->>'code'),
  (select coalesce(ret.received_store_id, ret.store_id, o.location_id) from returns ret join orders o on o.id = ret.order_id
     where ret.number = ${outbox.data}->>'returnNumber'),
  ${outbox.data}->>'storeId'
)`;

/**
 * Codes that act as bearer secrets: whoever reads one can collect the goods, spend the credit or the gift card, or (the
 * token of an e-mail link) set the account's password.
 */
const secretKeys = ["pickupCode", "creditCode", "accountToken", "giftCardCode"] as const;

/** `AB12CD34` → `••••••34`: enough for a clerk to match a slip, useless to collect or spend with. */
export const maskSecret = (code: string) => `${"•".repeat(Math.max(code.length - 2, 4))}${code.slice(-2)}`;

function maskMessage<T extends { subject: string; body: string; data: unknown }>(message: T): T {
  const data = { ...((message.data as Record<string, unknown> | null) ?? {}) };
  let { subject, body } = message;
  for (const key of secretKeys) {
    const secret = data[key];
    if (typeof secret !== "string" || !secret) continue;
    data[key] = maskSecret(secret);
    subject = subject.split(secret).join(maskSecret(secret));
    body = body.split(secret).join(maskSecret(secret));
  }
  // Older messages and ones that only name the code in their words.
  body = body.replace(
    /(credit code is |pickup code )([A-Z0-9-]{6,})/g,
    (_m, words: string, code: string) => words + maskSecret(code),
  );
  return { ...message, subject, body, data };
}

/**
 * `notifications.list` (staff): what was sent, or is queued, to shoppers, newest first. Staff see the
 * messages about their own stores only (admins: all), with pickup and credit codes masked: a clerk
 * can confirm that a message went out, but cannot collect someone's order or spend their credit.
 */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  input: {
    email?: string;
    limit?: number;
    channel?: "email" | "sms";
    template?: string;
    unsent?: boolean;
    dead?: boolean;
  } = {},
) {
  const address = input.email?.trim().toLowerCase();
  // A shopper's e-mail also finds the SMS sent to their phone (the e-mail rides in the message's data).
  const email = address ? sql`(${outbox.to} = ${address} or ${outbox.data}->>'email' = ${address})` : sql`true`;
  const filters = sql.join(
    [
      input.channel ? sql`${outbox.channel} = ${input.channel}` : sql`true`,
      input.template ? sql`${outbox.template} = ${input.template}` : sql`true`,
      input.unsent ? sql`${outbox.sentAt} is null` : sql`true`,
      input.dead ? sql`${outbox.deadAt} is not null` : sql`true`,
    ],
    sql` and `,
  );
  const scope =
    actor.role === "admin"
      ? sql`true`
      : actor.storeIds.length
        ? sql`${storeOfMessage} in ${actor.storeIds}`
        : sql`false`;
  const rows = await db
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
      nextAttemptAt: outbox.nextAttemptAt,
      deadAt: outbox.deadAt,
    })
    .from(outbox)
    .where(sql`${email} and ${scope} and ${filters}`)
    .orderBy(desc(outbox.id))
    .limit(input.limit ?? 50);
  return rows.map(maskMessage);
}
