import type { Channel, Role } from "@omni/db";

/** Who is acting and through which channel; every use-case that writes receives one. */
export type Actor = {
  channel: Channel;
  userId?: string;
  email?: string;
  role?: Role;
  /** Stores a member of staff works in; admins work in all. */
  storeIds: string[];
  deviceId?: string;
  /** The store a kiosk device belongs to. */
  deviceStoreId?: string;
  /** A server-to-server client's API key, and what it may do. */
  apiKeyId?: string;
  apiScopes?: string[];
  /** The caller's network address, for rate limits on anonymous callers. */
  ip?: string;
};

export const systemActor: Actor = { channel: "store", storeIds: [] };

export const isStaff = (actor: Actor) =>
  actor.role === "associate" || actor.role === "manager" || actor.role === "admin";

export function worksIn(actor: Actor, storeId: string): boolean {
  if (actor.role === "admin") return true;
  return isStaff(actor) && actor.storeIds.includes(storeId);
}

export function canManage(actor: Actor, storeId: string): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "manager" && actor.storeIds.includes(storeId);
}
