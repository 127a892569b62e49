import { and, eq, gt, like, sql } from "drizzle-orm";
import QRCode from "qrcode";

import { authVerificationTokens, hashToken, users, type Database } from "@omni/db";

import { forbidden, randomSecret, type Actor } from "../kernel";

/** A QR sign-in token lives long enough to walk to a kiosk, and no longer. */
export const KIOSK_TOKEN_MINUTES = 10;
const PREFIX = "kiosk-sign-in:";

/**
 * `account.kioskSignInToken`: the shop's account page shows this token as a QR code; the kiosk
 * scans it and signs the shopper in through next-auth's `qr-token` provider. Only a hash is stored,
 * a new token replaces the previous one, and redeeming it deletes it (one use).
 */
export async function createKioskSignInToken(db: Database, actor: Actor & { userId: string }) {
  // A session that began at a kiosk must not mint the next one: a shopper who walked away from a
  // kiosk would otherwise leave a way into their account behind for the next person at the screen.
  if (actor.deviceId || actor.channel === "kiosk")
    throw forbidden("Kiosk sign-in codes are made on your own phone or computer, not at a kiosk.", {
      reason: "kiosk_sign_in_code_not_at_kiosk",
    });
  const token = randomSecret(24);
  const expiresAt = new Date(Date.now() + KIOSK_TOKEN_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    await tx.delete(authVerificationTokens).where(eq(authVerificationTokens.identifier, `${PREFIX}${actor.userId}`));
    await tx
      .insert(authVerificationTokens)
      .values({ identifier: `${PREFIX}${actor.userId}`, token: hashToken(token), expires: expiresAt });
  });
  const qrDataUrl = await QRCode.toDataURL(token, { margin: 1, width: 320, errorCorrectionLevel: "M" });
  return { token, expiresAt, qrDataUrl };
}

/**
 * Redeems a scanned token: the user it signs in, or null when it is unknown, used or expired. Only
 * on a paired kiosk whose pairing is not revoked (`device`, checked by the caller from the device
 * token), and only for customers: a stolen token must not open a staff account anywhere, nor any
 * account in a browser that is not a kiosk.
 */
export async function redeemKioskSignInToken(
  db: Database,
  token: string,
  device: { deviceId: string } | null,
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  if (!device || !token || token.length > 200) return null;
  const [redeemed] = await db
    .delete(authVerificationTokens)
    .where(
      and(
        eq(authVerificationTokens.token, hashToken(token)),
        like(authVerificationTokens.identifier, `${PREFIX}%`),
        gt(authVerificationTokens.expires, sql`now()`),
      ),
    )
    .returning({ identifier: authVerificationTokens.identifier });
  if (!redeemed) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      active: users.active,
      role: users.role,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, redeemed.identifier.slice(PREFIX.length)));
  return user?.active && user.role === "customer"
    ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion }
    : null;
}
