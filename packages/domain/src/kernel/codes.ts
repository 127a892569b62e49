import { randomBytes, randomInt } from "node:crypto";

// No 0/O, 1/I/L or U, so that a code read aloud or typed on a kiosk is hard to get wrong.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A random code from a readable alphabet: 8 characters carry about 39 bits, far beyond guessing under rate limits. */
export function randomCode(length = 8): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A long random secret for bearer ids (guest carts, device tokens). */
export function randomSecret(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}
