import { demandForecastSweep, refreshAnalyticsSweep } from "../analytics";
import type { Sweep } from "../kernel";
import { deliverOutboxSweep } from "../messages";
import { expirePickups, pickupReminders } from "../orders";
import { expireReservations, reservationReminders } from "../reservations";

/** Every periodic job; each area appends its own. */
export const sweeps: Sweep[] = [];

sweeps.push(deliverOutboxSweep);

sweeps.push(pickupReminders, expirePickups, reservationReminders, expireReservations);

sweeps.push(refreshAnalyticsSweep, demandForecastSweep);
