import { and, eq, isNull, lt, or, sql } from "drizzle-orm";

import { hashToken, kioskDevices, type Database } from "@omni/db";

export const deviceCookieName = "omni-kiosk-device";

export type DeviceActor = { deviceId: string; storeId: string; name: string };

/** The kiosk bearer token: stored hashed; a revoked device is refused at once. */
export async function authenticateDevice(db: Database, token: string | null | undefined): Promise<DeviceActor | null> {
  if (!token || token.length > 200) return null;
  const [device] = await db
    .select()
    .from(kioskDevices)
    .where(and(eq(kioskDevices.tokenHash, hashToken(token)), isNull(kioskDevices.revokedAt)));
  if (!device) return null;
  // Last seen is kept to the minute; writing it on every request would serialise a busy kiosk.
  await db
    .update(kioskDevices)
    .set({ lastSeenAt: new Date() })
    .where(
      and(
        eq(kioskDevices.id, device.id),
        or(isNull(kioskDevices.lastSeenAt), lt(kioskDevices.lastSeenAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { deviceId: device.id, storeId: device.storeId, name: device.name };
}

/**
 * The device token a request carries: `Authorization: Bearer …` (other programs acting as a kiosk) or
 * the kiosk app's http-only pairing cookie.
 */
export function deviceTokenOf(request: Request): string | null {
  const bearer = request.headers
    .get("authorization")
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim();
  if (bearer) return bearer;
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === deviceCookieName) return decodeURIComponent(value.join("="));
  }
  return null;
}
