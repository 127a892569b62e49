import { and, eq, gt, like, sql } from "drizzle-orm";

import { authVerificationTokens, hashToken, type Tx } from "@omni/db";

import { domainEnv, randomSecret } from "../kernel";

/** What an e-mail link is for; each kind is a prefix of next-auth's verification-token identifier. */
export type AccountTokenPurpose = "verify-email" | "reset-password";

/** How long a link works: long enough to open the e-mail, short enough that an old inbox is no key. */
export const ACCOUNT_TOKEN_MINUTES: Record<AccountTokenPurpose, number> = {
  "verify-email": 48 * 60,
  "reset-password": 60,
};

/**
 * A new single-use token for an account's e-mail link. Only its SHA-256 is stored (the token is 32
 * random bytes, so a fast hash is enough), and a new one replaces any earlier one of the same kind.
 * `minutes` overrides the default life (a staff invitation lasts longer than a reset).
 */
export async function issueAccountToken(
  tx: Tx,
  purpose: AccountTokenPurpose,
  userId: string,
  minutes = ACCOUNT_TOKEN_MINUTES[purpose],
): Promise<{ token: string; link: string; expiresAt: Date }> {
  const identifier = `${purpose}:${userId}`;
  const token = randomSecret(32);
  const expiresAt = new Date(Date.now() + minutes * 60_000);
  await tx.delete(authVerificationTokens).where(eq(authVerificationTokens.identifier, identifier));
  await tx.insert(authVerificationTokens).values({ identifier, token: hashToken(token), expires: expiresAt });
  const page = purpose === "verify-email" ? "verify-email" : "reset-password";
  const link = `${domainEnv.OMNI_WEB_URL.replace(/\/+$/, "")}/${page}?token=${encodeURIComponent(token)}`;
  return { token, link, expiresAt };
}

/**
 * Redeems a token: deletes it (one use, atomic: two clicks at once cannot both pass) and answers the
 * account it was for, or null when it is unknown, used, expired or of another kind.
 */
export async function redeemAccountToken(tx: Tx, purpose: AccountTokenPurpose, token: string): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const [redeemed] = await tx
    .delete(authVerificationTokens)
    .where(
      and(
        eq(authVerificationTokens.token, hashToken(token)),
        like(authVerificationTokens.identifier, `${purpose}:%`),
        gt(authVerificationTokens.expires, sql`now()`),
      ),
    )
    .returning({ identifier: authVerificationTokens.identifier });
  return redeemed ? redeemed.identifier.slice(purpose.length + 1) : null;
}

/** Ends every open link of an account (a password change makes older reset links worthless). */
export async function revokeAccountTokens(tx: Tx, purpose: AccountTokenPurpose, userId: string): Promise<void> {
  await tx.delete(authVerificationTokens).where(eq(authVerificationTokens.identifier, `${purpose}:${userId}`));
}
