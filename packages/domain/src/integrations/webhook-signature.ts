import { createHmac, randomBytes } from "node:crypto";

/** A Standard Webhooks secret: `whsec_` and base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The Standard Webhooks headers of one delivery: the HMAC-SHA256 of "id.timestamp.body", keyed with the
 * base64-decoded part of the secret after `whsec_`, as `v1,<base64>`.
 */
export function signWebhook(secret: string, messageId: string, timestamp: Date, body: string) {
  const seconds = Math.floor(timestamp.getTime() / 1000);
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${messageId}.${seconds}.${body}`).digest("base64");
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(seconds),
    "webhook-signature": `v1,${signature}`,
  };
}
