import { outbox, type Tx } from "@omni/db";

/** Every kind of message written to the outbox; each has Polish and English wording (engagement/message-previews.ts). */
export const messageTemplates = [
  "order_placed",
  "order_ready_for_pickup",
  "order_pickup_reminder",
  "order_expired",
  "order_cancelled",
  "order_collected",
  "parcel_in_locker",
  "reservation_confirmed",
  "reservation_expiring",
  "reservation_expired",
  "reservation_cancelled",
  "return_created",
  "return_received",
  "return_rejected",
  "refund_issued",
  "back_in_stock",
  "cart_reminder",
  "review_request",
  "marketing_confirm",
  "marketing_confirm_sms",
  "account_verify_email",
  "account_password_reset",
  "account_password_changed",
  "staff_invited",
  "points_expiring",
  "gift_card_issued",
] as const;

export type MessageTemplate = (typeof messageTemplates)[number];

/**
 * Queues a message to a shopper in the caller's transaction: it is sent only if the change commits,
 * and is never lost if the sender is down.
 */
export async function queueMessage(
  tx: Tx,
  message: {
    to: string;
    template: MessageTemplate;
    subject: string;
    body: string;
    data?: Record<string, unknown>;
    channel?: "email" | "sms";
  },
): Promise<void> {
  await tx.insert(outbox).values({
    to: message.to.toLowerCase(),
    channel: message.channel ?? "email",
    template: message.template,
    subject: message.subject,
    body: message.body,
    data: message.data ?? {},
  });
}
