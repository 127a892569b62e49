import { asc, eq, inArray, sql } from "drizzle-orm";

import { staffAssignments, users, type Database, type DbOrTx, type Locale, type Role } from "@omni/db";

import { issueAccountToken } from "../accounts";
import { textsFor } from "../engagement";
import { badRequest, conflict, notFound, queueMessage, recordAudit, type Actor } from "../kernel";
import { findLocations } from "../stores";

type StaffRole = Exclude<Role, "customer">;

async function assertStores(db: DbOrTx, storeIds: string[]) {
  if (!storeIds.length) return;
  const found = await findLocations(db, storeIds);
  const missing = storeIds.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw badRequest(`Unknown store: ${missing.join(", ")}.`, { reason: "store_unknown", store: missing.join(", ") });
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

/** An invitation link lasts a week: staff may start on Monday after a Friday invitation. */
const INVITE_MINUTES = 7 * 24 * 60;

/**
 * Invites a member of staff. A new account gets no password: the invitation e-mail carries a link to
 * set their own (which also proves the address). An existing customer account is promoted only when
 * its address is verified, since whoever registered an unverified address may not own it; the promotion
 * ends its sessions (session version), so every session signs in again with the new role.
 */
export async function inviteStaff(
  db: Database,
  actor: Actor,
  input: { email: string; name: string; role: StaffRole; storeIds: string[]; locale?: Locale },
) {
  input = { ...input, email: input.email.trim().toLowerCase(), storeIds: [...new Set(input.storeIds)] };
  if (input.role !== "admin" && !input.storeIds.length)
    throw badRequest("Choose at least one store for this person.", { reason: "staff_store_required" });
  return db.transaction(async (tx) => {
    await assertStores(tx, input.storeIds);
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
    if (existing && existing.role !== "customer")
      throw conflict(`${input.email} is already on the staff.`, { reason: "staff_exists", email: input.email });
    if (existing && !existing.emailVerified)
      throw conflict(
        `${input.email} has a shop account whose e-mail address is not verified yet. Ask them to confirm it from the link in their e-mail (or their account page), then invite them again.`,
        { reason: "staff_email_unverified", email: input.email },
      );
    const [user] = existing
      ? await tx
          .update(users)
          .set({ role: input.role, name: input.name, active: true, sessionVersion: sql`${users.sessionVersion} + 1` })
          .where(eq(users.id, existing.id))
          .returning()
      : await tx
          .insert(users)
          // A new account's e-mails speak the language the admin invited it in, until its owner chooses.
          .values({ email: input.email, name: input.name, role: input.role, locale: input.locale ?? "en" })
          .returning();
    if (input.storeIds.length)
      await tx.insert(staffAssignments).values(input.storeIds.map((storeId) => ({ userId: user!.id, storeId })));
    const { token, link } = await issueAccountToken(tx, "reset-password", user!.id, INVITE_MINUTES);
    await queueMessage(tx, {
      to: input.email,
      template: "staff_invited",
      subject: textsFor(user!.locale).staffInvitedSubject,
      body: (existing ? textsFor(user!.locale).staffPromotedBody : textsFor(user!.locale).staffInvitedBody)({
        name: input.name,
        role: input.role,
        link,
      }),
      data: { accountToken: token },
    });
    const after = await snapshot(tx, user!.id);
    await recordAudit(tx, actor, { action: "staff.invite", entityType: "user", entityId: user!.id, after });
    return { ...after!, inviteSent: true };
  });
}

export async function updateStaff(
  db: Database,
  actor: Actor,
  input: { userId: string; role?: StaffRole; storeIds?: string[]; active?: boolean },
) {
  if (input.userId === actor.userId && (input.active === false || (input.role && input.role !== "admin"))) {
    throw badRequest("You cannot deactivate yourself or take away your own admin role.", {
      reason: "staff_self_change",
    });
  }
  return db.transaction(async (tx) => {
    const before = await snapshot(tx, input.userId);
    if (!before || before.role === "customer") throw notFound("This member of staff", "staff_member_not_found");
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
