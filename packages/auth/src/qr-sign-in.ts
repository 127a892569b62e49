import type { Database } from "@omni/db";
import { redeemKioskSignInToken } from "@omni/domain/accounts";

import { authenticateDevice, deviceTokenOf } from "./device";

/**
 * next-auth's `qr-token` provider: the shopper's one-time token signs them in only when the request
 * comes from a paired kiosk whose pairing is not revoked (its device token rides along as for the
 * API), and only into a customer account.
 */
export async function authorizeQrToken(db: Database, raw: { token?: unknown } | undefined, request: Request) {
  const token = typeof raw?.token === "string" ? raw.token.trim() : "";
  if (!token) return null;
  const device = await authenticateDevice(db, deviceTokenOf(request));
  return redeemKioskSignInToken(db, token, device);
}
