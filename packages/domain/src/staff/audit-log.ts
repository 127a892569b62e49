import { and, desc, eq, getTableColumns, gte, ilike, inArray, lt, lte, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

import type { AuditAction } from "@omni/core";
import { auditLog, kioskDevices, locations, users, type DbOrTx } from "@omni/db";

import type { Actor } from "../kernel";

const deviceStore = alias(locations, "device_store");

/**
 * The audit trail for the back office: admins see everything, other staff see their stores. Each
 * entry comes with the names a clerk knows (the person, the kiosk's store, the store acted in), so
 * the screen can read it as a sentence; the raw record stays beside them.
 */
export async function listAudit(
  db: DbOrTx,
  actor: Actor,
  input: {
    action?: AuditAction;
    actor?: string;
    storeId?: string;
    from?: Date;
    to?: Date;
    limit: number;
    before?: number;
  },
) {
  const filters: (SQL | undefined)[] = [
    // One action exactly: a prefix would let "products.create" also find "products.createVariant".
    input.action ? eq(auditLog.action, input.action) : undefined,
    input.actor ? ilike(auditLog.actorEmail, `%${input.actor.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
    input.storeId ? eq(auditLog.storeId, input.storeId) : undefined,
    input.from ? gte(auditLog.at, input.from) : undefined,
    input.to ? lte(auditLog.at, input.to) : undefined,
    input.before ? lt(auditLog.id, input.before) : undefined,
  ];
  if (actor.role !== "admin") {
    if (!actor.storeIds.length) return { items: [], nextBefore: null };
    filters.push(inArray(auditLog.storeId, actor.storeIds));
  }
  const rows = await db
    .select({
      ...getTableColumns(auditLog),
      actorName: users.name,
      storeName: locations.name,
      deviceStoreName: deviceStore.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(locations, eq(locations.id, auditLog.storeId))
    .leftJoin(kioskDevices, eq(kioskDevices.id, auditLog.actorDeviceId))
    .leftJoin(deviceStore, eq(deviceStore.id, kioskDevices.storeId))
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
}
