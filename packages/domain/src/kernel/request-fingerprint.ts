import { createHash } from "node:crypto";

import type { Actor } from "./actor";

/** JSON with keys in a fixed order, so that the same input always gives the same text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/**
 * Idempotency as Stripe has it: a key is bound to the request it first came with. The fingerprint is
 * a hash of the input (without the key) and of who is calling (account or kiosk; a guest is known by
 * the e-mail inside the input, not by an address that changes when a phone changes networks). A retry
 * with the same key and the same request gets the first answer; the same key with another request is
 * a CONFLICT, never someone else's answer.
 */
export function requestFingerprint(actor: Actor, input: { idempotencyKey?: string } & Record<string, unknown>): string {
  const { idempotencyKey: _key, ...rest } = input;
  const caller = actor.deviceId ? `device:${actor.deviceId}` : actor.userId ? `user:${actor.userId}` : "guest";
  const normalized = typeof rest.email === "string" ? { ...rest, email: rest.email.trim().toLowerCase() } : rest;
  return createHash("sha256")
    .update(`${caller}\n${canonical(normalized)}`)
    .digest("base64url");
}
