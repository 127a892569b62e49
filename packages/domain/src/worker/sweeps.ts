import { clearRateLimits, type Sweep } from "../kernel";
import { deliverOutboxSweep } from "../messages";
import { expirePickups, pickupReminders } from "../orders";
import { expireReservations, reservationReminders } from "../reservations";

/** Every periodic job; each area appends its own. */
export const sweeps: Sweep[] = [];

sweeps.push(deliverOutboxSweep, clearRateLimits);

sweeps.push(pickupReminders, expirePickups, reservationReminders, expireReservations);
