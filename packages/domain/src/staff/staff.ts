import { asc, eq, inArray, sql } from "drizzle-orm";

import { hashPassword, staffAssignments, users, type Database, type DbOrTx, type Role } from "@omni/db";

import { badRequest, conflict, notFound, randomCode, recordAudit, type Actor } from "../kernel";
import { findLocations } from "../stores";

type StaffRole = Exclude<Role, "customer">;

async function assertStores(db: DbOrTx, storeIds: string[]) {
  if (!storeIds.length) return;
  const found = await findLocations(db, storeIds);
  const missing = storeIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw badRequest(`Unknown store: ${missing.join(", ")}.`);
}

async function snapshot(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const stores = await db
    .select({ storeId: staffAssignments.storeId })
    .from(staffAssignments)
    .where(eq(staffAssignments.userId, userId));
  return { ...user, storeIds: stores.map((s) => s.storeId).sort() };
}

export async function listStaff(db: DbOrTx) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.role, ["associate", "manager", "admin"]))
    .orderBy(asc(users.email));
  return Promise.all(rows.map(async (r) => (await snapshot(db, r.id))!));
}

/**
 * Invites a member of staff: creates the account with a one-time password that the admin passes on.
 * An existing customer account is promoted instead of duplicated.
 */
export async function inviteStaff(
  db: Database,
  actor: Actor,
  input: { email: string; name: string; role: StaffRole; storeIds: string[] },
) {
  input = { ...input, storeIds: [...new Set(input.storeIds)] };
  if (input.role !== "admin" && !input.storeIds.length) throw badRequest("Choose at least one store for this person.");
  return db.transaction(async (tx) => {
    await assertStores(tx, input.storeIds);
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
    if (existing && existing.role !== "customer") throw conflict(`${input.email} is already on the staff.`);
    const temporaryPassword = `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`;
    const passwordHash = await hashPassword(temporaryPassword);
    const [user] = existing
      ? await tx
          .update(users)
          // A new role and password: every session the account already had ends (session version).
          .set({
            role: input.role,
            name: input.name,
            active: true,
            passwordHash,
            sessionVersion: sql`${users.sessionVersion} + 1`,
          })
          .where(eq(users.id, existing.id))
          .returning()
      : await tx
          .insert(users)
          .values({ email: input.email, name: input.name, role: input.role, passwordHash })
          .returning();
    if (input.storeIds.length)
      await tx.insert(staffAssignments).values(input.storeIds.map((storeId) => ({ userId: user!.id, storeId })));
    const after = await snapshot(tx, user!.id);
    await recordAudit(tx, actor, { action: "staff.invite", entityType: "user", entityId: user!.id, after });
    return { ...after!, temporaryPassword };
  });
}

export async function updateStaff(
  db: Database,
  actor: Actor,
  input: { userId: string; role?: StaffRole; storeIds?: string[]; active?: boolean },
) {
  if (input.userId === actor.userId && (input.active === false || (input.role && input.role !== "admin"))) {
    throw badRequest("You cannot deactivate yourself or take away your own admin role.");
  }
  return db.transaction(async (tx) => {
    const before = await snapshot(tx, input.userId);
    if (!before || before.role === "customer") throw notFound("This member of staff");
    if (input.storeIds) {
      const storeIds = [...new Set(input.storeIds)];
      await assertStores(tx, storeIds);
      await tx.delete(staffAssignments).where(eq(staffAssignments.userId, input.userId));
      if (storeIds.length)
        await tx.insert(staffAssignments).values(storeIds.map((storeId) => ({ userId: input.userId, storeId })));
    }
    if (input.role !== undefined || input.active !== undefined) {
      await tx
        .update(users)
        .set({
          ...(input.role ? { role: input.role } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          // A role change ends the account's sessions: each signs in again with what it may now do.
          ...(input.role && input.role !== before.role ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
        })
        .where(eq(users.id, input.userId));
    }
    const after = await snapshot(tx, input.userId);
    await recordAudit(tx, actor, { action: "staff.update", entityType: "user", entityId: input.userId, before, after });
    return after!;
  });
}
