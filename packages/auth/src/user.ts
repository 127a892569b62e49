import { eq } from "drizzle-orm";

import { staffAssignments, users, type Database, type Role } from "@omni/db";

export type UserActor = { userId: string; email: string; name: string; role: Role; storeIds: string[] };

/**
 * Reads the user behind a session on every request, so that a role change or a deactivation
 * takes effect at once rather than when the session cookie expires.
 */
export async function loadUserActor(db: Database, userId: string): Promise<UserActor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || !user.active) return null;
  const stores = await db
    .select({ storeId: staffAssignments.storeId })
    .from(staffAssignments)
    .where(eq(staffAssignments.userId, userId));
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    storeIds: stores.map((s) => s.storeId),
  };
}
