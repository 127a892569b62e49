import { and, eq } from "drizzle-orm";

import { returnEvents, returns, type ReturnStatus, type Tx } from "@omni/db";

import { conflict, type Actor } from "../kernel";

/**
 * The life of a return: requested → received → refunded, or requested → rejected / cancelled.
 * Every step is written to return_events (who, channel, when): the return's timeline.
 */
const allowed: Record<ReturnStatus, ReturnStatus[]> = {
  requested: ["received", "rejected", "cancelled"],
  received: ["refunded"],
  refunded: [],
  rejected: [],
  cancelled: [],
};

export const canMoveReturn = (from: ReturnStatus, to: ReturnStatus) => allowed[from].includes(to);

/** Why a return cannot take a step, in words a shopper or clerk understands. */
export function refusalFor(from: ReturnStatus, to: ReturnStatus): string {
  const state: Record<ReturnStatus, string> = {
    requested: "is still waiting to be brought in",
    received: "has already been received",
    refunded: "has already been received and refunded",
    rejected: "was rejected",
    cancelled: "was cancelled",
  };
  const action: Record<ReturnStatus, string> = {
    requested: "requested again",
    received: "received",
    refunded: "refunded",
    rejected: "rejected",
    cancelled: "cancelled",
  };
  return `This return ${state[from]}, so it cannot be ${action[to]}.`;
}

export async function recordReturnEvent(
  tx: Tx,
  input: {
    returnId: string;
    type: string;
    from: ReturnStatus | null;
    to: ReturnStatus | null;
    actor: Actor;
    at?: Date;
  },
): Promise<void> {
  await tx.insert(returnEvents).values({
    returnId: input.returnId,
    type: input.type,
    fromStatus: input.from,
    toStatus: input.to,
    channel: input.actor.channel,
    actorUserId: input.actor.userId ?? null,
    at: input.at ?? new Date(),
  });
}

/**
 * Moves a return from one status to the next. The caller has locked the row; the `where` on the
 * old status makes a lost race a CONFLICT even if it had not.
 */
export async function moveReturn(
  tx: Tx,
  input: {
    returnId: string;
    from: ReturnStatus;
    to: ReturnStatus;
    actor: Actor;
    set?: Partial<typeof returns.$inferInsert>;
  },
): Promise<void> {
  if (!canMoveReturn(input.from, input.to))
    throw conflict(refusalFor(input.from, input.to), {
      reason: "return_cannot_move",
      status: input.from,
      to: input.to,
    });
  const at = new Date();
  const moved = await tx
    .update(returns)
    .set({ ...input.set, status: input.to })
    .where(and(eq(returns.id, input.returnId), eq(returns.status, input.from)))
    .returning({ id: returns.id });
  if (!moved.length)
    throw conflict("This return was changed by someone else at the same moment. Please look it up again.", {
      reason: "changed_meanwhile",
    });
  await recordReturnEvent(tx, {
    returnId: input.returnId,
    type: input.to,
    from: input.from,
    to: input.to,
    actor: input.actor,
    at,
  });
}
