import { and, desc, eq, gte, ilike, inArray, lt, lte, type SQL } from "drizzle-orm";

import { auditLog, type DbOrTx } from "@omni/db";

import type { Actor } from "../kernel";

/** The audit trail for the back office: admins see everything, other staff see their stores. */
export async function listAudit(
  db: DbOrTx,
  actor: Actor,
  input: { action?: string; actor?: string; storeId?: string; from?: Date; to?: Date; limit: number; before?: number },
) {
  const filters: (SQL | undefined)[] = [
    input.action ? ilike(auditLog.action, `${input.action.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
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
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
}
