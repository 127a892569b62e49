import type { Sweep } from "./sweep";

/** Every periodic job; each area appends its own. */
export const sweeps: Sweep[] = [];

import { deliverOutboxSweep } from "./deliver-outbox";
sweeps.push(deliverOutboxSweep);

import { expirePickups } from "./expire-pickups";
import { pickupReminders } from "./pickup-reminders";
import { expireReservations } from "./expire-reservations";
import { reservationReminders } from "./reservation-reminders";
sweeps.push(pickupReminders, expirePickups, reservationReminders, expireReservations);
