import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt at one of OWASP's current settings (Password Storage Cheat Sheet: N=2^17 r=8 p=1, or the
 * equal-cost N=2^15 r=8 p=3). We take the latter: the same work per guess, but 32 MiB per hash instead
 * of 128 MiB, so a burst of sign-ins cannot exhaust the server's memory. Built into Node, no addon.
 * The parameters are stored with each hash, so older hashes (N=2^15 p=1) still verify.
 */
const COST = { N: 32768, r: 8, p: 3 };
const KEYLEN = 32;
const MAXMEM = 128 * 1024 * 1024;

type Cost = { N: number; r: number; p: number };

function derive(password: string, salt: Buffer, cost: Cost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { ...cost, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N},${COST.r},${COST.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** Reads `N` (the first format) or `N,r,p`, refusing anything outside sane bounds. */
function parseCost(field: string | undefined): Cost | null {
  const [N, r = 8, p = 1] = (field ?? "").split(",").map(Number);
  if (!N || !Number.isInteger(Math.log2(N)) || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  return { N, r, p };
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  if (!stored) return false;
  const [scheme, costField, saltB64, keyB64] = stored.split("$");
  const cost = parseCost(costField);
  if (scheme !== "scrypt" || !cost || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64");
  const actual = await derive(password, Buffer.from(saltB64, "base64"), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Device tokens and pairing codes are random and long, so a fast hash is enough to store them. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
