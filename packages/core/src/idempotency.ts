/**
 * A fresh key for one attempt of a write that must not happen twice (checkout, reservation, return).
 * `crypto.randomUUID` exists only in secure contexts; a kiosk served over plain http on a store's network
 * still has `getRandomValues`.
 */
export function newIdempotencyKey(prefix: string): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
