import { eq } from "drizzle-orm";

import { settings, type Database } from "@omni/db";

import { badRequest, limitHolds, limits, type Actor } from "../kernel";

/** Units one reservation may hold when the `reservation_max_units` setting is not set. */
export const DEFAULT_RESERVATION_MAX_UNITS = 10;

/**
 * The entry checks of `reservations.create`: per caller and per e-mail (contract: the first 5 in an
 * hour always go through, from the 21st on `TOO_MANY_REQUESTS`), and at most `reservation_max_units`
 * units in one reservation, since a reservation holds stock without any payment.
 */
export async function checkReservationLimits(
  db: Database,
  actor: Actor,
  input: { email: string; lines: { quantity: number }[] },
): Promise<void> {
  await limitHolds(
    db,
    actor,
    input.email,
    { caller: "reservations", email: "reservationsEmail" },
    { caller: limits.reservations.points, email: limits.reservationsEmail.points },
  );
  const units = input.lines.reduce((sum, line) => sum + line.quantity, 0);
  const max = await reservationMaxUnits(db);
  if (units > max)
    throw badRequest(`A reservation can hold at most ${max} items. Reserve fewer, or order them instead.`, {
      reason: "reservation_too_many_units",
      max,
      field: "lines",
    });
}

export async function reservationMaxUnits(db: Database): Promise<number> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, "reservation_max_units"));
  const value = Number(row?.value);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_RESERVATION_MAX_UNITS;
}
