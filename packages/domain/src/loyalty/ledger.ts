import { and, eq, sql } from "drizzle-orm";

import { loyaltyEntries, loyaltyMembers, users, type DbOrTx, type LoyaltyEntryType, type Tx } from "@omni/db";

import { conflict } from "../kernel";

export type LoyaltyEntryInput = {
  userId: string;
  type: LoyaltyEntryType;
  /** Signed: credits are positive, debits negative. */
  points: number;
  orderId?: string | null;
  orderNumber?: string | null;
  returnId?: string | null;
  channel?: string | null;
  reason?: string | null;
  actorUserId?: string | null;
  expiresAt?: Date | null;
  at?: Date;
};

/** Every customer account is a member; staff accounts and guests are not. */
export async function isMember(db: DbOrTx, userId: string | null | undefined): Promise<boolean> {
  if (!userId) return false;
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return user?.role === "customer";
}

/**
 * Locks a member's balance row for the rest of the transaction (creating it on first use). Every ledger
 * writer takes this lock first, so the checks it makes (enough points, bonus not yet given) hold until commit.
 */
export async function lockMember(tx: Tx, userId: string): Promise<{ points: number }> {
  await tx.insert(loyaltyMembers).values({ userId }).onConflictDoNothing();
  const [member] = await tx
    .select({ points: loyaltyMembers.points })
    .from(loyaltyMembers)
    .where(eq(loyaltyMembers.userId, userId))
    .for("update");
  if (!member) throw new Error("The loyalty member row was not written.");
  return member;
}

/** Appends one entry and moves the balance by it; the caller holds the member's lock. */
export async function appendEntry(tx: Tx, entry: LoyaltyEntryInput): Promise<number> {
  if (entry.points === 0) return 0;
  const [moved] = await tx
    .update(loyaltyMembers)
    .set({ points: sql`${loyaltyMembers.points} + ${entry.points}` })
    .where(and(eq(loyaltyMembers.userId, entry.userId), sql`${loyaltyMembers.points} + ${entry.points} >= 0`))
    .returning({ points: loyaltyMembers.points });
  if (!moved) throw conflict("There are not enough loyalty points for this.", { reason: "points_not_enough" });
  await tx.insert(loyaltyEntries).values({
    userId: entry.userId,
    type: entry.type,
    points: entry.points,
    orderId: entry.orderId ?? null,
    orderNumber: entry.orderNumber ?? null,
    returnId: entry.returnId ?? null,
    channel: entry.channel ?? null,
    reason: entry.reason ?? null,
    actorUserId: entry.actorUserId ?? null,
    expiresAt: entry.expiresAt ?? null,
    at: entry.at ?? new Date(),
  });
  return moved.points;
}

/** The member's balance (0 for an account that never earned). */
export async function pointsBalance(db: DbOrTx, userId: string): Promise<number> {
  const [member] = await db
    .select({ points: loyaltyMembers.points })
    .from(loyaltyMembers)
    .where(eq(loyaltyMembers.userId, userId));
  return member?.points ?? 0;
}

/** The net points of one type an order has moved (e.g. redeemed: negative). */
export async function orderPoints(tx: DbOrTx, orderId: string, types: LoyaltyEntryType[]): Promise<number> {
  const [row] = await tx
    .select({ sum: sql<number>`coalesce(sum(${loyaltyEntries.points}), 0)::int` })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orderId, orderId), sql`${loyaltyEntries.type} in ${types}`));
  return row?.sum ?? 0;
}
