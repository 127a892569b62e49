import { authenticateDevice } from "@omni/auth/device";
import { loadUserActor } from "@omni/auth/user";
import type { Channel, Database } from "@omni/db";
import { authenticateApiKey, isApiKey } from "@omni/domain/integrations";
import type { Actor } from "@omni/domain/kernel";

export type AppName = "web" | "kiosk" | "admin";
const channelOf: Record<AppName, Channel> = { web: "web", kiosk: "kiosk", admin: "store" };

export type Context = {
  db: Database;
  app: AppName;
  actor: Actor;
  /** A device token was presented but is unknown or revoked: the kiosk is locked. */
  deviceRejected: boolean;
  /** Names this call in the log lines and in the `x-request-id` response header. */
  requestId: string;
  /** An API key was presented but is unknown or revoked. */
  apiKeyRejected: boolean;
};

/**
 * Builds the caller from what the app knows: the signed-in user (if any) and, on the kiosk app, the
 * device token from the Authorization header or the pairing cookie.
 */
export async function createContext(input: {
  db: Database;
  app: AppName;
  userId?: string | null;
  deviceToken?: string | null;
  ip?: string | null;
  requestId?: string;
}): Promise<Context> {
  const actor: Actor = { channel: channelOf[input.app], storeIds: [], ip: input.ip ?? undefined };
  let deviceRejected = false;
  const apiKeyRejected = false;
  const requestId = input.requestId ?? crypto.randomUUID();
  if (input.deviceToken && isApiKey(input.deviceToken)) {
    // A server-to-server client, on any app: it acts as staff of its key's store (or of every store), but
    // only in the procedures its scopes name (checked for every call in trpc.ts).
    const key = await authenticateApiKey(input.db, input.deviceToken);
    if (!key) return { db: input.db, app: input.app, actor, deviceRejected, apiKeyRejected: true, requestId };
    Object.assign(actor, {
      apiKeyId: key.keyId,
      apiScopes: key.scopes,
      role: key.storeId ? "manager" : "admin",
      storeIds: key.storeId ? [key.storeId] : [],
    });
    return { db: input.db, app: input.app, actor, deviceRejected, apiKeyRejected, requestId };
  }
  if (input.app === "kiosk" && input.deviceToken) {
    const device = await authenticateDevice(input.db, input.deviceToken);
    if (device) {
      actor.deviceId = device.deviceId;
      actor.deviceStoreId = device.storeId;
    } else {
      deviceRejected = true;
    }
  }
  if (input.userId) {
    const user = await loadUserActor(input.db, input.userId);
    if (user)
      Object.assign(actor, { userId: user.userId, email: user.email, role: user.role, storeIds: user.storeIds });
  }
  return {
    db: input.db,
    app: input.app,
    actor,
    deviceRejected,
    apiKeyRejected,
    requestId: input.requestId ?? crypto.randomUUID(),
  };
}

/** Reads a bearer token from an Authorization header. */
export function bearerToken(header: string | null | undefined): string | null {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match ? match[1]!.trim() : null;
}
