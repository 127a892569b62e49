import type { AuditAction } from "@omni/core";
import { auditLog, type Tx } from "@omni/db";

import type { Actor } from "./actor";

// The list lives in @omni/core, where the back office reads it too; scripts and tests reach it here.
export { AUDIT_ACTIONS, type AuditAction } from "@omni/core";

/** Whether `recordAudit` keeps a record of this caller's writes: staff, kiosks and API keys; not shoppers. */
export const isAudited = (actor: Actor): boolean =>
  Boolean(actor.deviceId || actor.apiKeyId || (actor.role && actor.role !== "customer"));

/** Records a staff or kiosk write in the caller's transaction, so the record and the change stand or fall together. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: {
    /** One of AUDIT_ACTIONS: a new action needs its words in the back office's catalogues first. */
    action: AuditAction;
    entityType?: string;
    entityId?: string;
    storeId?: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  if (!isAudited(actor)) return;
  await tx.insert(auditLog).values({
    actorUserId: actor.userId ?? null,
    actorEmail: actor.email ?? null,
    actorDeviceId: actor.deviceId ?? null,
    actorRole: actor.deviceId ? "kiosk" : actor.apiKeyId ? "api_key" : (actor.role ?? null),
    actorApiKeyId: actor.apiKeyId ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    storeId: entry.storeId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
