import type { Tx } from "@omni/db";

import { queueMessage, type MessageTemplate } from "../kernel";

/** A phone number as texted: digits and a leading "+" only; null when too short to be one. */
export function smsNumber(phone: string | null | undefined): string | null {
  const number = phone?.replace(/[^\d+]/g, "");
  return number && number.replace(/\D/g, "").length >= 6 ? number : null;
}

/**
 * A service message (ready for pickup, reservation confirmed or expiring) also goes by SMS when the shopper
 * gave a phone number. Service messages need no marketing consent. The e-mail rides along in the data so that
 * staff find the SMS when they look a shopper up by e-mail.
 */
export async function queueServiceSms(
  tx: Tx,
  input: {
    phone: string | null;
    email: string;
    template: MessageTemplate;
    body: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const phone = smsNumber(input.phone);
  if (!phone) return;
  await queueMessage(tx, {
    to: phone,
    channel: "sms",
    template: input.template,
    subject: input.template,
    body: input.body,
    data: { ...input.data, email: input.email.toLowerCase() },
  });
}
