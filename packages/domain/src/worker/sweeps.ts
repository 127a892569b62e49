import type { Sweep } from "../kernel";

/** Every periodic job; each area appends its own. */
export const sweeps: Sweep[] = [];

import { deliverOutboxSweep } from "../messages";
sweeps.push(deliverOutboxSweep);

import { expirePickups } from "../orders";
import { pickupReminders } from "../orders";
import { expireReservations } from "../reservations";
import { reservationReminders } from "../reservations";
sweeps.push(pickupReminders, expirePickups, reservationReminders, expireReservations);
