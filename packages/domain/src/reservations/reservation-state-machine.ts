import { eq } from "drizzle-orm";

import { reservationEvents, reservations, type ReservationStatus, type Tx } from "@omni/db";

import { conflict, type Actor } from "../kernel";
import type { ReservationRow } from "./reservation-view";

/**
 * The one reservation state machine, like the order and return ones: every change of a reservation's
 * status goes through `moveReservation`, which checks the move against this table and writes the
 * event in the caller's transaction. Only an active reservation moves; every other status is final.
 */
export const reservationTransitions: Partial<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  active: ["fulfilled", "cancelled", "expired"],
};

export function canMoveReservation(from: ReservationStatus, to: ReservationStatus): boolean {
  return reservationTransitions[from]?.includes(to) ?? false;
}

/** An event that does not change the status (created, reminder sent). */
export async function recordReservationEvent(
  tx: Tx,
  input: { reservationId: string; type: string; actor: Actor; at?: Date },
): Promise<void> {
  await tx.insert(reservationEvents).values({
    reservationId: input.reservationId,
    type: input.type,
    channel: input.actor.channel,
    actorUserId: input.actor.userId ?? null,
    at: input.at ?? new Date(),
  });
}

/** Moves a locked reservation to `to` (naming the order it became, when sold), or refuses with CONFLICT. */
export async function moveReservation(
  tx: Tx,
  input: { reservation: ReservationRow; to: ReservationStatus; actor: Actor; orderId?: string; at?: Date },
): Promise<void> {
  const { reservation, to } = input;
  if (!canMoveReservation(reservation.status, to))
    throw conflict(`Reservation ${reservation.code} is ${reservation.status} and can no longer be changed.`, {
      reason: "reservation_closed",
      code: reservation.code,
      status: reservation.status,
    });
  const at = input.at ?? new Date();
  await tx
    .update(reservations)
    .set({ status: to, closedAt: at, ...(input.orderId ? { orderId: input.orderId } : {}) })
    .where(eq(reservations.id, reservation.id));
  await recordReservationEvent(tx, { reservationId: reservation.id, type: to, actor: input.actor, at });
}
