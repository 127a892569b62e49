import { eq, sql } from "drizzle-orm";

import { reservations } from "@omni/db";

import { messageLocale, queueServiceSms, smsWhen, textsFor } from "../engagement";
import { at, handleEachLocked, queueMessage, systemActor, whenText, type Sweep } from "../kernel";
import { findLocation } from "../stores";
import { recordReservationEvent } from "./reservation-state-machine";
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
        const store = await findLocation(tx, reservation.storeId);
        await tx.update(reservations).set({ reminderSentAt: now }).where(eq(reservations.id, reservation.id));
        const t = textsFor(reservation.locale);
        await queueMessage(tx, {
          to: reservation.email,
          template: "reservation_expiring",
          subject: t.reservationExpiringSubject(reservation.code),
          body: t.reservationExpiringBody({
            name: reservation.name,
            code: reservation.code,
            store: store.name,
            until: whenText(reservation.expiresAt, store.timezone, messageLocale(reservation.locale)),
          }),
          data: {
            code: reservation.code,
            storeId: store.id,
            storeName: store.name,
            expiresAt: reservation.expiresAt.toISOString(),
          },
        });
        await queueServiceSms(tx, {
          phone: reservation.phone,
          email: reservation.email,
          template: "reservation_expiring",
          body: t.reservationExpiringSms({
            code: reservation.code,
            store: store.name,
            until: smsWhen(reservation.expiresAt, store.timezone),
          }),
          data: { code: reservation.code, storeId: store.id },
        });
        await recordReservationEvent(tx, {
          reservationId: reservation.id,
          type: "reminder_sent",
          actor: systemActor,
          at: now,
        });
      },
    }),
};
