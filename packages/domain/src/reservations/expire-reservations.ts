import { sql } from "drizzle-orm";

import { at, handleEachLocked, systemActor, type Sweep } from "../kernel";
import { lockReservation } from "./reservation-view";
import { closeReservation } from "./reservations";

/**
 * Reservations past their time: marked expired, holds released if still open, shopper told.
 * (Their units already stopped counting for availability the moment they lapsed.)
 */
export const expireReservations: Sweep = {
  name: "expire-reservations",
  run: (db, now) =>
    handleEachLocked(db, {
      table: "reservations",
      now,
      due: sql`status = 'active' and expires_at <= ${at(now)}`,
      handle: async (tx, id) => {
        const reservation = await lockReservation(tx, id);
        await closeReservation(tx, { reservation, to: "expired", actor: systemActor, at: now });
      },
    }),
};
