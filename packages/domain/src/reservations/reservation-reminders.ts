import { eq, sql } from "drizzle-orm";

import { locations, reservationEvents, reservations } from "@omni/db";

import { queueMessage, systemActor, type Sweep } from "../kernel";
import { at, handleEachLocked } from "../orders";
import { lockReservation } from "./reservation-view";

/** How long before a reservation lapses the shopper is reminded, once. */
export const RESERVATION_REMINDER_HOURS = 6;

export const reservationReminders: Sweep = {
  name: "reservation-reminders",
  run: (db, now) =>
    handleEachLocked(db, {
      table: "reservations",
      now,
      due: sql`status = 'active' and reminder_sent_at is null and expires_at > ${at(now)}
        and expires_at <= ${at(now)} + make_interval(hours => ${RESERVATION_REMINDER_HOURS})`,
      handle: async (tx, id) => {
        const reservation = await lockReservation(tx, id);
        const [store] = await tx.select().from(locations).where(eq(locations.id, reservation.storeId));
        await tx.update(reservations).set({ reminderSentAt: now }).where(eq(reservations.id, reservation.id));
        const until = new Intl.DateTimeFormat("en-GB", {
          timeZone: store!.timezone,
          dateStyle: "full",
          timeStyle: "short",
        }).format(reservation.expiresAt);
        await queueMessage(tx, {
          to: reservation.email,
          template: "reservation_expiring",
          subject: `Your reservation ${reservation.code} ends soon`,
          body: `Hello ${reservation.name}, we are holding your items at ${store!.name} until ${until}. Show the code ${reservation.code} at the counter to pay and collect them.`,
          data: {
            code: reservation.code,
            storeId: store!.id,
            storeName: store!.name,
            expiresAt: reservation.expiresAt.toISOString(),
          },
        });
        await tx
          .insert(reservationEvents)
          .values({ reservationId: reservation.id, type: "reminder_sent", channel: systemActor.channel, at: now });
      },
    }),
};
