import type { Database } from "@omni/db";

import { badRequest, canManage, forbidden, recordAudit, type Actor } from "../kernel";
import { appendEntry, lockMember } from "./ledger";
import { expiryOf, loyaltySettings } from "./settings";
import { findMember } from "./view";

/**
 * A manager's correction of a member's balance (a goodwill gesture, a mistake at the till), with the
 * reason, written to the ledger and the audit log. A debit cannot take the balance below zero.
 */
export async function adjustPoints(
  db: Database,
  actor: Actor,
  input: { email: string; points: number; reason: string },
) {
  if (actor.role !== "admin" && !actor.storeIds.some((s) => canManage(actor, s)))
    throw forbidden("Only a manager can adjust loyalty points.", { reason: "manager_only" });
  if (!Number.isInteger(input.points) || input.points === 0)
    throw badRequest("Give a whole number of points to add or take away.", {
      reason: "points_whole_number",
      field: "points",
    });
  const member = await findMember(db, input);
  return db.transaction(async (tx) => {
    const before = await lockMember(tx, member.id);
    if (before.points + input.points < 0)
      throw badRequest(`The member has ${before.points} points; you cannot take away ${-input.points}.`, {
        reason: "points_take_too_many",
        balance: before.points,
        points: -input.points,
        field: "points",
      });
    const settings = await loyaltySettings(tx);
    const points = await appendEntry(tx, {
      userId: member.id,
      type: "adjusted",
      points: input.points,
      reason: input.reason,
      actorUserId: actor.userId ?? null,
      expiresAt: input.points > 0 ? expiryOf(settings, new Date()) : null,
    });
    await recordAudit(tx, actor, {
      action: "loyalty.adjust",
      entityType: "member",
      entityId: member.email,
      before: { points: before.points },
      after: { points, change: input.points, reason: input.reason },
    });
    return { email: member.email, points };
  });
}
